// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.socket.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.function.Executable;

/** Shared helpers of the Core*Test classes: loopback sockets and exact error assertions. */
final class CoreTestSupport {
    private CoreTestSupport() {
    }

    /** The families a test runs over; AF_UNIX needs a directory for its path. */
    enum Fam {
        INET, INET6, UNIX;

        int af() {
            return switch (this) {
                case INET -> AF_INET;
                case INET6 -> AF_INET6;
                case UNIX -> AF_UNIX;
            };
        }

        /** A loopback address to bind: port 0, or a fresh path under dir. */
        Address any(Path dir) {
            return switch (this) {
                case INET -> new InetAddr("127.0.0.1", 0);
                case INET6 -> new Inet6Addr("::1", 0);
                case UNIX -> new UnixAddr(dir.resolve("s" + System.nanoTime()).toString());
            };
        }
    }

    /** A connected stream pair over a real listener: [client, server side]. */
    static SocketType[] connected(Fam fam, Path dir) throws OSError {
        try (SocketType l = listener(fam, dir)) {
            SocketType c = socket(fam.af(), SOCK_STREAM);
            try {
                c.settimeout(10.0);
                c.connect(l.getsockname());
                c.settimeout(null);
                l.settimeout(10.0);
                SocketType s = l.accept().conn();
                return new SocketType[] {c, s};
            } catch (OSError | RuntimeException e) {
                c.close();
                throw e;
            }
        }
    }

    /** A listening stream socket on a loopback address of the family. */
    static SocketType listener(Fam fam, Path dir) throws OSError {
        SocketType l = socket(fam.af(), SOCK_STREAM);
        try {
            l.bind(fam.any(dir));
            l.listen();
            return l;
        } catch (OSError | RuntimeException e) {
            l.close();
            throw e;
        }
    }

    /**
     * A TCP listener whose accept queue is full (backlog 0, one connection queued): the kernel
     * drops further SYNs, so a blocking connect to it sleeps until the SYN is retransmitted
     * (about 1 s). Returns {listener, the queued client}; the caller closes both. Skips the test
     * where the queue does not fill up.
     */
    static SocketType[] fullListener() throws OSError {
        SocketType l = socket(AF_INET, SOCK_STREAM);
        SocketType first = socket(AF_INET, SOCK_STREAM);
        l.bind(new InetAddr("127.0.0.1", 0));
        l.listen(0);
        first.settimeout(2.0);
        first.connect(l.getsockname());
        try (SocketType probe = socket(AF_INET, SOCK_STREAM)) {
            probe.settimeout(0.3);
            try {
                probe.connect(l.getsockname());
                closeAll(l, first);
                org.junit.jupiter.api.Assumptions.assumeTrue(false, "the accept queue does not fill up on this kernel");
            } catch (TimeoutError expected) {
                // the queue is full: the SYN was dropped
            }
        }
        return new SocketType[] {l, first};
    }

    /** A bound datagram socket on a loopback address of the family. */
    static SocketType datagram(Fam fam, Path dir) throws OSError {
        SocketType d = socket(fam.af(), SOCK_DGRAM);
        try {
            d.bind(fam.any(dir));
            return d;
        } catch (OSError | RuntimeException e) {
            d.close();
            throw e;
        }
    }

    static int port(SocketType s) throws OSError {
        return switch (s.getsockname()) {
            case InetAddr a -> a.port();
            case Inet6Addr a -> a.port();
            default -> throw new AssertionError("not an IP socket: " + s);
        };
    }

    /** A loopback port nothing listens on (bound then closed; the kernel does not reuse it at once). */
    static int closedPort() throws OSError {
        try (SocketType s = socket(AF_INET, SOCK_STREAM)) {
            s.bind(new InetAddr("127.0.0.1", 0));
            return port(s);
        }
    }

    static void closeAll(SocketType... socks) throws OSError {
        for (SocketType s : socks) {
            if (s != null) {
                s.close();
            }
        }
    }

    /** Asserts an OSError of exactly this class, errno and str(). */
    static <T extends OSError> T assertOSError(Class<T> type, Integer errno, String message, Executable call) {
        T e = assertThrows(type, call);
        assertEquals(type, e.getClass(), "exception class");
        assertEquals(errno, e.errno(), "errno");
        assertEquals(message, e.getMessage(), "message");
        return e;
    }

    /** Asserts {@code [Errno 9] Bad file descriptor} of class OSError itself. */
    static void assertBadf(Executable call) {
        assertOSError(OSError.class, 9, "[Errno 9] Bad file descriptor", call);
    }

    /** Asserts a runtime exception of exactly this class and message. */
    static <T extends RuntimeException> void assertPyError(Class<T> type, String message, Executable call) {
        T e = assertThrows(type, call);
        assertEquals(type, e.getClass(), "exception class");
        assertEquals(message, e.getMessage(), "message");
    }

    /**
     * Skips the calling test unless CPython (python3) is on the PATH: the library builds and
     * passes its own tests without Python; only its comparisons with a live CPython need one.
     */
    static void assumePython3() {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            found |= !dir.isEmpty() && Files.isExecutable(Path.of(dir, "python3"));
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(found, "python3 is not on the PATH: CPython comparison skipped");
    }

    /** The target of /proc/self/fd/N ("socket:[123]"), or null when N is not open. */
    static String fdTarget(int fd) {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
        } catch (IOException e) {
            return null;
        }
    }

    /** Polls until the condition holds or the time is up; returns whether it held. */
    static boolean eventually(long millis, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.get();
    }

    static byte[] pattern(int size, int seed) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i * 31 + seed + (i >>> 8));
        }
        return b;
    }

    /** Receives exactly n bytes (or fewer at EOF). */
    static byte[] recvAll(SocketType s, int n) throws OSError {
        byte[] out = new byte[n];
        int got = 0;
        while (got < n) {
            byte[] chunk = s.recv(Math.min(n - got, 1 << 20));
            if (chunk.length == 0) {
                break;
            }
            System.arraycopy(chunk, 0, out, got, chunk.length);
            got += chunk.length;
        }
        return got == n ? out : java.util.Arrays.copyOf(out, got);
    }
}
