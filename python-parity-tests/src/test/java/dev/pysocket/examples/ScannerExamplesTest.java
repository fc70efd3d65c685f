// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.examples;

import static dev.pysocket.socket.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pysocket.InetAddr;
import dev.pysocket.SocketType;
import dev.pysocket.examples.ExampleProcess.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both scanners against ports this test opened (listening) and closed (bound once, then
 * closed). They scan 127.0.0.2, a loopback address no other test binds, so that a full scan
 * touches only services bound to every address.
 */
class ScannerExamplesTest {
    static final String HOST = "127.0.0.2";
    final List<SocketType> listeners = new ArrayList<>();
    final List<Integer> open = new ArrayList<>();
    final List<Integer> closed = new ArrayList<>();

    @BeforeEach
    void openAndClosePorts() throws Exception {
        for (int i = 0; i < 3; i++) {
            SocketType listener = create_server(new InetAddr(HOST, 0));
            listeners.add(listener);
            open.add(((InetAddr) listener.getsockname()).port());
            try (SocketType gone = socket(AF_INET, SOCK_STREAM)) {
                gone.bind(new InetAddr(HOST, 0));
                closed.add(((InetAddr) gone.getsockname()).port());
            }
        }
        open.sort(null);
    }

    @AfterEach
    void closeListeners() throws Exception {
        for (SocketType listener : listeners) {
            listener.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    @Timeout(60)
    void portScannerFindsExactlyTheOpenPorts(Kind kind) throws Exception {
        List<Integer> ports = new ArrayList<>(open);
        ports.addAll(closed);
        ports.sort(null);
        String spec = ports.stream().map(String::valueOf).collect(Collectors.joining(","));
        // two hosts: the listeners are bound to 127.0.0.2 only, so 127.0.0.3 has nothing open
        List<String> printed = ExampleProcess.run(kind, "port_scanner", "--host", HOST, "--hosts", "2", "--ports", spec);
        assertEquals(open.stream().map(port -> HOST + ":" + port + " is open").toList(), printed);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    @Timeout(60)
    void portScannerTakesRanges(Kind kind) throws Exception {
        int port = open.getFirst();
        List<String> printed = ExampleProcess.run(kind, "port_scanner", "--host", HOST,
                "--ports", (port - 2) + "-" + (port + 2));
        assertTrue(printed.contains(HOST + ":" + port + " is open"), printed.toString());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    @Timeout(120)
    void fastScannerCoversEveryPort(Kind kind) throws Exception {
        long start = System.nanoTime();
        List<String> printed = ExampleProcess.run(kind, "fast_scanner", "--host", HOST);
        double wall = (System.nanoTime() - start) / 1e9;
        for (int port : open) {
            assertTrue(printed.contains(HOST + ":" + port + " is open"), port + " missing from " + printed);
        }
        for (int port : closed) {
            assertFalse(printed.contains(HOST + ":" + port + " is open"), port + " is closed: " + printed);
        }
        String last = printed.getLast();
        assertTrue(last.matches("Scanned 65535 ports in \\d+\\.\\d\\d s"), last);
        System.out.printf("fast_scanner (%s): %s, %.2f s with process start%n", kind, last, wall);
    }
}
