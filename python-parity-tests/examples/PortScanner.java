// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.examples;

import static dev.pysocket.socket.*;

import dev.pysocket.InetAddr;
import dev.pysocket.SocketType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Port scanner: a TCP connect scan (connect_ex, 0.5 s per attempt) that prints each open port. */
public final class PortScanner {
    static List<Integer> parsePorts(String spec) {
        List<Integer> ports = new ArrayList<>();
        for (String part : spec.split(",")) {
            // Rule: `first, _, last = s.partition('-')` → split("-", 2) and check the length
            String[] bounds = part.split("-", 2);
            int first = Integer.parseInt(bounds[0]);
            int last = bounds.length == 2 ? Integer.parseInt(bounds[1]) : first;
            for (int port = first; port <= last; port++) {
                ports.add(port);
            }
        }
        return ports;
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        String firstHost = args.get("--host", "127.0.0.1");
        int hosts = args.getInt("--hosts", 1);
        String ports = args.get("--ports", "1-1024");
        args.check();

        // Rule: `int.from_bytes(b, 'big')` / `n.to_bytes(4, 'big')` → ByteBuffer.getInt() / putInt() (big-endian by default)
        int first = ByteBuffer.wrap(inet_aton(firstHost)).getInt();
        for (int i = 0; i < hosts; i++) {
            String host = inet_ntoa(ByteBuffer.allocate(4).putInt(first + i).array());
            for (int port : parsePorts(ports)) {
                try (SocketType sock = socket(AF_INET, SOCK_STREAM)) {
                    sock.settimeout(0.5);
                    if (sock.connect_ex(new InetAddr(host, port)) == 0) {
                        System.out.println(host + ":" + port + " is open");
                    }
                }
            }
        }
    }
}
