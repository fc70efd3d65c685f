// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.CoreTestSupport.*;
import static dev.pysocket.socket.*;
import static org.junit.jupiter.api.Assertions.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Regression tests for the defects the hostile-use review found (issue 7), each over real
 * sockets. Every test here failed before its fix.
 */
class ReliabilityRegressionTest {
    private static final int SLICE = 16;
    private static final byte CANARY = (byte) 0xA5;

    // ---- 1. a ByteBuffer's state is read once ----------------------------------------------

    /**
     * A thread moves the buffer's position while recv_into runs; whatever the interleaving, the
     * kernel must never write outside the slice. Before the fix the length came from one read of
     * the position and the memory from another: up to 15 bytes landed past the slice.
     */
    @Test
    @Timeout(60)
    void recvIntoNeverWritesPastAByteBufferWhoseStateRaces() throws Exception {
        try (Arena arena = Arena.ofShared()) {
            ByteBuffer direct = arena.allocate(4096).asByteBuffer();
            raceRecvInto(direct, b -> {
                MemorySegment all = MemorySegment.ofBuffer(direct);
                return all.asSlice(0, 1000).toArray(ValueLayout.JAVA_BYTE).length == 1000
                        && allCanary(all.asSlice(0, 1000)) && allCanary(all.asSlice(1000 + SLICE));
            });
        }
        byte[] backing = new byte[4096];
        ByteBuffer heap = ByteBuffer.wrap(backing);
        raceRecvInto(heap, b -> allCanary(MemorySegment.ofArray(backing).asSlice(0, 1000))
                && allCanary(MemorySegment.ofArray(backing).asSlice(1000 + SLICE)));
    }

    private interface Check {
        boolean intact(ByteBuffer whole);
    }

    private static boolean allCanary(MemorySegment s) {
        for (long i = 0; i < s.byteSize(); i++) {
            if (s.get(ValueLayout.JAVA_BYTE, i) != CANARY) {
                return false;
            }
        }
        return true;
    }

    /** recv_into and recvfrom_into into a 16-byte slice at offset 1000 of {@code whole}, racing its position. */
    private static void raceRecvInto(ByteBuffer whole, Check check) throws Exception {
        for (int i = 0; i < whole.capacity(); i++) {
            whole.put(i, CANARY);
        }
        ByteBuffer slice = whole.slice(1000, SLICE);
        byte[] payload = new byte[SLICE * 2];
        Arrays.fill(payload, (byte) 0x11);
        SocketPair pair = socketpair(AF_UNIX, SOCK_DGRAM);
        AtomicBoolean stop = new AtomicBoolean();
        Thread mover = mover(slice, stop);
        try (SocketType a = pair.a(); SocketType b = pair.b()) {
            b.settimeout(10.0);
            long end = System.nanoTime() + 3_000_000_000L;
            for (int i = 0; i < 20_000 && System.nanoTime() < end; i++) {
                a.send(payload);
                int n = (i & 1) == 0 ? b.recv_into(slice) : b.recvfrom_into(slice, 0, 0).nbytes();
                assertTrue(n >= 1 && n <= SLICE, "received " + n);
                assertTrue(check.intact(whole), "bytes written outside the buffer at iteration " + i);
            }
        } finally {
            stop.set(true);
            mover.join(10_000);
        }
    }

    /** A thread that moves the buffer's position back and forth until {@code stop}. */
    private static Thread mover(ByteBuffer slice, AtomicBoolean stop) {
        return Thread.ofPlatform().daemon().start(() -> {
            while (!stop.get()) {
                slice.position(0);
                slice.position(SLICE - 1);
            }
        });
    }

    /** send of a racing heap ByteBuffer never sends bytes from outside the slice. */
    @Test
    @Timeout(60)
    void sendNeverReadsPastAByteBufferWhoseStateRaces() throws Exception {
        byte[] backing = new byte[4096];
        Arrays.fill(backing, CANARY);
        ByteBuffer slice = ByteBuffer.wrap(backing).slice(1000, SLICE);
        for (int i = 0; i < SLICE; i++) {
            slice.put(i, (byte) 0x11);
        }
        SocketPair pair = socketpair(AF_UNIX, SOCK_DGRAM);
        AtomicBoolean stop = new AtomicBoolean();
        Thread mover = mover(slice, stop);
        try (SocketType a = pair.a(); SocketType b = pair.b()) {
            b.settimeout(10.0);
            long end = System.nanoTime() + 3_000_000_000L;
            for (int i = 0; i < 20_000 && System.nanoTime() < end; i++) {
                int sent = a.send(slice);
                byte[] got = b.recv(SLICE * 4);
                assertEquals(sent, got.length);
                assertTrue(sent >= 1 && sent <= SLICE, "sent " + sent);
                for (byte x : got) {
                    assertEquals(0x11, x, "a byte from outside the buffer was sent");
                }
            }
        } finally {
            stop.set(true);
            mover.join(10_000);
        }
    }

