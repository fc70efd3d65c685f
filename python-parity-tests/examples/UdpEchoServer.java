// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.examples;

import static dev.pysocket.socket.*;

import dev.pysocket.Address;
import dev.pysocket.InetAddr;
import dev.pysocket.Py;
import dev.pysocket.RecvFrom;
import dev.pysocket.SocketType;

/** UDP echo server: sends every datagram back to where it came from (no connection, no accept). */
public final class UdpEchoServer {
    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        String host = args.get("--host", "127.0.0.1");
        int port = args.getInt("--port", 65432);
        args.check();

        try (SocketType server = socket(AF_INET, SOCK_DGRAM)) {
            server.bind(new InetAddr(host, port));
            InetAddr bound = (InetAddr) server.getsockname();
            System.out.println("Server is listening on " + bound.host() + ":" + bound.port());
            while (true) {
                // Rule: `data, addr = s.recvfrom(n)` → `s.recvfrom(n) instanceof RecvFrom(byte[] data, Address addr)`
                if (server.recvfrom(65535) instanceof RecvFrom(byte[] data, Address addr)) {
                    System.out.println("Received " + Py.repr(data) + " from " + addr);
                    server.sendto(data, addr);
                }
            }
        }
    }
}
