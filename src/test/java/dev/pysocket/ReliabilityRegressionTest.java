package dev.pysocket;

import static dev.pysocket.CoreTestSupport.*;
import static dev.pysocket.socket.*;
import static org.junit.jupiter.api.Assertions.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
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
        Thread mover = new Thread(() -> {
            while (!stop.get()) {
                slice.position(0);
                slice.position(SLICE - 1);
            }
        });
        mover.start();
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
        Thread mover = new Thread(() -> {
            while (!stop.get()) {
                slice.position(0);
                slice.position(SLICE - 1);
            }
        });
        mover.start();
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
}
