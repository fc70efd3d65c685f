// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.examples;

import static dev.pysocket.socket.*;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.pysocket.InetAddr;
import dev.pysocket.Py;
import dev.pysocket.SocketType;
import java.io.ByteArrayOutputStream;

/** IPv6 echo client: create_connection picks the family from the address it resolves. */
public final class EchoClient6 {
    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        String host = args.get("--host", "::1");
        int port = args.getInt("--port", 65432);
        String message = args.get("--message", "Hello, IPv6");
        args.check();

        try (SocketType sock = create_connection(new InetAddr(host, port), 10.0)) {
            // Rule: `f'{x!r}'` → `x` (toString() is Python's repr); `f'{x}'` of an enum → `x.value()`
            System.out.println("Connected to " + sock.getpeername() + " from family " + sock.family());
            sock.sendall(message.getBytes(UTF_8));
            sock.shutdown(SHUT_WR);
            var received = new ByteArrayOutputStream();
            for (byte[] data; (data = sock.recv(1024)).length > 0; ) {
                received.writeBytes(data);
            }
            System.out.println("Received " + Py.repr(received.toByteArray()));
        }
    }
}
