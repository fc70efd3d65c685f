// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pysocket.bindings.posix_h;
import dev.pysocket.syscall.Interrupter;
import dev.pysocket.syscall.Interrupter.Interruption;
import dev.pysocket.syscall.Posix;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * PEP 475: a system call interrupted by a signal (EINTR) is retried, so the Python-level call
 * returns normally. {@link Interrupter} sends SIGURG (a no-op handler without SA_RESTART) to this
 * thread while it blocks: first the raw syscall layer shows that the signal really produces
 * EINTR, then every blocking operation is interrupted the same way and must still give its
 * normal result. With the EINTR retry removed from CallEngine (socket calls) or select.java
 * (select, poll, epoll, selectors) these tests fail with InterruptedError or with an early,
 * empty result.
 *
 * <p>Timing: the signals go out at {@link #SIGNAL_AT} ms (three, 20 ms apart) while the call
 * blocks; whatever ends the call (data, a peer, the timeout) comes later, at {@link #DATA_AT} ms.
 */
@Timeout(30)
class EintrTest {
    static final long SIGNAL_AT = 100;
    static final long DATA_AT = 400;

    private final List<AutoCloseable> closeLater = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> helpers = new ArrayList<>();
    private Interruption interruption;
    /** The engine's count of EINTRs its readiness waits retried on this test's thread, at the start. */
    private int waitEintrsBefore;

    @BeforeEach
    void countWaitEintr() {
        waitEintrsBefore = CallEngine.waitEintrs();
    }

    /** EINTRs the call engine's readiness wait saw on this test's thread (timeout mode). */
    private int waitEintr() {
        return CallEngine.waitEintrs() - waitEintrsBefore;
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (interruption != null) {
            interruption.close();
        }
        for (Thread t : helpers) {
            t.join(5000);
        }
        for (AutoCloseable c : closeLater) {
            c.close();
        }
    }

    // ------------------------------------------------------------------ helpers

    private SocketPair pair() throws OSError {
        SocketPair p = socket.socketpair();
        closeLater.add(p.a());
        closeLater.add(p.b());
        return p;
    }

    private <T extends AutoCloseable> T later(T c) {
        closeLater.add(c);
        return c;
    }

    /** Three signals to this thread from SIGNAL_AT ms on. */
    private void interruptMe() {
        interruption = Interrupter.interruptAfter(Interrupter.self(), SIGNAL_AT);
    }

    private void interruptMeAt(long millis) {
        interruption = Interrupter.interruptAfter(Interrupter.self(), millis);
    }

    /** The interruption really sent all its signals (so a pass is not for lack of signals). */
    private void assertAllSignalsSent() throws InterruptedException {
        interruption.await();
        assertEquals(Interrupter.COUNT, interruption.sent(), "signals sent");
    }

    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    /** Runs {@code action} on a helper thread after {@code millis} ms. */
    private void after(long millis, Action action) {
        Thread t = Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(millis);
                action.run();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        helpers.add(t);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    // ------------------------------------------------------------------ the mechanism itself

    @Test
    void signalIsNotBlockedAndNotUsedByTheJvm() throws Exception {
        Interrupter.install(); // refuses to replace a handler someone (the JVM) already has
        assertEquals(posix_h.SIGURG(), Interrupter.SIGNAL);
        String status = Files.readString(Path.of("/proc/thread-self/status"));
        String blk = status.lines().filter(l -> l.startsWith("SigBlk:")).findFirst().orElseThrow();
        long mask = Long.parseUnsignedLong(blk.substring(7).trim(), 16);
        assertEquals(0, mask & (1L << (Interrupter.SIGNAL - 1)), "SIGURG is blocked in this thread: " + blk);
        String cgt = status.lines().filter(l -> l.startsWith("SigCgt:")).findFirst().orElseThrow();
        long caught = Long.parseUnsignedLong(cgt.substring(7).trim(), 16);
        assertNotEquals(0, caught & (1L << (Interrupter.SIGNAL - 1)), "SIGURG has no handler: " + cgt);
    }

    @Test
    void jvmSurvivesSignalsWhileRunningJavaCode() throws Exception {
        Interruption many = Interrupter.interruptAfter(Interrupter.self(), 0, 300, 1);
        long end = System.nanoTime() + 500_000_000L;
        long sum = 0;
        while (System.nanoTime() < end) {
            byte[][] garbage = new byte[64][];
            for (int i = 0; i < garbage.length; i++) {
                garbage[i] = new byte[1024 + i];
                sum += garbage[i].length;
            }
            if ((sum & 0xffff) == 0) {
                System.gc();
            }
            Thread.sleep(0, 100_000);
            sum += Arrays.hashCode(garbage[3]);
        }
        many.await();
        assertTrue(many.sent() > 100, "sent " + many.sent());
        // and the syscall layer still works normally on this thread afterwards
        SocketPair p = pair();
        p.a().sendall("ok".getBytes());
        assertArrayEquals("ok".getBytes(), p.b().recv(10));
    }

    /** The proof that the tests below cannot pass vacuously: the raw recv(2) sees EINTR. */
    @Test
    void rawRecvFailsWithEintr() throws Exception {
        SocketPair p = pair();
        after(1500, () -> p.b().send("late".getBytes())); // ends the recv if no signal lands
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(16);
            interruptMe();
            long start = System.nanoTime();
            long n = Posix.recv(p.a().fileno(), buf, 16, 0);
            int errno = Posix.errno();
            double took = seconds(start);
            assertEquals(-1, n, "recv returned data instead of failing");
            assertEquals(posix_h.EINTR(), errno, "errno");
            assertTrue(took >= 0.08 && took < 1.0, "took " + took);
        }
    }

    @Test
    void rawPollFailsWithEintr() throws Exception {
        SocketPair p = pair();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pfd = arena.allocate(8, 4);
            pfd.set(java.lang.foreign.ValueLayout.JAVA_INT, 0, p.a().fileno());
            pfd.set(java.lang.foreign.ValueLayout.JAVA_SHORT, 4, (short) posix_h.POLLIN());
            interruptMe();
            long start = System.nanoTime();
            int n = Posix.poll(pfd, 1, 2000);
            int errno = Posix.errno();
            assertEquals(-1, n);
            assertEquals(posix_h.EINTR(), errno);
            assertTrue(seconds(start) < 1.0);
        }
    }

    // ------------------------------------------------------------------ socket calls

    @Test
    void blockingRecvIsRetried() throws Exception {
        SocketPair p = pair();
        after(DATA_AT, () -> p.b().send("hello".getBytes()));
        interruptMe();
        long start = System.nanoTime();
        byte[] got = p.a().recv(100);
        assertArrayEquals("hello".getBytes(), got);
        assertTrue(seconds(start) >= 0.3, "returned before the data was sent");
        assertAllSignalsSent();
    }

    @Test
    void recvWithTimeoutIsRetriedWithTheRemainingTime() throws Exception {
        SocketPair p = pair();
        p.a().settimeout(5.0);
        after(DATA_AT, () -> p.b().send("hello".getBytes()));
        interruptMe();
        assertArrayEquals("hello".getBytes(), p.a().recv(100));
        assertAllSignalsSent();
        assertTrue(waitEintr() > 0, "the readiness wait never saw EINTR");
    }

    /** One deadline: a 1 s timeout interrupted at 0.3 s still times out at about 1 s. */
    @Test
    void recvTimeoutKeepsOneDeadline() throws Exception {
        SocketPair p = pair();
        p.a().settimeout(1.0);
        interruptMeAt(300);
        long start = System.nanoTime();
        TimeoutError e = assertThrows(TimeoutError.class, () -> p.a().recv(100));
        double took = seconds(start);
        assertEquals("timed out", e.getMessage());
        assertTrue(took >= 0.95 && took < 1.25, "timed out after " + took + " s, not ~1 s");
        assertAllSignalsSent();
        assertTrue(waitEintr() > 0, "the readiness wait never saw EINTR");
    }

    @Test
    void blockingAcceptIsRetried() throws Exception {
        SocketType l = later(socket.socket(socket.AF_INET, socket.SOCK_STREAM));
        l.bind(new InetAddr("127.0.0.1", 0));
        l.listen();
        Address addr = l.getsockname();
        after(DATA_AT, () -> later(socket.socket(socket.AF_INET, socket.SOCK_STREAM)).connect(addr));
        interruptMe();
        long start = System.nanoTime();
        Accepted a = l.accept();
        later(a.conn());
        assertTrue(seconds(start) >= 0.3);
        assertAllSignalsSent();
    }

    @Test
    void acceptWithTimeoutIsRetried() throws Exception {
        SocketType l = later(socket.socket(socket.AF_INET, socket.SOCK_STREAM));
        l.bind(new InetAddr("127.0.0.1", 0));
        l.listen();
        l.settimeout(5.0);
        Address addr = l.getsockname();
        after(DATA_AT, () -> later(socket.socket(socket.AF_INET, socket.SOCK_STREAM)).connect(addr));
        interruptMe();
        later(l.accept().conn());
        assertAllSignalsSent();
        assertTrue(waitEintr() > 0, "the readiness wait never saw EINTR");
    }

    /** A reader that starts late and drains everything; returns the byte count through {@code total}. */
    private void slowReader(SocketType s, long total, AtomicInteger got) {
        after(DATA_AT, () -> {
            long n = 0;
            while (n < total) {
                byte[] b = s.recv(65536);
                if (b.length == 0) {
                    break;
                }
                n += b.length;
            }
            got.set((int) n);
        });
    }

    @Test
    void blockingSendallToASlowReaderIsRetried() throws Exception {
        SocketPair p = pair();
        byte[] big = new byte[8 << 20];
        AtomicInteger got = new AtomicInteger();
        slowReader(p.b(), big.length, got);
        interruptMe();
        p.a().sendall(big);
        assertAllSignalsSent();
        helpers.get(0).join(10_000);
        assertEquals(big.length, got.get());
    }

    @Test
    void sendallWithTimeoutToASlowReaderIsRetried() throws Exception {
        SocketPair p = pair();
        p.a().settimeout(5.0);
        byte[] big = new byte[8 << 20];
        AtomicInteger got = new AtomicInteger();
        slowReader(p.b(), big.length, got);
        interruptMe();
        p.a().sendall(big);
        assertAllSignalsSent();
        helpers.get(0).join(10_000);
        assertEquals(big.length, got.get());
        assertTrue(waitEintr() > 0, "the readiness wait never saw EINTR");
    }

    /** {@link CoreTestSupport#fullListener()}, closed after the test. */
    private SocketType fullListener() throws Exception {
        SocketType[] lf = CoreTestSupport.fullListener();
        later(lf[1]);
        return later(lf[0]);
    }

    @Test
    void rawConnectFailsWithEintrWhenTheHandshakeBlocks() throws Exception {
        SocketType l = fullListener();
        SocketType c = later(socket.socket(socket.AF_INET, socket.SOCK_STREAM));
        MemorySegment addr = Arena.ofAuto().allocate(128, 8);
        int len = SockAddr.encode(socket.AF_INET, l.getsockname(), "connect", addr);
        interruptMe();
        int r = Posix.connect(c.fileno(), addr, len);
        int errno = Posix.errno();
        assumeTrue(r == -1 && errno == posix_h.EINTR(),
                "connect on loopback did not block (r=" + r + ", errno=" + errno + ")");
    }

    @Test
    void blockingConnectInterruptedWaitsForTheConnection() throws Exception {
        SocketType l = fullListener();
        l.settimeout(5.0);
        // make room in the queue after the signals: the retransmitted SYN then gets through
        after(DATA_AT, () -> later(l.accept().conn()));
        SocketType c = later(socket.socket(socket.AF_INET, socket.SOCK_STREAM));
        interruptMe();
        long start = System.nanoTime();
        c.connect(l.getsockname());
        double took = seconds(start);
        assertAllSignalsSent();
        assumeTrue(took >= 0.2, "connect did not block, nothing to interrupt");
        assertEquals(l.getsockname(), c.getpeername());
    }

    // ------------------------------------------------------------------ select, poll, epoll, selectors

    @Test
    void selectWithoutTimeoutIsRetried() throws Exception {
        SocketPair p = pair();
        after(DATA_AT, () -> p.b().send("x".getBytes()));
        interruptMe();
        select.Selected r = select.select(List.of(p.a()), List.of(), List.of());
        assertEquals(List.of(p.a()), r.rlist());
        assertAllSignalsSent();
    }

    @Test
    void selectTimeoutKeepsOneDeadline() throws Exception {
        SocketPair p = pair();
        interruptMeAt(300);
        long start = System.nanoTime();
        select.Selected r = select.select(List.of(p.a()), List.of(), List.of(), 1.0);
        double took = seconds(start);
        assertEquals(List.of(), r.rlist());
        assertTrue(took >= 0.95 && took < 1.25, "select returned after " + took + " s, not ~1 s");
        assertAllSignalsSent();
    }

    @Test
    void pollWithoutTimeoutIsRetried() throws Exception {
        SocketPair p = pair();
        select.poll po = select.poll();
        po.register(p.a(), select.POLLIN);
        after(DATA_AT, () -> p.b().send("x".getBytes()));
        interruptMe();
        assertEquals(List.of(new select.PollEvent(p.a().fileno(), select.POLLIN)), po.poll());
        assertAllSignalsSent();
    }

    @Test
    void pollTimeoutKeepsOneDeadline() throws Exception {
        SocketPair p = pair();
        select.poll po = select.poll();
        po.register(p.a(), select.POLLIN);
        interruptMeAt(300);
        long start = System.nanoTime();
        assertEquals(List.of(), po.poll(1000));
        double took = seconds(start);
        assertTrue(took >= 0.95 && took < 1.25, "poll returned after " + took + " s, not ~1 s");
        assertAllSignalsSent();
    }

    @Test
    void epollWithoutTimeoutIsRetried() throws Exception {
        SocketPair p = pair();
        select.epoll ep = later(select.epoll());
        ep.register(p.a(), select.EPOLLIN);
        after(DATA_AT, () -> p.b().send("x".getBytes()));
        interruptMe();
        List<select.EpollEvent> evs = ep.poll();
        assertEquals(1, evs.size());
        assertEquals(p.a().fileno(), evs.get(0).fd());
        assertAllSignalsSent();
    }

    @Test
    void epollTimeoutKeepsOneDeadline() throws Exception {
        SocketPair p = pair();
        select.epoll ep = later(select.epoll());
        ep.register(p.a(), select.EPOLLIN);
        interruptMeAt(300);
        long start = System.nanoTime();
        assertEquals(List.of(), ep.poll(1.0));
        double took = seconds(start);
        assertTrue(took >= 0.95 && took < 1.25, "epoll returned after " + took + " s, not ~1 s");
        assertAllSignalsSent();
    }

    /** selectors turns an InterruptedError into [], so only a late event shows the retry. */
    @Test
    void defaultSelectorSelectIsRetried() throws Exception {
        SocketPair p = pair();
        selectors.DefaultSelector sel = later(selectors.DefaultSelector());
        sel.register(p.a(), selectors.EVENT_READ, null);
        after(DATA_AT, () -> p.b().send("x".getBytes()));
        interruptMe();
        long start = System.nanoTime();
        List<selectors.Ready> ready = sel.select(5.0);
        assertEquals(1, ready.size(), "select returned " + ready + " after " + seconds(start) + " s");
        assertEquals(selectors.EVENT_READ, ready.get(0).events());
        assertAllSignalsSent();
    }
}