    // ---- 2. recvmsg with MSG_TRUNC returns what fit, and its descriptors ---------------------

    /**
     * CPython: {@code b.recvmsg(10, CMSG_SPACE(4), MSG_TRUNC)} of a 20-byte datagram carrying one
     * descriptor gives {@code (b'0123456789', [(1, 1, fd)], 32, None)}; recvmsg_into gives 20;
     * recv_fds {@code (b'0123456789', [fd], 32, None)}. Same for SOCK_SEQPACKET.
     */
    @Test
    void recvmsgWithMsgTruncKeepsTheDataThatFitAndTheDescriptors() throws Exception {
        for (int type : new int[] {SOCK_DGRAM, SOCK_SEQPACKET}) {
            SocketPair pair = socketpair(AF_UNIX, type);
            try (SocketType a = pair.a(); SocketType b = pair.b(); SocketType carried = socket(AF_INET, SOCK_DGRAM)) {
                b.settimeout(10.0);
                byte[] payload = "0123456789abcdefghij".getBytes();

                send_fds(a, List.of(payload), List.of(carried.fileno()));
                RecvMsg m = b.recvmsg(10, CMSG_SPACE(4), MSG_TRUNC);
                assertEquals("0123456789", new String(m.data()));
                assertEquals(MSG_TRUNC, m.msg_flags() & MSG_TRUNC);
                assertEquals(1, m.ancdata().size());
                int fd = MemorySegment.ofArray(m.ancdata().get(0).cmsg_data()).get(ValueLayout.JAVA_INT_UNALIGNED, 0);
                assertReceivedFd(fd);

                send_fds(a, List.of(payload), List.of(carried.fileno()));
                byte[] x = new byte[4];
                byte[] y = new byte[3];
                RecvMsgInto r = b.recvmsg_into(List.of(x, y), CMSG_SPACE(4), MSG_TRUNC);
                assertEquals(20, r.nbytes());
                assertEquals("0123", new String(x));
                assertEquals("456", new String(y));
                assertReceivedFd(MemorySegment.ofArray(r.ancdata().get(0).cmsg_data()).get(ValueLayout.JAVA_INT_UNALIGNED, 0));

                send_fds(a, List.of(payload), List.of(carried.fileno()));
                RecvFds f = recv_fds(b, 10, 1, MSG_TRUNC);
                assertEquals("0123456789", new String(f.msg()));
                assertEquals(1, f.fds().size());
                assertReceivedFd(f.fds().get(0));
            }
        }
    }

    /** The received descriptor is a socket of its own, open; the test closes it. */
    private static void assertReceivedFd(int fd) throws OSError {
        assertNotNull(fdTarget(fd), "descriptor " + fd + " is open");
        assertTrue(fdTarget(fd).startsWith("socket:"), fdTarget(fd));
        socket.close(fd);
        assertNull(fdTarget(fd));
    }

    // ---- 3. huge sizes: checked first, never zero-filled -------------------------------------

    private static final long MIB = 1 << 20;

