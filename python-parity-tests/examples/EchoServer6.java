// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.examples;

import static dev.pysocket.socket.*;

import dev.pysocket.Accepted;
import dev.pysocket.Address;
import dev.pysocket.Inet6Addr;
import dev.pysocket.InetAddr;
import dev.pysocket.Py;
import dev.pysocket.SocketType;
import java.io.ByteArrayOutputStream;

/** IPv6 echo server: the echo server on an AF_INET6 socket made by create_server. */
public final class EchoServer6 {
    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        String host = args.get("--host", "::1");
        int port = args.getInt("--port", 65432);
        args.check();

        // Rule: keyword arguments (`family=AF_INET6`) → the overload with the arguments in Python's order
        try (SocketType server = create_server(new InetAddr(host, port), AF_INET6)) {
            // Rule: an AF_INET6 address is a 4-tuple → Inet6Addr(host, port, flowinfo, scope_id)
            Inet6Addr bound = (Inet6Addr) server.getsockname();
            System.out.println("Server is listening on " + bound.host() + ":" + bound.port());
            if (server.accept() instanceof Accepted(SocketType conn, Address addr)) {
                try (conn) {
                    System.out.println("Connected by " + addr);
                    var echoed = new ByteArrayOutputStream();
                    // Rule: `while data := conn.recv(n):` → `for (byte[] data; (data = conn.recv(n)).length > 0; )`
                    for (byte[] data; (data = conn.recv(1024)).length > 0; ) {
                        conn.sendall(data);
                        echoed.writeBytes(data);
                    }
                    System.out.println("Echoed " + Py.repr(echoed.toByteArray()));
                }
            }
        }
    }
}
