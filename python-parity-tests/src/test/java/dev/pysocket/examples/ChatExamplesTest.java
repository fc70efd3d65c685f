// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.examples;

import static dev.pysocket.examples.ExampleProcess.start;
import static dev.pysocket.socket.*;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pysocket.InetAddr;
import dev.pysocket.SocketType;
import dev.pysocket.examples.ExampleProcess.Kind;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chat server in both shapes (a thread per client, a selector) and both languages, with
 * chat clients of either language: messages reach every other client, a client that leaves is
 * removed, and the threaded Java server holds 1,000 clients at once.
 */
class ChatExamplesTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    static Stream<Arguments> servers() {
        return Stream.of("chat_server", "chat_server_selectors").flatMap(server -> Stream.of(Kind.values())
                .flatMap(kind -> Stream.of(Kind.values()).map(client -> Arguments.of(kind, server, client))));
    }

    @ParameterizedTest(name = "{0} {1}, {2} clients")
    @MethodSource("servers")
    @Timeout(120)
    void messagesReachTheOthersAndLeaversAreRemoved(Kind kind, String server, Kind client) throws Exception {
        try (ExampleProcess s = start(kind, server, "--port", "0")) {
            String port = Integer.toString(s.port());
            List<ExampleProcess> clients = new ArrayList<>();
            try {
                for (int i = 1; i <= 3; i++) { // one at a time, so that the server's lines come in order
                    clients.add(start(client, "chat_client", "--port", port));
                    s.awaitCount("Connected by", i, WAIT);
                }
                ExampleProcess a = clients.get(0), b = clients.get(1), c = clients.get(2);
                a.send("hello from A, caf\u00e9");
                b.await("hello from A, caf\u00e9"::equals, WAIT);
                c.await("hello from A, caf\u00e9"::equals, WAIT);
                c.closeStdin();
                assertEquals(0, c.exit(WAIT));
                s.awaitCount("Disconnected", 1, WAIT);
                b.send("hi from B");
                a.await("hi from B"::equals, WAIT);
                a.closeStdin();
                assertEquals(0, a.exit(WAIT));
                s.awaitCount("Disconnected", 2, WAIT);
                b.closeStdin();
                assertEquals(0, b.exit(WAIT));
                s.awaitCount("Disconnected", 3, WAIT);

                assertEquals(List.of("hi from B"), a.lines());
                assertEquals(List.of("hello from A, caf\u00e9"), b.lines());
                assertEquals(List.of("hello from A, caf\u00e9"), c.lines());
                assertEquals(List.of("Server is listening on 127.0.0.1:PORT",
                        "Connected by ('127.0.0.1', PORT)", "Connected by ('127.0.0.1', PORT)",
                        "Connected by ('127.0.0.1', PORT)",
                        "Disconnected ('127.0.0.1', PORT) (2 left)", "Disconnected ('127.0.0.1', PORT) (1 left)",
                        "Disconnected ('127.0.0.1', PORT) (0 left)"), s.normalised());
            } finally {
                clients.forEach(ExampleProcess::close);
            }
        }
    }

    static final int CLIENTS = 1000;

    @Test
    @Timeout(240)
    void threadedJavaServerHoldsAThousandClients() throws Exception {
        long limit = ((com.sun.management.UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getMaxFileDescriptorCount();
        assumeTrue(limit >= CLIENTS + 500, "ulimit -n is " + limit + ": the 1,000-client test needs "
                + (CLIENTS + 500) + " descriptors in this process and in the server (raise it with ulimit -n)");
        try (ExampleProcess s = start(Kind.JAVA, "chat_server", "--port", "0")) {
            InetAddr server = new InetAddr("127.0.0.1", s.port());
            List<SocketType> clients = new ArrayList<>();
            try {
                for (int i = 0; i < CLIENTS; i++) {
                    clients.add(create_connection(server, 30.0));
                }
                s.awaitCount("Connected by", CLIENTS, Duration.ofSeconds(120));
                byte[] message = "hello, everyone\n".getBytes(UTF_8);
                clients.getFirst().sendall(message);
                for (SocketType client : clients.subList(1, CLIENTS)) {
                    var got = new ByteArrayOutputStream();
                    while (got.size() < message.length) {
                        byte[] data = client.recv(1024);
                        assertTrue(data.length > 0, "the server closed a client");
                        got.writeBytes(data);
                    }
                    assertEquals("hello, everyone\n", got.toString(UTF_8));
                }
            } finally {
                for (SocketType client : clients) {
                    client.close();
                }
            }
            s.awaitCount("Disconnected", CLIENTS, Duration.ofSeconds(120));
            assertEquals(1, s.lines().stream().filter(l -> l.endsWith("(0 left)")).count());
        }
    }
}