    /**
     * CPython: {@code closed.recv(2**31-1)} is EBADF at once, and on an open socket the 2 GiB it
     * mallocs are never touched. Before the fix each call zero-filled 2 GiB (about 1 s, 2 GB RSS).
     */
    @Test
    @Timeout(120)
    void hugeReceiveSizesCostNoMemory() throws Exception {
        int max = Integer.MAX_VALUE;
        long before = Hygiene.rss();
        Hygiene.resetPeakRss();
        SocketType closed = socket(AF_UNIX, SOCK_STREAM);
        closed.close();
        assertBadf(() -> closed.recv(max));
        assertBadf(() -> closed.recvfrom(max));
        assertBadf(() -> closed.recvmsg(max));
        assertBadf(() -> closed.recvmsg(1, max));
        assertBadf(() -> closed.recv_into(new byte[(int) (64 * MIB)]));
        SocketPair pair = socketpair(AF_UNIX, SOCK_STREAM);
        try (SocketType a = pair.a(); SocketType b = pair.b()) {
            b.settimeout(10.0);
            a.sendall("hello".getBytes());
            assertEquals("hello", new String(b.recv(max)));
            a.sendall("hello".getBytes());
            RecvMsg m = b.recvmsg(1, max);
            assertEquals("h", new String(m.data()));
            assertEquals(List.of(), m.ancdata());
            assertEquals("ello", new String(b.recvmsg(max).data()));
            a.sendall("hello".getBytes());
            assertEquals("hello", new String(b.recvfrom(max).data()));
            b.setblocking(false);
            assertOSError(BlockingIOError.class, 11, "[Errno 11] Resource temporarily unavailable", () -> b.recv(max));
        }
        long grown = Hygiene.peakRss() - before;
        assertTrue(grown < 200 * MIB, "peak RSS grew by " + grown / MIB + " MiB");
    }

    /**
     * CPython mallocs maxevents epoll_events per poll and frees them: poll(0.0, 10_000_000) keeps
     * nothing and touches nothing; 2**31-1 events (24 GiB) is MemoryError where malloc refuses
     * them (here), else the kernel's EINVAL; above EP_MAX_EVENTS the kernel says EINVAL. Before the
     * fix: 115 MiB zero-filled and kept for the epoll's life, and java.lang.OutOfMemoryError.
     */
    @Test
    @Timeout(60)
    void hugeMaxeventsCostNoMemoryAndGivePythonsErrors() throws Exception {
        try (select.epoll ep = select.epoll()) {
            long before = Hygiene.rss();
            Hygiene.resetPeakRss();
            for (int i = 0; i < 3; i++) {
                assertEquals(List.of(), ep.poll(0.0, 10_000_000));
            }
            long grown = Hygiene.peakRss() - before;
            assertTrue(grown < 60 * MIB, "peak RSS grew by " + grown / MIB + " MiB");
            RuntimeException huge = assertThrows(RuntimeException.class, () -> {
                try {
                    ep.poll(0.0, Integer.MAX_VALUE);
                } catch (OSError e) {
                    assertEquals(22, e.errno(), "only EINVAL, when malloc gives 24 GiB");
                    throw new MemoryError();
                }
            });
            assertEquals(MemoryError.class, huge.getClass());
            int epMaxEvents = Integer.MAX_VALUE / 12; // INT_MAX / sizeof(struct epoll_event)
            assertOSError(OSError.class, 22, "[Errno 22] Invalid argument", () -> ep.poll(0.0, epMaxEvents + 1));
        }
    }

    // ---- 4. closed or foreign memory segments ------------------------------------------------

    private static final String RELEASED = "operation forbidden on released memoryview object";

