// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.CoreTestSupport.*;
import static dev.pysocket.socket.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.pysocket.CoreTestSupport.Fam;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Threads: a close wakes a blocked call with EBADF (a documented difference from CPython, where
 * the blocked thread hangs or acts on a reused descriptor), parallel use, and the garbage
 * collector closing a forgotten socket.
 */
@Timeout(60)
class CoreConcurrencyTest {
    @TempDir
    Path dir;

    /** A call that blocks; the test closes the socket under it. */
    @FunctionalInterface
    interface Blocking {
        Object call() throws Exception;
    }

    private static void assertCloseWakes(SocketType sock, Blocking blocked) throws Exception {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread t = Thread.ofPlatform().daemon().start(() -> {
            try {
                Object r = blocked.call();
                outcome.complete(new AssertionError("returned " + r));
            } catch (Throwable e) {
                outcome.complete(e);
            }
        });
        Thread.sleep(200); // let it block in the kernel
        assertFalse(outcome.isDone(), "the call blocks before the close");
        long t0 = System.nanoTime();
        sock.close();
        Throwable e = outcome.get(5, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        t.join(5000);
        assertInstanceOf(OSError.class, e);
        OSError ose = (OSError) e;
        assertEquals(OSError.class, ose.getClass(), ose.toString());
        assertEquals(9, ose.errno());
        assertEquals("[Errno 9] Bad file descriptor", ose.getMessage());
        assertTrue(elapsed < 5, "woken in " + elapsed);
        assertEquals(-1, sock.fileno());
    }

    @ParameterizedTest
    @EnumSource(Fam.class)
    void closeWakesBlockedRecv(Fam fam) throws Exception {
        SocketType[] cs = connected(fam, dir);
        try (var c = cs[0]; var s = cs[1]) {
            int fd = s.fileno();
            assertCloseWakes(s, () -> s.recv(10));
            String now = fdTarget(fd);
            assertTrue(now == null || !now.equals(fdTarget(c.fileno())), "the descriptor is released");
        }
    }

    @ParameterizedTest
    @EnumSource(Fam.class)
    void closeWakesBlockedAccept(Fam fam) throws Exception {
        try (var l = listener(fam, dir)) {
            assertCloseWakes(l, l::accept);
        }
    }

    @ParameterizedTest
    @EnumSource(Fam.class)
    void closeWakesBlockedRecvfromOnDatagram(Fam fam) throws Exception {
        try (var d = datagram(fam, dir)) {
            assertCloseWakes(d, () -> d.recvfrom(10));
        }
    }

    @Test
    void closeWakesRecvInTimeoutMode() throws Exception {
        SocketPair p = socketpair();
        try (var a = p.a(); var b = p.b()) {
            a.settimeout(30.0);
            assertCloseWakes(a, () -> a.recv(10));
        }
    }

    @Test
    void closeWakesRecvInto() throws Exception {
        SocketPair p = socketpair();
        try (var a = p.a(); var b = p.b()) {
            assertCloseWakes(a, () -> a.recv_into(new byte[16]));
        }
    }

    @Test
    void closeWakesBlockedSendall() throws Exception {
        SocketPair p = socketpair();
        try (var a = p.a(); var b = p.b()) {
            assertCloseWakes(a, () -> {
                a.sendall(new byte[64 * 1024 * 1024]);
                return null;
            });
        }
    }

    @Test
    void peerStillSeesEofAfterWakingClose() throws Exception {
        SocketPair p = socketpair();
        try (var a = p.a(); var b = p.b()) {
            assertCloseWakes(a, () -> a.recv(10));
            b.settimeout(5.0);
            assertArrayEquals(new byte[0], b.recv(10));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 16})
    void manyThreadsOnDistinctSockets(int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads * 2);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Fam fam = Fam.values()[i % 3];
                SocketType[] cs = connected(fam, dir);
                int size = 100_000 + i * 7919;
                byte[] data = pattern(size, i);
                all.add(pool.submit(() -> {
                    try (var c = cs[0]) {
                        c.settimeout(20.0);
                        for (int k = 0; k < 3; k++) {
                            c.sendall(data);
                        }
                    }
                    return null;
                }));
                all.add(pool.submit(() -> {
                    try (var s = cs[1]) {
                        s.settimeout(20.0);
                        for (int k = 0; k < 3; k++) {
                            assertArrayEquals(data, recvAll(s, size));
                        }
                        assertArrayEquals(new byte[0], s.recv(1));
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void concurrentSendersOnOneDatagramReceiver() throws Exception {
        try (var r = datagram(Fam.INET, dir)) {
            r.settimeout(10.0);
            int senders = 8;
            int each = 20;
            ExecutorService pool = Executors.newFixedThreadPool(senders);
            try {
                List<Future<?>> all = new ArrayList<>();
                Address to = r.getsockname();
                for (int i = 0; i < senders; i++) {
                    int id = i;
                    all.add(pool.submit(() -> {
                        try (var w = socket(AF_INET, SOCK_DGRAM)) {
                            for (int k = 0; k < each; k++) {
                                w.sendto(new byte[] {(byte) id, (byte) k}, to);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : all) {
                    f.get(20, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            int[] seen = new int[senders];
            for (int n = 0; n < senders * each; n++) {
                byte[] d = r.recv(16);
                assertEquals(2, d.length);
                seen[d[0]]++;
            }
            for (int count : seen) {
                assertEquals(each, count);
            }
        }
    }

    @Test
    void concurrentClosesCloseOnce() throws Exception {
        for (int round = 0; round < 20; round++) {
            var s = socket();
            int fd = s.fileno();
            String before = fdTarget(fd);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> all = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    all.add(pool.submit(() -> {
                        s.close();
                        return null;
                    }));
                }
                for (Future<?> f : all) {
                    f.get(10, TimeUnit.SECONDS); // no EBADF from a second close(2)
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(-1, s.fileno());
            assertNotEquals(before, fdTarget(fd), "the socket's descriptor is closed");
        }
    }

    /** A System.err that also keeps what is written to it. */
    private static final class Tee extends OutputStream {
        private final PrintStream original;
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

        Tee(PrintStream original) {
            this.original = original;
        }

        @Override
        public synchronized void write(int b) {
            copy.write(b);
            original.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            copy.write(b, off, len);
            original.write(b, off, len);
        }

        synchronized String text() {
            return copy.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void garbageCollectedSocketIsClosedAndLogged() throws Exception {
        PrintStream saved = System.err;
        Tee tee = new Tee(saved);
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
        try {
            int[] fd = new int[1];
            String[] target = new String[1];
            String[] repr = new String[1];
            forget(fd, target, repr);
            assertTrue(target[0].startsWith("socket:"), target[0]);
            String expected = "unclosed " + repr[0];
            boolean done = eventually(20_000, () -> {
                System.gc();
                return !target[0].equals(fdTarget(fd[0])) && tee.text().contains(expected);
            });
            assertTrue(done, "closed: " + !target[0].equals(fdTarget(fd[0])) + ", log: " + tee.text());
            assertTrue(tee.text().contains("unclosed <socket.socket fd=" + fd[0] + ", family=2, type=2, proto=0"),
                    tee.text());
        } finally {
            System.setErr(saved);
        }
    }

    /** Opens a socket and lets go of it, reporting its descriptor, fd target and repr. */
    private static void forget(int[] fd, String[] target, String[] repr) throws OSError {
        SocketType s = socket(AF_INET, SOCK_DGRAM);
        s.bind(new InetAddr("127.0.0.1", 0));
        fd[0] = s.fileno();
        target[0] = fdTarget(fd[0]);
        repr[0] = s.toString();
    }

    @Test
    void closedSocketIsNotLoggedWhenCollected() throws Exception {
        PrintStream saved = System.err;
        Tee tee = new Tee(saved);
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
        try {
            String marker = closedAndForgotten();
            for (int i = 0; i < 5; i++) {
                System.gc();
                Thread.sleep(50);
            }
            assertFalse(tee.text().contains(marker), tee.text());
        } finally {
            System.setErr(saved);
        }
    }

    private static String closedAndForgotten() throws OSError {
        SocketType s = socket(AF_INET6, SOCK_DGRAM);
        s.bind(new Inet6Addr("::1", 0));
        String marker = "unclosed <socket.socket fd=" + s.fileno() + ", family=10, type=2, proto=0, laddr="
                + s.getsockname();
        s.close();
        return marker;
    }
}
