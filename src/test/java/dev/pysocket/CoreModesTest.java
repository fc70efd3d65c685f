// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.CoreTestSupport.*;
import static dev.pysocket.socket.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.pysocket.CoreTestSupport.Fam;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Blocking, non-blocking and timeout modes, and the errors each gives. */
@Timeout(60)
class CoreModesTest {
    @TempDir
    Path dir;

    @AfterEach
    void restoreDefaultTimeout() {
        setdefaulttimeout(null);
    }

    @Test
    void transitions() throws Exception {
        try (var s = socket()) {
            assertNull(s.gettimeout());
            assertTrue(s.getblocking());
            s.settimeout(2.5);
            assertEquals(2.5, s.gettimeout());
            assertEquals(2.5, s.timeout());
            assertTrue(s.getblocking());
            s.settimeout(0.0);
            assertEquals(0.0, s.gettimeout());
            assertFalse(s.getblocking());
            s.settimeout(null);
            assertNull(s.gettimeout());
            assertTrue(s.getblocking());
            s.setblocking(false);
            assertEquals(0.0, s.gettimeout());
            assertFalse(s.getblocking());
            s.setblocking(true);
            assertNull(s.gettimeout());
            assertTrue(s.getblocking());
            s.settimeout(2.5);
            s.setblocking(false);
            assertEquals(0.0, s.gettimeout());
            s.settimeout(2.5);
            s.setblocking(true);
            assertNull(s.gettimeout(), "setblocking(True) drops the timeout");
        }
    }

    @Test
    void timeoutValuesRoundTrip() throws Exception {
        try (var s = socket()) {
            s.settimeout(0.1);
            assertEquals(0.1, s.gettimeout());
            s.settimeout(1e-10);
            assertEquals(1e-9, s.gettimeout(), "rounded up to a nanosecond, as CPython does");
            s.settimeout(3.0);
            assertEquals(3.0, s.gettimeout());
            s.settimeout(123456.789);
            assertEquals(123456.789, s.gettimeout());
        }
    }

    @Test
    void settimeoutErrors() throws Exception {
        try (var s = socket()) {
            s.settimeout(1.5);
            assertPyError(ValueError.class, "Timeout value out of range", () -> s.settimeout(-1.0));
            assertPyError(ValueError.class, "Invalid value NaN (not a number)", () -> s.settimeout(Double.NaN));
            assertPyError(OverflowError.class, "timestamp out of range for platform time_t",
                    () -> s.settimeout(Double.POSITIVE_INFINITY));
            assertPyError(OverflowError.class, "timestamp out of range for platform time_t", () -> s.settimeout(1e300));
            assertEquals(1.5, s.gettimeout(), "a refused value changes nothing");
        }
    }

    @Test
    void recvOnEmptyNonBlocking() throws Exception {
        SocketPair p = socketpair();
        try (var a = p.a(); var b = p.b()) {
            a.setblocking(false);
            var e = assertOSError(BlockingIOError.class, 11, "[Errno 11] Resource temporarily unavailable", () -> a.recv(10));
            assertEquals("BlockingIOError(11, 'Resource temporarily unavailable')", e.repr());
            assertOSError(BlockingIOError.class, 11, "[Errno 11] Resource temporarily unavailable", () -> a.recvfrom(10));
            assertOSError(BlockingIOError.class, 11, "[Errno 11] Resource temporarily unavailable",
                    () -> a.recv_into(new byte[3]));
        }
    }

    @ParameterizedTest
    @EnumSource(Fam.class)
    void acceptOnNonBlockingListener(Fam fam) throws Exception {
        try (var l = listener(fam, dir)) {
            l.setblocking(false);
            assertOSError(BlockingIOError.class, 11, "[Errno 11] Resource temporarily unavailable", l::accept);
        }
    }

    @Test
    void nonBlockingSendFillsUp() throws Exception {
        SocketPair p = socketpair();
        try (var a = p.a(); var b = p.b()) {
            a.setblocking(false);
            byte[] chunk = new byte[65536];
            long total = 0;
            OSError e = null;
            for (int i = 0; i < 10_000 && e == null; i++) {
                try {
                    total += a.send(chunk);
                } catch (BlockingIOError x) {
                    e = x;
                }
            }
            assertNotNull(e, "the buffer filled");
            assertEquals(11, e.errno());
            assertTrue(total > 0);
        }
    }

    @Test
    void recvTimeout() throws Exception {
        SocketPair p = socketpair();
        try (var a = p.a(); var b = p.b()) {
            a.settimeout(0.3);
            long t0 = System.nanoTime();
            var e = assertOSError(TimeoutError.class, null, "timed out", () -> a.recv(10));
            double elapsed = (System.nanoTime() - t0) / 1e9;
            assertTrue(elapsed >= 0.3 && elapsed < 2.3, "elapsed " + elapsed);
            assertNull(e.strerror());
            assertEquals("TimeoutError('timed out')", e.repr());
            assertInstanceOf(OSError.class, e);
        }
    }

    @Test
    void acceptTimeout() throws Exception {
        try (var l = listener(Fam.INET, dir)) {
            l.settimeout(0.3);
            long t0 = System.nanoTime();
            assertOSError(TimeoutError.class, null, "timed out", l::accept);
            double elapsed = (System.nanoTime() - t0) / 1e9;
            assertTrue(elapsed >= 0.3 && elapsed < 2.3, "elapsed " + elapsed);
        }
    }