    /**
     * A segment of a closed arena is CPython's released memoryview: ValueError, checked with the
     * arguments (so before the socket), nothing consumed. Before the fix: IllegalStateException
     * and WrongThreadException.
     */
    @Test
    @Timeout(60)
    void closedAndForeignSegmentsAreValueErrors() throws Exception {
        Arena gone = Arena.ofShared();
        MemorySegment seg = gone.allocate(16);
        ByteBuffer buf = seg.asByteBuffer();
        gone.close();
        SocketPair pair = socketpair(AF_UNIX, SOCK_DGRAM);
        try (SocketType a = pair.a(); SocketType b = pair.b()) {
            b.settimeout(10.0);
            a.send("x".getBytes());
            assertPyError(ValueError.class, RELEASED, () -> b.recv_into(seg, 0, 0));
            assertPyError(ValueError.class, RELEASED, () -> b.recvfrom_into(seg, 0, 0));
            assertPyError(ValueError.class, RELEASED, () -> b.recv_into(buf));
            assertPyError(ValueError.class, RELEASED, () -> b.recvfrom_into(buf, 0, 0));
            assertEquals("x", new String(b.recv(10)), "nothing was consumed");
            assertPyError(ValueError.class, RELEASED, () -> a.send(seg, 0));
            assertPyError(ValueError.class, RELEASED, () -> a.sendall(seg, 0));
            assertPyError(ValueError.class, RELEASED, () -> a.sendto(seg, 0, new UnixAddr("/nonexistent")));
            assertPyError(ValueError.class, RELEASED, () -> a.send(buf));
            assertPyError(ValueError.class, RELEASED, () -> a.sendall(buf));
            b.setblocking(false);
            assertOSError(BlockingIOError.class, 11, "[Errno 11] Resource temporarily unavailable", () -> b.recv(10));

            try (Arena confined = Arena.ofConfined()) {
                MemorySegment mine = confined.allocate(16);
                AtomicReference<Throwable> seen = new AtomicReference<>();
                Thread other = new Thread(() -> {
                    for (Executable call : List.<Executable>of(() -> b.recv_into(mine, 0, 0),
                            () -> a.send(mine, 0), () -> b.recvfrom_into(mine.asByteBuffer(), 0, 0))) {
                        try {
                            call.run();
                            seen.compareAndSet(null, new AssertionError("no error"));
                        } catch (Throwable t) {
                            if (!(t instanceof ValueError) || !t.getMessage().equals(
                                    "operation forbidden on a memory segment confined to another thread")) {
                                seen.compareAndSet(null, t);
                            }
                        }
                    }
                });
                other.start();
                other.join(10_000);
                assertNull(seen.get(), () -> "another thread's confined segment: " + seen.get());
            }
        }
        SocketType closed = socket(AF_UNIX, SOCK_DGRAM);
        closed.close();
        assertPyError(ValueError.class, RELEASED, () -> closed.send(seg, 0));
        assertPyError(ValueError.class, RELEASED, () -> closed.recv_into(seg, 0, 0));
    }

    /** A callable that may throw anything, for lists of calls. */
    private interface Executable extends org.junit.jupiter.api.function.Executable {
        void run() throws Throwable;

        @Override
        default void execute() throws Throwable {
            run();
        }

        /** A call with a result. */
        interface Call {
            Object run() throws Exception;
        }
    }

    /**
     * An arena another thread closes while calls use its segment: each call either works or
     * raises the ValueError, never IllegalStateException (the closer itself may be refused
     * while a call holds the segment, and then tries again).
     */
    @Test
    @Timeout(60)
    void anArenaClosedDuringCallsGivesValueError() throws Exception {
        SocketPair pair = socketpair(AF_UNIX, SOCK_DGRAM);
        try (SocketType a = pair.a(); SocketType b = pair.b()) {
            a.settimeout(10.0);
            b.settimeout(10.0);
            int valueErrors = 0;
            for (int round = 0; round < 50; round++) {
                Arena arena = Arena.ofShared();
                MemorySegment seg = arena.allocate(64);
                Thread closer = new Thread(() -> {
                    long until = System.nanoTime() + ThreadLocalRandom.current().nextLong(200_000);
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    for (;;) {
                        try {
                            arena.close();
                            return;
                        } catch (IllegalStateException busy) {
                            Thread.onSpinWait(); // a call holds the segment: close after it
                        }
                    }
                });
                closer.start();
                try {
                    long end = System.nanoTime() + 10_000_000_000L;
                    while (System.nanoTime() < end) {
                        a.send(seg, 0);
                        assertEquals(64, b.recv_into(seg, 0, 0));
                    }
                    fail("the arena never closed");
                } catch (ValueError e) {
                    assertEquals(RELEASED, e.getMessage());
                    valueErrors++;
                } finally {
                    closer.join(10_000);
                }
                b.setblocking(false);
                while (true) { // drain a datagram sent before the close
                    try {
                        b.recv(64);
                    } catch (BlockingIOError e) {
                        break;
                    }
                }
                b.settimeout(10.0);
            }
            assertEquals(50, valueErrors);
        }
    }

    // ---- 7. null where Python has no None ----------------------------------------------------

