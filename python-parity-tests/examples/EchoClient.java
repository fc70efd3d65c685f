// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.examples;

import static dev.pysocket.socket.*;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.pysocket.InetAddr;
import dev.pysocket.Py;
import dev.pysocket.SocketType;
import java.io.ByteArrayOutputStream;

/** Echo client: sends a message, then prints everything the server sends back. */
public final class EchoClient {
    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        String host = args.get("--host", "127.0.0.1");
        int port = args.getInt("--port", 65432);
        String message = args.get("--message", "Hello, world");
        args.check();

        try (SocketType sock = socket(AF_INET, SOCK_STREAM)) {
            sock.connect(new InetAddr(host, port));
            // Rule: `text.encode()` → `text.getBytes(UTF_8)` (say the charset: Java's default may differ)
            sock.sendall(message.getBytes(UTF_8));
            sock.shutdown(SHUT_WR);
            var received = new ByteArrayOutputStream();
            while (true) {
                byte[] data = sock.recv(1024);
                if (data.length == 0) {
                    break;
                }
                received.writeBytes(data);
            }
            System.out.println("Received " + Py.repr(received.toByteArray()));
        }
    }
}
