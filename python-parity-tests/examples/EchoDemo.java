// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.examples;

import static dev.pysocket.socket.*;

import dev.pysocket.Accepted;
import dev.pysocket.InetAddr;
import dev.pysocket.OSError;
import dev.pysocket.SocketType;

/**
 * The echo server and client of Python's socket HOWTO, in one process over loopback, printing
 * what Python would print. Python:
 * <pre>
 * with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
 *     s.bind(('127.0.0.1', 0))
 *     s.listen()
 *     conn, addr = s.accept()
 *     with conn:
 *         data = conn.recv(1024)
 *         conn.sendall(data)
 * </pre>
 */
public final class EchoDemo {
    private EchoDemo() {
    }

    /** Runs the server on a thread and the client on the main thread. */
    public static void main(String[] args) throws Exception {
        try (SocketType s = socket(AF_INET, SOCK_STREAM)) {
            s.bind(new InetAddr("127.0.0.1", 0));
            s.listen();
            System.out.println("server: " + s);
            int port = ((InetAddr) s.getsockname()).port();
            Thread server = Thread.ofPlatform().start(() -> {
                try {
                    Accepted accepted = s.accept();
                    if (accepted instanceof Accepted(SocketType conn, var addr)) {
                        try (conn) {
                            System.out.println("Connected by " + addr);
                            byte[] data = conn.recv(1024);
                            conn.sendall(data);
                        }
                    }
                } catch (OSError e) {
                    System.out.println("server: " + e);
                }
            });
            try (SocketType c = create_connection(new InetAddr("127.0.0.1", port), 5.0)) {
                c.sendall("Hello, world".getBytes());
                byte[] data = c.recv(1024);
                System.out.println("Received " + dev.pysocket.Py.repr(data));
            }
            server.join(5_000);
        }
    }
}