    /** CPython's TypeError (or AttributeError) for None in these positions; before the fix NullPointerException. */
    @Test
    void nullWherePythonHasNoNoneIsPythonsError() throws Exception {
        String bytesLike = "a bytes-like object is required, not 'NoneType'";
        assertPyError(TypeError.class, bytesLike, () -> new UnixAddr(null, true));
        assertPyError(TypeError.class, bytesLike, () -> new UnixAddr((byte[]) null));
        assertPyError(TypeError.class, bytesLike, () -> new UnixAddr((String) null));
        assertPyError(TypeError.class, "arguments 1-3 must be sequences", () -> select.select(null, List.of(), List.of(), 0.0));
        assertPyError(TypeError.class, "arguments 1-3 must be sequences", () -> select.select(List.of(), null, List.of(), 0L));
        assertPyError(TypeError.class, "arguments 1-3 must be sequences", () -> select.select(List.of(), List.of(), null));
        assertPyError(AttributeError.class, "'NoneType' object has no attribute 'sendmsg'",
                () -> send_fds(null, List.of("x".getBytes()), List.of(1)));
        assertPyError(AttributeError.class, "'NoneType' object has no attribute 'recvmsg'", () -> recv_fds(null, 1, 1));
        // found by FuzzTest: a RawAddr with null data unpacked by create_connection
        assertPyError(TypeError.class, "getaddrinfo() argument 1 must be string or None",
                () -> create_connection(new RawAddr(AF_INET, null)));
    }

    /**
     * The audit as a test: every public method and constructor of the API, called with null in
     * each reference position (and ordinary values elsewhere), raises a Python error or returns,
     * never NullPointerException.
     */
    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void noPublicEntryPointThrowsNullPointerException() throws Exception {
        List<String> npes = new ArrayList<>();
        int calls = 0;
        for (Class<?> c : List.of(socket.class, select.class, selectors.class, SocketType.class, select.poll.class,
                select.epoll.class, selectors.DefaultSelector.class, selectors.SelectSelector.class,
                selectors.PollSelector.class, InetAddr.class, Inet6Addr.class, UnixAddr.class, RawAddr.class,
                AncData.class)) {
            List<Executable> members = new ArrayList<>();
            List<java.lang.reflect.Executable> all = new ArrayList<>(List.of(c.getMethods()));
            all.addAll(List.of(c.getConstructors()));
            for (java.lang.reflect.Executable m : all) {
                if (m.getDeclaringClass() == Object.class || m.getName().equals("makefile")) {
                    continue; // makefile is SocketFile's, being rewritten
                }
                Class<?>[] ps = m.getParameterTypes();
                for (int i = 0; i < ps.length; i++) {
                    if (ps[i].isPrimitive() || ps[i] == Double.class || ps[i] == Integer.class) {
                        continue; // a null Double or Integer is Python's None (a timeout, a fileno)
                    }
                    calls++;
                    String npe = callWithNull(c, m, i);
                    if (npe != null) {
                        npes.add(npe);
                    }
                }
            }
        }
        assertTrue(calls > 100, "audited " + calls + " positions");
        assertEquals(List.of(), npes);
    }

