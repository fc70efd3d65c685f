// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.examples;

import static dev.pysocket.socket.*;

import dev.pysocket.Accepted;
import dev.pysocket.Address;
import dev.pysocket.InetAddr;
import dev.pysocket.Py;
import dev.pysocket.SocketType;
import java.io.ByteArrayOutputStream;

/** Echo server: accepts one client and sends back everything it receives. */
public final class EchoServer {
    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        String host = args.get("--host", "127.0.0.1");
        int port = args.getInt("--port", 65432);
        args.check();

        try (SocketType server = socket(AF_INET, SOCK_STREAM)) {
            server.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
            server.bind(new InetAddr(host, port));
            server.listen();
            // Rule: `host, port = s.getsockname()` → cast to InetAddr, then .host() and .port()
            InetAddr bound = (InetAddr) server.getsockname();
            System.out.println("Server is listening on " + bound.host() + ":" + bound.port());
            // Rule: `conn, addr = s.accept()` → a record pattern: `s.accept() instanceof Accepted(var conn, var addr)`
            if (server.accept() instanceof Accepted(SocketType conn, Address addr)) {
                try (conn) {
                    System.out.println("Connected by " + addr);
                    // Rule: `b''` and `+=` on bytes → a ByteArrayOutputStream; print it with Py.repr(bytes)
                    var echoed = new ByteArrayOutputStream();
                    while (true) {
                        byte[] data = conn.recv(1024);
                        // Rule: `if not data:` → `data.length == 0`
                        if (data.length == 0) {
                            break;
                        }
                        conn.sendall(data);
                        echoed.writeBytes(data);
                    }
                    System.out.println("Echoed " + Py.repr(echoed.toByteArray()));
                }
            }
        }
    }
}
