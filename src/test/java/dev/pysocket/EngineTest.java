// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.CoreTestSupport.*;
import static dev.pysocket.socket.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The call engine in Java's world (issue 9): virtual threads park instead of pinning their
 * carrier, Thread.interrupt() wakes a blocked call, close() from another thread wakes it with
 * EBADF without shutting the connection down, and timeout mode tries the call first.
 */
class EngineTest {
    /** A call that blocks, run on the given kind of thread; the future holds what it threw. */
    private interface Blocked {
        void run() throws Exception;
    }

    private static Thread start(boolean virtual, Runnable r) {
        return virtual ? Thread.ofVirtual().start(r) : Thread.ofPlatform().daemon().start(r);
    }

    /** Starts {@code call} on a thread, waits until it is blocked in it, returns the thread and its outcome. */
    private static CompletableFuture<Throwable> blockedIn(boolean virtual, Blocked call, Thread[] thread)
            throws InterruptedException {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        CountDownLatch started = new CountDownLatch(1);
        thread[0] = start(virtual, () -> {
            started.countDown();
            try {
                call.run();
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        started.await();
        Thread.sleep(150); // long enough to be in the kernel or parked; the assertions do not depend on it
        assertFalse(outcome.isDone(), "the call returned before it was woken: " + outcome.getNow(null));
        return outcome;
    }

    // ---- 1. virtual threads never pin a carrier ---------------------------------------------

    /**
     * 5,000 readers and 5,000 writers on virtual threads, blocking mode: with pinned carriers
     * (2 here) this deadlocks; parked, it completes.
     */
    @Test
    @Timeout(120)
    void fiveThousandReadersAndWritersOnVirtualThreadsComplete() throws Exception {
        int n = 5000;
        List<SocketPair> pairs = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                pairs.add(socketpair());
            }
            AtomicInteger done = new AtomicInteger();
            try (var exec = Executors.newVirtualThreadPerTaskExecutor()) {
                for (SocketPair p : pairs) {
                    exec.submit(() -> {
                        byte[] got = p.a().recv(16);
                        assertEquals("ping", new String(got));
                        done.incrementAndGet();
                        return null;
                    });
                }
                for (SocketPair p : pairs) {
                    exec.submit(() -> {
                        Thread.sleep(1);
                        p.b().sendall("ping".getBytes());
                        return null;
                    });
                }
            }
            assertEquals(n, done.get());
        } finally {
            for (SocketPair p : pairs) {
                closeAll(p.a(), p.b());
            }
        }
    }

    /** While 2,000 virtual threads wait in recv, an unrelated virtual thread still runs at once. */
    @Test
    @Timeout(60)
    void blockedVirtualThreadsLeaveCarriersFree() throws Exception {
        int n = 2000;
        List<SocketPair> pairs = new ArrayList<>();
        List<Thread> readers = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                SocketPair p = socketpair();
                pairs.add(p);
                if (i % 2 == 1) {
                    p.a().settimeout(30.0); // timeout mode parks too
                }
                readers.add(Thread.ofVirtual().start(() -> {
                    try {
                        p.a().recv(1);
                    } catch (OSError e) {
                        // woken by the close below
                    }
                }));
            }
            Thread.sleep(300);
            long t0 = System.nanoTime();
            Thread probe = Thread.ofVirtual().start(() -> { });
            assertTrue(probe.join(java.time.Duration.ofSeconds(5)), "an unrelated virtual thread never ran");
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertTrue(seconds < 2.0, "an unrelated virtual thread waited " + seconds + " s");
        } finally {
            for (SocketPair p : pairs) {
                closeAll(p.a(), p.b());
            }
            for (Thread t : readers) {
                t.join(10_000);
            }
        }
    }

    /** 40 concurrent 0.5 s timeouts on virtual threads all end at about 0.5 s, not one after another. */
    @Test
    @Timeout(60)
    void concurrentTimeoutsOnVirtualThreadsRunTogether() throws Exception {
        List<SocketPair> pairs = new ArrayList<>();
        try (var exec = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Class<?>>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                SocketPair p = socketpair();
                pairs.add(p);
                p.a().settimeout(0.5);
            }
            long t0 = System.nanoTime();
            for (SocketPair p : pairs) {
                results.add(exec.submit(() -> {
                    try {
                        p.a().recv(1);
                        return null;
                    } catch (OSError e) {
                        return e.getClass();
                    }
                }));
            }
            for (Future<Class<?>> f : results) {
                assertEquals(TimeoutError.class, f.get(10, TimeUnit.SECONDS));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertTrue(seconds >= 0.5 && seconds < 2.0, "40 timeouts of 0.5 s took " + seconds + " s");
        } finally {
            for (SocketPair p : pairs) {
                closeAll(p.a(), p.b());
            }
        }
    }

    /** A virtual thread in blocking mode makes the descriptor non-blocking; Python still sees blocking mode. */
    @Test
    @Timeout(30)
    void blockingModeStaysBlockingModeOnVirtualThreads() throws Exception {
        SocketPair p = socketpair();
        try (SocketType a = p.a(); SocketType b = p.b()) {
            CompletableFuture<byte[]> got = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    got.complete(a.recv(10));
                } catch (OSError e) {
                    got.completeExceptionally(e);
                }
            });
            Thread.sleep(100);
            b.sendall("hi".getBytes());
            assertEquals("hi", new String(got.get(10, TimeUnit.SECONDS)));
            assertTrue(a.getblocking());
            assertNull(a.gettimeout());
            // a platform thread now waits on EAGAIN (emulated blocking), with the same result
            CompletableFuture<byte[]> later = CompletableFuture.supplyAsync(() -> {
                try {
                    return a.recv(10);
                } catch (OSError e) {
                    throw new RuntimeException(e);
                }
            }, r -> Thread.ofPlatform().daemon().start(r));
            Thread.sleep(100);
            assertFalse(later.isDone());
            b.sendall("again".getBytes());
            assertEquals("again", new String(later.get(10, TimeUnit.SECONDS)));
            // MSG_DONTWAIT on an empty socket is still the caller's BlockingIOError, as in CPython
            assertOSError(BlockingIOError.class, 11, "[Errno 11] Resource temporarily unavailable",
                    () -> a.recv(10, MSG_DONTWAIT));
        }
    }

    // ---- 2. Thread.interrupt() wakes a blocked call ------------------------------------------

    private static void assertInterrupted(CompletableFuture<Throwable> outcome, Thread t) throws Exception {
        long t0 = System.nanoTime();
        t.interrupt();
        Throwable thrown = outcome.get(10, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertNotNull(thrown, "the call returned normally");
        assertEquals(InterruptedError.class, thrown.getClass(), String.valueOf(thrown));
        assertEquals(4, ((OSError) thrown).errno());
        assertTrue(seconds < 1.0, "woke after " + seconds + " s");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    @Timeout(60)
    void interruptWakesEveryBlockingCall(boolean virtual) throws Exception {
        Thread[] t = new Thread[1];
        for (Double timeout : new Double[] {null, 30.0}) {
            SocketPair p = socketpair();
            try (SocketType a = p.a(); SocketType b = p.b();
                 SocketType l = listener(Fam.INET, null); var sel = selectors.DefaultSelector();
                 var ep = select.epoll()) {
                a.settimeout(timeout);
                l.settimeout(timeout);
                AtomicInteger statusKept = new AtomicInteger();
                List<Blocked> calls = List.of(
                        () -> a.recv(10),
                        () -> a.recv_into(new byte[10]),
                        () -> a.recvfrom(10),
                        () -> l.accept(),
                        () -> select.select(List.of(a), List.of(), List.of()),
                        () -> {
                            var po = select.poll();
                            po.register(a.fileno(), select.POLLIN);
                            po.poll();
                        },
                        () -> {
                            ep.register(a.fileno(), select.EPOLLIN);
                            try {
                                ep.poll();
                            } finally {
                                ep.unregister(a.fileno());
                            }
                        });
                for (Blocked call : calls) {
                    CompletableFuture<Throwable> outcome = blockedIn(virtual, () -> {
                        try {
                            call.run();
                        } finally {
                            if (Thread.currentThread().isInterrupted()) {
                                statusKept.incrementAndGet();
                            }
                        }
                    }, t);
                    assertInterrupted(outcome, t[0]);
                }
                // a connect blocked on a full accept queue
                SocketType[] lf = fullListener();
                try (SocketType full = lf[0]; SocketType queued = lf[1]; SocketType c = socket(AF_INET, SOCK_STREAM)) {
                    c.settimeout(timeout);
                    assertInterrupted(blockedIn(virtual, () -> c.connect(full.getsockname()), t), t[0]);
                }
                assertEquals(calls.size(), statusKept.get(), "the interrupt status is kept");
                // the socket is still usable afterwards, nothing was consumed
                b.sendall("x".getBytes());
                a.settimeout(10.0);
                assertEquals("x", new String(a.recv(10)));
                // selectors turn InterruptedError into [] as CPython's do
                sel.register(b, selectors.EVENT_READ);
                CompletableFuture<Throwable> outcome = new CompletableFuture<>();
                CompletableFuture<Object> result = new CompletableFuture<>();
                Thread s = start(virtual, () -> {
                    try {
                        result.complete(sel.select());
                    } catch (Throwable e) {
                        outcome.complete(e);
                    }
                });
                Thread.sleep(150);
                s.interrupt();
                assertEquals(List.of(), result.get(10, TimeUnit.SECONDS));
            }
        }
    }

    // ---- 3. close() wakes every blocked call with EBADF, without shutdown(2) ------------------

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    @Timeout(60)
    void closeWakesBlockedCallsWithEbadfWhileADupKeepsWorking(boolean virtual) throws Exception {
        Thread[] t = new Thread[1];
        for (Double timeout : new Double[] {null, 30.0}) {
            for (int which = 0; which < 5; which++) {
                SocketPair p = socketpair();
                SocketType a = p.a();
                SocketType peer = p.b();
                SocketType l = listener(Fam.INET, null);
                try (SocketType dup = a.dup()) {
                    a.settimeout(timeout);
                    l.settimeout(timeout);
                    SocketType target = which == 3 ? l : a;
                    Blocked call = switch (which) {
                        case 0 -> () -> a.recv(10);
                        case 1 -> () -> a.recv_into(new byte[10]);
                        case 2 -> () -> a.recvfrom(10);
                        case 3 -> () -> l.accept();
                        default -> () -> a.sendall(new byte[8 << 20]); // more than the socket buffers hold
                    };
                    CompletableFuture<Throwable> outcome = blockedIn(virtual, call, t);
                    long t0 = System.nanoTime();
                    target.close();
                    Throwable thrown = outcome.get(10, TimeUnit.SECONDS);
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    assertNotNull(thrown, "the call returned normally");
                    assertEquals(OSError.class, thrown.getClass(), String.valueOf(thrown));
                    assertEquals(9, ((OSError) thrown).errno());
                    assertTrue(seconds < 1.0, "woke after " + seconds + " s");
                    if (which == 4) {
                        drain(peer); // what the interrupted sendall left in the buffers
                    }
                    // the connection is alive through the dup: the peer saw no FIN, both ways work
                    peer.settimeout(5.0);
                    dup.settimeout(5.0);
                    dup.sendall("via dup".getBytes());
                    assertEquals("via dup", new String(peer.recv(100)));
                    peer.sendall("to dup".getBytes());
                    assertEquals("to dup", new String(dup.recv(100)));
                } finally {
                    closeAll(a, peer, l);
                }
            }
        }
    }

    /** Reads what is buffered on {@code s} until it stays empty for 200 ms. */
    private static void drain(SocketType s) throws OSError {
        s.settimeout(0.2);
        try {
            while (s.recv(1 << 20).length > 0) {
                // discard
            }
        } catch (TimeoutError done) {
            // empty
        }
    }

    /** The number a close released is not reused under a woken call: the fd table is back to where it was. */
    @Test
    @Timeout(60)
    void closeUnderABlockedCallLeaksNoDescriptor() throws Exception {
        long before = -1;
        for (int i = 0; i < 51; i++) {
            if (i == 1) {
                before = openFds(); // after one round: the poller's epoll exists once per JVM
            }
            SocketPair p = socketpair();
            Thread[] t = new Thread[1];
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            t[0] = Thread.ofVirtual().start(() -> {
                try {
                    p.a().recv(1);
                    outcome.complete(null);
                } catch (Throwable e) {
                    outcome.complete(e);
                }
            });
            Thread.sleep(5);
            p.a().close();
            Throwable thrown = outcome.get(10, TimeUnit.SECONDS);
            assertTrue(thrown == null || thrown instanceof OSError, String.valueOf(thrown));
            p.b().close();
        }
        long baseline = before;
        assertTrue(eventually(5000, () -> openFds() <= baseline), "descriptors leaked: " + openFds() + " > " + baseline);
    }

    private static long openFds() {
        try (var s = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/fd"))) {
            return s.count();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    // ---- 4. timeout mode tries first -------------------------------------------------------

    /** Data already there: timeout mode returns it at once (no wait), the same as blocking mode. */
    @Test
    @Timeout(30)
    void timeoutModeReturnsWhatIsThereAndTimesOutOtherwise() throws Exception {
        SocketPair p = socketpair();
        try (SocketType a = p.a(); SocketType b = p.b()) {
            a.settimeout(0.3);
            b.sendall("ready".getBytes());
            assertEquals("ready", new String(a.recv(10)));
            long t0 = System.nanoTime();
            assertOSError(TimeoutError.class, null, "timed out", () -> a.recv(10));
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertTrue(seconds >= 0.29 && seconds < 3.0, "timed out after " + seconds);
        }
    }
}