    /** Calls {@code m} with null at {@code pos}; returns a description if it threw NullPointerException. */
    private static String callWithNull(Class<?> c, java.lang.reflect.Executable m, int pos) throws Exception {
        try (SocketType s = socket(AF_INET, SOCK_DGRAM)) {
            s.setblocking(false);
            Object target = null;
            if (!Modifier.isStatic(m.getModifiers()) && m instanceof Method) {
                target = c == SocketType.class ? s : c == select.poll.class ? select.poll()
                        : c == select.epoll.class ? select.epoll()
                        : c == selectors.DefaultSelector.class ? selectors.DefaultSelector()
                        : c == selectors.SelectSelector.class ? selectors.SelectSelector()
                        : c == selectors.PollSelector.class ? selectors.PollSelector() : null;
                if (target == null) {
                    return null; // a record's own accessors
                }
            }
            Class<?>[] ps = m.getParameterTypes();
            Object[] args = new Object[ps.length];
            for (int j = 0; j < ps.length; j++) {
                args[j] = j == pos ? null : sample(ps[j], s);
            }
            try {
                if (m instanceof Method method) {
                    method.invoke(target, args);
                } else {
                    ((Constructor<?>) m).newInstance(args);
                }
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof NullPointerException npe) {
                    return c.getSimpleName() + "." + m.getName() + List.of(ps).stream().map(Class::getSimpleName).toList()
                            + " null at " + pos + ": " + npe.getMessage();
                }
            } finally {
                if (target instanceof AutoCloseable closeable && target != s) {
                    closeable.close();
                }
            }
            return null;
        }
    }

    /** An ordinary value of a parameter type. */
    private static Object sample(Class<?> t, SocketType s) {
        if (t == int.class) {
            return 0;
        } else if (t == long.class) {
            return 0L;
        } else if (t == boolean.class) {
            return false;
        } else if (t == double.class || t == Double.class) {
            return 0.0;
        } else if (t == String.class) {
            return "127.0.0.1";
        } else if (t == byte[].class) {
            return new byte[4];
        } else if (t == Address.class) {
            return new InetAddr("127.0.0.1", 0);
        } else if (t == SocketType.class || t == Object.class) {
            return s;
        } else if (t == List.class || t == Collection.class) {
            return List.of();
        } else if (t == ByteBuffer.class) {
            return ByteBuffer.allocate(4);
        } else if (t == MemorySegment.class) {
            return MemorySegment.ofArray(new byte[4]);
        }
        return null;
    }

    // ---- 8. readiness waits do not wake when what they wait on is closed ---------------------

    /** Waits in {@code call} on one end of a pair while another thread closes it after 0.1 s. */
    private static Object waitWhileClosed(SocketType b, Executable.Call call) throws Exception {
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(100);
                b.close();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        long start = System.nanoTime();
        closer.start();
        Object result = call.run();
        double elapsed = (System.nanoTime() - start) / 1e9;
        closer.join(10_000);
        assertTrue(elapsed >= 0.4, "woke after " + elapsed + " s: the close must not wake the wait");
        return result;
    }

    /**
     * As CPython (documented in docs/reliability.md): select, poll, epoll and selectors waiting on
     * a socket another thread closes keep waiting until their timeout (0.5 s), then give what
     * CPython gives: select the closed socket as readable, poll POLLNVAL, epoll and selectors
     * nothing. (Socket calls blocked on it, by contrast, wake with EBADF.)
     */
    @Test
    @Timeout(60)
    void readinessWaitsDoNotWakeOnClose() throws Exception {
        for (int kind = 0; kind < 4; kind++) {
            SocketPair pair = socketpair(AF_UNIX, SOCK_STREAM);
            try (SocketType a = pair.a(); SocketType b = pair.b()) {
                int fd = b.fileno();
                switch (kind) {
                    case 0 -> {
                        select.Selected r = (select.Selected) waitWhileClosed(b, () -> select.select(List.of(b), List.of(), List.of(), 0.5));
                        assertEquals(List.of(b), r.rlist());
                    }
                    case 1 -> {
                        select.poll p = select.poll();
                        p.register(b, select.POLLIN);
                        assertEquals(List.of(new select.PollEvent(fd, select.POLLNVAL)), waitWhileClosed(b, () -> p.poll(500L)));
                    }
                    case 2 -> {
                        try (select.epoll e = select.epoll()) {
                            e.register(b, select.EPOLLIN);
                            assertEquals(List.of(), waitWhileClosed(b, () -> e.poll(0.5)));
                        }
                    }
                    default -> {
                        try (selectors.DefaultSelector sel = selectors.DefaultSelector()) {
                            sel.register(b, selectors.EVENT_READ);
                            assertEquals(List.of(), waitWhileClosed(b, () -> sel.select(0.5)));
                        }
                    }
                }
            }
        }
    }

    // ---- 6. close() during a blocking connect is EBADF, as for every other blocked call ------

    /** Before the fix the close shut the socket down and the connect failed with ConnectionResetError [104]. */
    @Test
    @Timeout(60)
    void closeDuringABlockingConnectIsEbadf() throws Exception {
        for (boolean virtual : new boolean[] {false, true}) {
            SocketType[] lf = fullListener();
            try (SocketType l = lf[0]; SocketType first = lf[1]; SocketType c = socket(AF_INET, SOCK_STREAM)) {
                java.util.concurrent.CompletableFuture<Throwable> outcome = new java.util.concurrent.CompletableFuture<>();
                Runnable connect = () -> {
                    try {
                        c.connect(l.getsockname());
                        outcome.complete(null);
                    } catch (Throwable t) {
                        outcome.complete(t);
                    }
                };
                Thread t = virtual ? Thread.ofVirtual().start(connect) : Thread.ofPlatform().daemon().start(connect);
                Thread.sleep(200);
                assertFalse(outcome.isDone(), "connect did not block: " + outcome.getNow(null));
                c.close();
                Throwable thrown = outcome.get(10, java.util.concurrent.TimeUnit.SECONDS);
                assertNotNull(thrown, "connect succeeded after close");
                assertEquals(OSError.class, thrown.getClass(), String.valueOf(thrown));
                assertEquals(9, ((OSError) thrown).errno());
                t.join(10_000);
            }
        }
    }
}
