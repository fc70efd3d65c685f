// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.examples;

import static dev.pysocket.socket.*;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.pysocket.Accepted;
import dev.pysocket.Address;
import dev.pysocket.InetAddr;
import dev.pysocket.OSError;
import dev.pysocket.SocketType;
import dev.pysocket.TimeoutError;
import java.io.ByteArrayOutputStream;

/** Web server: answers every request with an HTML "Hello, World!" page over HTTP/1.1. */
public final class WebServer {
    static final byte[] BODY = "<!DOCTYPE html>\n<html><body><h1>Hello, World!</h1></body></html>\n".getBytes(UTF_8);

    static byte[] readRequest(SocketType conn) throws OSError {
        var request = new ByteArrayOutputStream();
        // Rule: `b'\r\n\r\n' in request` → search the decoded text (latin-1 keeps every byte as one char)
        while (!request.toString(ISO_8859_1).contains("\r\n\r\n") && request.size() < 65536) {
            byte[] data = conn.recv(4096);
            if (data.length == 0) {
                break;
            }
            request.writeBytes(data);
        }
        return request.toByteArray();
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        String host = args.get("--host", "127.0.0.1");
        int port = args.getInt("--port", 8080);
        args.check();

        try (SocketType server = create_server(new InetAddr(host, port))) {
            InetAddr bound = (InetAddr) server.getsockname();
            System.out.println("Server is listening on " + bound.host() + ":" + bound.port());
            while (true) {
                if (server.accept() instanceof Accepted(SocketType conn, Address addr)) {
                    try (conn) {
                        conn.settimeout(10.0);
                        byte[] request;
                        try {
                            request = readRequest(conn);
                        } catch (TimeoutError e) {
                            continue;
                        }
                        String requestLine = new String(request, ISO_8859_1).split("\r\n", 2)[0];
                        // Rule: `client_address[0]` → `((InetAddr) addr).host()` (a record accessor, not an index)
                        System.out.println(((InetAddr) addr).host() + " \"" + requestLine + "\"");
                        String head = "HTTP/1.1 200 OK\r\n"
                                + "Content-Type: text/html; charset=utf-8\r\n"
                                + "Content-Length: " + BODY.length + "\r\n"
                                + "Connection: close\r\n"
                                + "\r\n";
                        conn.sendall(concat(head.getBytes(US_ASCII), BODY));
                    }
                }
            }
        }
    }

    // Rule: `a + b` on bytes → no operator in Java: copy both into one array
    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
