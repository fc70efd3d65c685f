// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.examples;

import static dev.pysocket.socket.*;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.pysocket.Address;
import dev.pysocket.InetAddr;
import dev.pysocket.Py;
import dev.pysocket.RecvFrom;
import dev.pysocket.SocketType;
import dev.pysocket.TimeoutError;

/** UDP echo client: one datagram out, one back, with a timeout since UDP may lose either. */
public final class UdpEchoClient {
    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        String host = args.get("--host", "127.0.0.1");
        int port = args.getInt("--port", 65432);
        String message = args.get("--message", "Hello, UDP");
        args.check();

        try (SocketType sock = socket(AF_INET, SOCK_DGRAM)) {
            // Rule: `settimeout(5)` → `settimeout(5.0)` (a Double: null is None, an int literal does not box to it)
            sock.settimeout(5.0);
            sock.sendto(message.getBytes(UTF_8), new InetAddr(host, port));
            try {
                if (sock.recvfrom(65535) instanceof RecvFrom(byte[] data, Address addr)) {
                    System.out.println("Received " + Py.repr(data) + " from " + addr);
                }
            } catch (TimeoutError e) {
                System.out.println("No reply (UDP does not retransmit)");
            }
        }
    }
}