    @Test
    void recvfromTimeoutOnDatagram() throws Exception {
        try (var d = datagram(Fam.INET6, dir)) {
            d.settimeout(0.25);
            long t0 = System.nanoTime();
            assertOSError(TimeoutError.class, null, "timed out", () -> d.recvfrom(10));
            double elapsed = (System.nanoTime() - t0) / 1e9;
            assertTrue(elapsed >= 0.25 && elapsed < 2.25, "elapsed " + elapsed);
        }
    }

    @Test
    void recvIntoTimeout() throws Exception {
        try (var d = datagram(Fam.UNIX, dir)) {
            d.settimeout(0.2);
            assertOSError(TimeoutError.class, null, "timed out", () -> d.recv_into(new byte[4]));
            assertOSError(TimeoutError.class, null, "timed out", () -> d.recvfrom_into(new byte[4]));
        }
    }

    @Test
    void timeoutModeReceivesDataArrivingLater() throws Exception {
        SocketPair p = socketpair();
        try (var a = p.a(); var b = p.b()) {
            a.settimeout(5.0);
            CompletableFuture<Void> later = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(150);
                    b.sendall("late".getBytes());
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            long t0 = System.nanoTime();
            assertArrayEquals("late".getBytes(), a.recv(10));
            assertTrue((System.nanoTime() - t0) / 1e9 < 4.5);
            later.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void sendallTimeoutWhenPeerDoesNotRead() throws Exception {
        SocketType[] cs = connected(Fam.INET, dir);
        try (var c = cs[0]; var s = cs[1]) {
            c.setsockopt(SOL_SOCKET, SO_SNDBUF, 4096);
            s.setsockopt(SOL_SOCKET, SO_RCVBUF, 4096);
            c.settimeout(0.5);
            long t0 = System.nanoTime();
            assertOSError(TimeoutError.class, null, "timed out", () -> c.sendall(new byte[16 * 1024 * 1024]));
            double elapsed = (System.nanoTime() - t0) / 1e9;
            assertTrue(elapsed >= 0.5 && elapsed < 2.5, "the timeout bounds the whole call: " + elapsed);
        }
    }

    @Test
    void sendTimeoutWhenBufferFull() throws Exception {
        SocketPair p = socketpair();
        try (var a = p.a(); var b = p.b()) {
            a.setblocking(false);
            byte[] chunk = new byte[65536];
            try {
                for (int i = 0; i < 10_000; i++) {
                    a.send(chunk);
                }
            } catch (BlockingIOError full) {
                // the buffer is full now
            }
            a.settimeout(0.2);
            assertOSError(TimeoutError.class, null, "timed out", () -> a.send(chunk));
        }
    }

    @Test
    void connectExNonBlockingInProgressThenCompletes() throws Exception {
        try (var l = listener(Fam.INET, dir); var c = socket()) {
            c.setblocking(false);
            int rc = c.connect_ex(l.getsockname());
            assertTrue(rc == 115 || rc == 0, "rc " + rc);
            // wait for writability through a timeout-mode connect_ex: it completes the connection
            c.settimeout(5.0);
            int again = c.connect_ex(l.getsockname());
            assertTrue(again == 0 || again == 106, "again " + again);
            assertEquals(l.getsockname(), c.getpeername());
            l.settimeout(5.0);
            try (var s = l.accept().conn()) {
                c.sendall("done".getBytes());
                s.settimeout(5.0);
                assertArrayEquals("done".getBytes(), recvAll(s, 4));
            }
        }
    }

    @Test
    void nonBlockingAcceptSucceedsOnceQueued() throws Exception {
        try (var l = listener(Fam.UNIX, dir); var c = socket(AF_UNIX)) {
            l.setblocking(false);
            c.connect(l.getsockname());
            try (var s = l.accept().conn()) {
                assertNull(s.gettimeout());
            }
        }
    }

    @Test
    void defaultTimeoutIsUsedForTimeouts() throws Exception {
        setdefaulttimeout(0.2);
        SocketPair p = socketpair();
        try (var a = p.a(); var b = p.b()) {
            assertEquals(0.2, a.gettimeout());
            assertOSError(TimeoutError.class, null, "timed out", () -> a.recv(1));
        }
    }

    @Test
    void getdefaulttimeoutRoundTrip() {
        assertNull(getdefaulttimeout());
        setdefaulttimeout(2.5);
        assertEquals(2.5, getdefaulttimeout());
        setdefaulttimeout(0.0);
        assertEquals(0.0, getdefaulttimeout());
        setdefaulttimeout(null);
        assertNull(getdefaulttimeout());
    }

    @Test
    void blockingRecvGetsDataFromAnotherThread() throws Exception {
        SocketPair p = socketpair();
        try (var a = p.a(); var b = p.b()) {
            CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
                try {
                    return a.recv(100);
                } catch (OSError e) {
                    throw new RuntimeException(e);
                }
            });
            Thread.sleep(50);
            b.sendall("blocking".getBytes());
            assertArrayEquals("blocking".getBytes(), reader.get(10, TimeUnit.SECONDS));
        }
    }
}
