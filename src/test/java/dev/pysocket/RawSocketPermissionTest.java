// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SOCK_RAW without CAP_NET_RAW raises the PermissionError CPython raises. The tests run as root
 * here, so both CPython and a child JVM run under setpriv(1) with CAP_NET_RAW dropped from the
 * bounding set, and their answers are compared.
 */
@Timeout(60)
class RawSocketPermissionTest {
    /** Run in the child JVM: tries a raw ICMP socket and prints the outcome as Python would. */
    public static void main(String[] args) {
        try (SocketType s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)) {
            System.out.println("created " + s.type());
        } catch (OSError e) {
            System.out.println(e.getClass().getSimpleName() + " " + e.errno() + " " + e.getMessage());
        }
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "child did not finish: " + command);
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    private static List<String> withoutNetRaw(String... command) {
        List<String> cmd = new java.util.ArrayList<>(List.of("setpriv", "--bounding-set", "-net_raw",
                "--inh-caps", "-net_raw"));
        cmd.addAll(List.of(command));
        return cmd;
    }

    @Test
    void rawSocketWithoutCapNetRawIsCPythonsPermissionError() throws Exception {
        CoreTestSupport.assumePython3();
        String python = run(withoutNetRaw("python3", "-c", """
                import socket
                try:
                    socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
                    print('created')
                except OSError as e:
                    print(type(e).__name__, e.errno, e)
                """));
        String java = ProcessHandle.current().info().command().orElseThrow();
        String ours = run(withoutNetRaw(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), RawSocketPermissionTest.class.getName()));
        assertEquals("PermissionError 1 [Errno 1] Operation not permitted", python);
        assertEquals(python, ours);
    }
}
