// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pysocket.PermissionError;
import dev.pysocket.SocketType;
import dev.pysocket.examples.ExampleProcess.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The programs without a peer: socket options, and the raw-socket ping with and without CAP_NET_RAW. */
class StandaloneExamplesTest {
    @Test
    @Timeout(60)
    void socketOptionsPrintAlike() throws Exception {
        List<String> python = ExampleProcess.run(Kind.PYTHON, "socket_options");
        assertEquals(python, ExampleProcess.run(Kind.JAVA, "socket_options"));
        assertEquals(List.of("family 2 <AddressFamily.AF_INET: 2>", "type 1 <SocketKind.SOCK_STREAM: 1>",
                "SO_REUSEADDR 1", "SO_KEEPALIVE 1", "TCP_NODELAY 1"), python.subList(0, 5));
        assertEquals(List.of("timeout 2.5 blocking True", "SO_RCVTIMEO (3, 500000)", "SO_SNDTIMEO (4, 0)"),
                python.subList(7, 10));
    }

    static boolean mayOpenRawSockets() throws Exception {
        try (SocketType probe = dev.pysocket.socket.socket(dev.pysocket.socket.AF_INET, dev.pysocket.socket.SOCK_RAW,
                dev.pysocket.socket.IPPROTO_ICMP)) {
            return true;
        } catch (PermissionError e) {
            return false;
        }
    }

    @Test
    @Timeout(60)
    void rawPingWhenPrivileged() throws Exception {
        assumeTrue(mayOpenRawSockets(), "this process may not open raw sockets (no CAP_NET_RAW): privileged run skipped");
        List<String> expected = List.of("Reply from 127.0.0.1: icmp_seq=1 bytes=21 data=b'pysocket ping'");
        assertEquals(expected, ExampleProcess.run(Kind.PYTHON, "raw_ping"));
        assertEquals(expected, ExampleProcess.run(Kind.JAVA, "raw_ping"));
    }

    /** A command that runs the rest of its arguments without CAP_NET_RAW, from setpriv or capsh. */
    static List<String> withoutNetRaw() {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            if (Files.isExecutable(Path.of(dir, "setpriv"))) {
                return List.of(dir + "/setpriv", "--inh-caps=-net_raw", "--bounding-set=-net_raw");
            }
        }
        return null;
    }

    @Test
    @Timeout(60)
    void rawPingWithoutCapNetRawFailsAsCPythonDoes() throws Exception {
        List<String> prefix = withoutNetRaw();
        assumeTrue(prefix != null, "setpriv (Debian package util-linux) is not installed: unprivileged run skipped");
        String python = output(Kind.PYTHON, prefix);
        assertEquals("PermissionError: [Errno 1] Operation not permitted", python);
        assertEquals(python, output(Kind.JAVA, prefix));
    }

    private static String output(Kind kind, List<String> prefix) throws Exception {
        try (ExampleProcess p = ExampleProcess.start(kind, "raw_ping", prefix)) {
            assertEquals(1, p.exit(Duration.ofSeconds(30)), kind + ": " + p.lines() + " " + p.err());
            return String.join("\n", p.lines());
        }
    }
}
