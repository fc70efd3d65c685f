// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.socket.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The echo example, as written (port 0 instead of 8000). */
class EchoExampleTest {
    @Test
    @Timeout(20)
    void echoServerAndClient() throws Exception {
        try (var sock = socket(AF_INET, SOCK_STREAM)) {
            sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
            sock.bind(new InetAddr("localhost", 0));
            sock.listen(1);
            int port = ((InetAddr) sock.getsockname()).port();
            CompletableFuture<byte[]> client = CompletableFuture.supplyAsync(() -> {
                try (var c = create_connection(new InetAddr("localhost", port), 10.0)) {
                    c.sendall("Hello, server!".getBytes());
                    return c.recv(1024);
                } catch (OSError e) {
                    throw new RuntimeException(e);
                }
            });
            var accepted = sock.accept();
            if (accepted instanceof Accepted(SocketType conn, Address address)) {
                try (conn) {
                    assertEquals("127.0.0.1", ((InetAddr) address).host());
                    byte[] data = conn.recv(1024);
                    assertEquals("Hello, server!", new String(data));
                    conn.sendall(data);
                }
            }
            assertEquals("Hello, server!", new String(client.get(10, TimeUnit.SECONDS)));
            assertTrue(sock.toString().startsWith("<socket.socket fd="), sock.toString());
        }
    }
}
