// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static org.junit.jupiter.api.Assertions.*;

import dev.pysocket.bindings.posix_h;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Off the platform its bindings were generated for, the first use of the library raises an
 * UnsatisfiedLinkError naming both platforms. The generated check reads the JVM's own
 * {@code os.name} and {@code os.arch} properties, which {@code -D} overrides at launch, so a child
 * JVM started with another value stands in for another machine.
 */
@Timeout(60)
class PlatformCheckTest {
    /** Run in the child JVM: the first use of the library, and what it raised. */
    public static void main(String[] args) {
        try {
            System.out.println("ok " + socket.AF_INET);
        } catch (Throwable t) {
            System.out.println(t.getClass().getName() + ": " + t.getMessage());
        }
    }

    private static String child(String... properties) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(List.of(properties));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PlatformCheckTest.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "child did not finish: " + command);
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    private static String expected(String found) {
        return "java.lang.UnsatisfiedLinkError: pysocket: bindings for " + posix_h.platform()
                + "; this JVM runs on " + found + ". See docs/bindings.md";
    }

    @Test
    void theGeneratedPlatformIsThisOne() {
        assertEquals("linux-x86_64 (glibc)", posix_h.platform());
    }

    @Test
    void onItsOwnPlatformTheLibraryLoads() throws Exception {
        assertEquals("ok " + socket.AF_INET, child());
    }

    @Test
    void anotherArchitectureFailsOnFirstUse() throws Exception {
        String other = System.getProperty("os.arch").equals("aarch64") ? "amd64" : "aarch64";
        assertEquals(expected(System.getProperty("os.name") + " " + other), child("-Dos.arch=" + other));
    }

    @Test
    void anotherOperatingSystemFailsOnFirstUse() throws Exception {
        assertEquals(expected("Mac OS X " + System.getProperty("os.arch")), child("-Dos.name=Mac OS X"));
    }
}
