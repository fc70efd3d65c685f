// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.examples;

import static dev.pysocket.examples.ExampleProcess.start;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pysocket.examples.ExampleProcess.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The echo, IPv6 echo, UDP echo, non-blocking and select clients and their servers, each in the
 * four pairings (Python or Java server with a Python or Java client) over loopback, comparing
 * what each side printed, which includes the bytes each side saw.
 */
class EchoExamplesTest {
    /** Non-ASCII text and both quotes: the bytes repr must come out as Python's. */
    static final String MESSAGE = "h\u00e9llo \"quoted\" 'world'";
    static final String MESSAGE_REPR = "b'h\\xc3\\xa9llo \"quoted\" \\'world\\''";
    static final Duration WAIT = Duration.ofSeconds(30);

    static Stream<Arguments> pairings() {
        return Stream.of(Kind.values()).flatMap(server -> Stream.of(Kind.values()).map(client -> Arguments.of(server, client)));
    }

    @ParameterizedTest(name = "{0} server, {1} client")
    @MethodSource("pairings")
    @Timeout(90)
    void echo(Kind server, Kind client) throws Exception {
        try (ExampleProcess s = start(server, "echo_server", "--port", "0")) {
            String port = Integer.toString(s.port());
            assertEquals(List.of("Received " + MESSAGE_REPR),
                    ExampleProcess.run(client, "echo_client", "--port", port, "--message", MESSAGE));
            assertEquals(0, s.exit(WAIT));
            assertEquals(List.of("Server is listening on 127.0.0.1:PORT", "Connected by ('127.0.0.1', PORT)",
                    "Echoed " + MESSAGE_REPR), s.normalised());
        }
    }

    @ParameterizedTest(name = "{0} server, {1} client")
    @MethodSource("pairings")
    @Timeout(90)
    void echoIpv6(Kind server, Kind client) throws Exception {
        try (ExampleProcess s = start(server, "echo_server6", "--port", "0")) {
            String port = Integer.toString(s.port());
            List<String> printed = ExampleProcess.run(client, "echo_client6", "--port", port, "--message", MESSAGE);
            assertEquals(List.of("Connected to ('::1', PORT, 0, 0) from family <AddressFamily.AF_INET6: 10>",
                    "Received " + MESSAGE_REPR), printed.stream().map(ExampleProcess::normalise).toList());
            assertEquals(0, s.exit(WAIT));
            assertEquals(List.of("Server is listening on ::1:PORT", "Connected by ('::1', PORT, 0, 0)",
                    "Echoed " + MESSAGE_REPR), s.normalised());
        }
    }

    @ParameterizedTest(name = "{0} server, {1} client")
    @MethodSource("pairings")
    @Timeout(90)
    void udpEcho(Kind server, Kind client) throws Exception {
        try (ExampleProcess s = start(server, "udp_echo_server", "--port", "0")) {
            String port = Integer.toString(s.port());
            List<String> printed = ExampleProcess.run(client, "udp_echo_client", "--port", port, "--message", MESSAGE);
            assertEquals(List.of("Received " + MESSAGE_REPR + " from ('127.0.0.1', " + port + ")"), printed);
            s.await(line -> line.startsWith("Received"), WAIT);
            assertEquals(List.of("Server is listening on 127.0.0.1:PORT",
                    "Received " + MESSAGE_REPR + " from ('127.0.0.1', PORT)"), s.normalised());
        }
    }

    @ParameterizedTest(name = "{0} server, {1} client")
    @MethodSource("pairings")
    @Timeout(90)
    void nonblockingClient(Kind server, Kind client) throws Exception {
        try (ExampleProcess s = start(server, "echo_server", "--port", "0")) {
            String port = Integer.toString(s.port());
            assertEquals(List.of("Connected to ('127.0.0.1', " + port + ")", "Received " + MESSAGE_REPR),
                    ExampleProcess.run(client, "nonblocking_client", "--port", port, "--message", MESSAGE));
            assertEquals(0, s.exit(WAIT));
            assertEquals("Echoed " + MESSAGE_REPR, s.lines().getLast());
        }
    }

    @ParameterizedTest(name = "{0} servers, {1} client")
    @MethodSource("pairings")
    @Timeout(90)
    void selectClient(Kind server, Kind client) throws Exception {
        List<ExampleProcess> servers = new ArrayList<>();
        try {
            List<String> ports = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                servers.add(start(server, "echo_server", "--port", "0"));
                ports.add(Integer.toString(servers.getLast().port()));
            }
            List<String> printed = ExampleProcess.run(client, "select_client", "--ports", String.join(",", ports));
            // the order is whichever server answered first
            assertEquals(List.of("server 0 sent b'message 0'", "server 1 sent b'message 1'", "server 2 sent b'message 2'"),
                    printed.stream().sorted().toList());
            for (int i = 0; i < 3; i++) {
                assertEquals(0, servers.get(i).exit(WAIT));
                assertEquals("Echoed b'message " + i + "'", servers.get(i).lines().getLast());
            }
        } finally {
            servers.forEach(ExampleProcess::close);
        }
    }
}
