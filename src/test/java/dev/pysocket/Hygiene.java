// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** What the reliability tests measure about the process itself: open descriptors and resident memory. */
final class Hygiene {
    private Hygiene() {
    }

    /** The descriptor numbers open now, from /proc/self/fd (the listing's own fd is left out). */
    static Set<Integer> openFds() {
        Set<Integer> fds = new TreeSet<>();
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            s.forEach(p -> fds.add(Integer.parseInt(p.getFileName().toString())));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        fds.removeIf(fd -> CoreTestSupport.fdTarget(fd) == null); // the listing's own descriptor
        return fds;
    }

    /** Resident set size in bytes (VmRSS of /proc/self/status). */
    static long rss() {
        return status("VmRSS:");
    }

    /** The peak resident set size since {@link #resetPeakRss()} (VmHWM), in bytes. */
    static long peakRss() {
        return status("VmHWM:");
    }

    /** Starts a new peak: memory touched and freed again in between still shows in {@link #peakRss()}. */
    static void resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no " + field + " in /proc/self/status");
    }

    /**
     * Waits (bounded) until the open descriptors are back to {@code baseline} (the JVM may open
     * and close files of its own meanwhile, so only descriptors that stay open count), and
     * returns those still open beyond it with what they point at.
     */
    static Set<String> leakedSince(Set<Integer> baseline) throws InterruptedException {
        Set<String> leaked = new TreeSet<>();
        for (int attempt = 0; attempt < 50; attempt++) {
            leaked.clear();
            for (int fd : openFds()) {
                if (!baseline.contains(fd)) {
                    leaked.add(fd + " -> " + CoreTestSupport.fdTarget(fd));
                }
            }
            if (leaked.isEmpty()) {
                return leaked;
            }
            Thread.sleep(100);
        }
        return leaked;
    }
}
