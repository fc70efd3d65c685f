// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.CoreTestSupport.*;
import static dev.pysocket.socket.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.pysocket.CoreTestSupport.Fam;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** send, sendall, sendto, recv, recv_into, recvfrom, recvfrom_into over every buffer kind. */
@Timeout(60)
class CoreDataTest {
    @TempDir
    Path dir;

    SocketType c;
    SocketType s;

    @BeforeEach
    void pair() throws Exception {
        SocketType[] cs = connected(Fam.INET, dir);
        c = cs[0];
        s = cs[1];
        s.settimeout(10.0); // a bound on every wait
        c.settimeout(10.0);
    }

    @AfterEach
    void close() throws Exception {
        closeAll(c, s);
    }

    @ParameterizedTest
    @EnumSource(Fam.class)
    void sendRecvEveryFamily(Fam fam) throws Exception {
        SocketType[] cs = connected(fam, dir);
        try (var a = cs[0]; var b = cs[1]) {
            b.settimeout(10.0);
            assertEquals(5, a.send("hello".getBytes()));
            assertArrayEquals("hello".getBytes(), b.recv(5));
            b.sendall("world".getBytes());
            a.settimeout(10.0);
            assertArrayEquals("world".getBytes(), a.recv(100));
        }
    }

    @Test
    void partialRecv() throws Exception {
        c.sendall("abcdefgh".getBytes());
        assertArrayEquals("abc".getBytes(), s.recv(3));
        assertArrayEquals("defgh".getBytes(), recvAll(s, 5));
    }

    @Test
    void recvPeek() throws Exception {
        c.sendall("peek".getBytes());
        assertArrayEquals("pe".getBytes(), s.recv(2, MSG_PEEK));
        assertArrayEquals("peek".getBytes(), recvAll(s, 4));
    }

    @Test
    void recvDontwaitOnEmpty() throws Exception {
        s.settimeout(null);
        assertOSError(BlockingIOError.class, 11, "[Errno 11] Resource temporarily unavailable",
                () -> s.recv(10, MSG_DONTWAIT));
        assertTrue(s.getblocking(), "MSG_DONTWAIT changes no mode");
    }

    @Test
    void recvDontwaitInTimeoutModeStillWaits() throws Exception {
        // CPython polls for readiness before each attempt in timeout mode, whatever the flags
        s.settimeout(0.2);
        var e = assertOSError(TimeoutError.class, null, "timed out", () -> s.recv(10, MSG_DONTWAIT));
        assertEquals("TimeoutError('timed out')", e.repr());
    }

    @Test
    void recvDontwaitWithData() throws Exception {
        c.sendall("x".getBytes());
        Thread.sleep(20);
        assertArrayEquals("x".getBytes(), s.recv(10, MSG_DONTWAIT));
    }

    @Test
    void recvZeroIsEmptyWithoutWaiting() throws Exception {
        s.settimeout(null);
        assertArrayEquals(new byte[0], s.recv(0)); // would block forever if it made a syscall
        s.setblocking(false);
        assertArrayEquals(new byte[0], s.recv(0));
    }

    @Test
    void recvIntoEmptyBufferIsZeroWithoutWaiting() throws Exception {
        s.setblocking(false);
        assertEquals(0, s.recv_into(new byte[0]));
        assertEquals(0, s.recv_into(ByteBuffer.allocate(0)));
    }

    @Test
    void recvNegative() {
        assertPyError(ValueError.class, "negative buffersize in recv", () -> s.recv(-1));
        assertPyError(ValueError.class, "negative buffersize in recvfrom", () -> s.recvfrom(-1));
        assertPyError(ValueError.class, "negative buffersize in recv_into", () -> s.recv_into(new byte[4], -1, 0));
        assertPyError(ValueError.class, "negative buffersize in recvfrom_into",
                () -> s.recvfrom_into(new byte[4], -1, 0));
    }

    @Test
    void recvIntoTooMany() {
        assertPyError(ValueError.class, "buffer too small for requested bytes", () -> s.recv_into(new byte[4], 5, 0));
        assertPyError(ValueError.class, "nbytes is greater than the length of the buffer",
                () -> s.recvfrom_into(new byte[4], 5, 0));
    }

    @Test
    void recvIntoReadOnlyBuffer() {
        ByteBuffer ro = ByteBuffer.allocate(4).asReadOnlyBuffer();
        assertPyError(TypeError.class, "recv_into() argument 1 must be read-write bytes-like object, not bytes",
                () -> s.recv_into(ro));
        assertPyError(TypeError.class, "recvfrom_into() argument 1 must be read-write bytes-like object, not bytes",
                () -> s.recvfrom_into(ro, 0, 0));
        // CPython parses the buffer before checking nbytes
        assertPyError(TypeError.class, "recv_into() argument 1 must be read-write bytes-like object, not bytes",
                () -> s.recv_into(ro, 10, 0));
    }

    @Test
    void recvIntoByteArray() throws Exception {
        c.sendall("12345".getBytes());
        byte[] buf = new byte[8];
        Arrays.fill(buf, (byte) '.');
        int n = s.recv_into(buf);
        assertEquals(5, n);
        assertEquals("12345...", new String(buf));
    }

    @Test
    void recvIntoWithNbytes() throws Exception {
        c.sendall("abcdef".getBytes());
        byte[] buf = new byte[8];
        assertEquals(2, s.recv_into(buf, 2, 0));
        assertEquals("ab", new String(buf, 0, 2));
        assertEquals(0, buf[2]);
        assertEquals(4, s.recv_into(buf, 0, 0));
        assertEquals("cdef", new String(buf, 0, 4));
    }

    @Test
    void recvIntoHeapByteBufferKeepsPosition() throws Exception {
        c.sendall("xyz".getBytes());
        ByteBuffer bb = ByteBuffer.allocate(10);
        bb.position(2);
        assertEquals(3, s.recv_into(bb));
        assertEquals(2, bb.position(), "the position stays");
        assertEquals("xyz", new String(bb.array(), 2, 3));
    }

    @Test
    void recvIntoDirectByteBuffer() throws Exception {
        c.sendall("direct".getBytes());
        ByteBuffer bb = ByteBuffer.allocateDirect(16);
        int n = s.recv_into(bb, 6, 0);
        assertEquals(6, n);
        byte[] got = new byte[6];
        bb.get(0, got);
        assertEquals("direct", new String(got));
    }

    /** One buffer reused with other positions and limits: each call gets exactly its position..limit (the per-thread segment cache). */
    @Test
    void aReusedDirectByteBufferFollowsItsPositionAndLimit() throws Exception {
        ByteBuffer bb = ByteBuffer.allocateDirect(16);
        c.sendall("abc".getBytes());
        assertEquals(3, s.recv_into(bb));
        bb.position(3).limit(5);
        c.sendall("defgh".getBytes());
        assertEquals(2, s.recv_into(bb), "no more than position..limit");
        bb.position(5).limit(16);
        assertEquals(3, s.recv_into(bb));
        byte[] got = new byte[8];
        bb.get(0, got);
        assertEquals("abcdefgh", new String(got));
        bb.position(1).limit(4);
        assertEquals(3, c.send(bb));
        assertEquals("bcd", new String(s.recv(10)));
    }

    /** The per-thread segment cache holds buffers weakly: a buffer a call used can still be collected. */
    @Test
    void aByteBufferIsNotKeptAliveByACall() throws Exception {
        WeakReference<ByteBuffer> ref = sendFromAFreshDirectBuffer();
        assertEquals("gone", new String(s.recv(10)));
        for (int i = 0; i < 200 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertNull(ref.get(), "the buffer was collected");
    }

    private WeakReference<ByteBuffer> sendFromAFreshDirectBuffer() throws OSError {
        ByteBuffer bb = ByteBuffer.allocateDirect(8);
        bb.put("gone".getBytes()).flip();
        c.sendall(bb);
        return new WeakReference<>(bb);
    }

    @Test
    void recvIntoNativeSegment() throws Exception {
        c.sendall("native".getBytes());
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(32);
            int n = s.recv_into(seg, 0, 0);
            assertEquals(6, n);
            assertEquals("native", new String(seg.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE)));
        }
    }

    @Test
    void recvIntoHeapSegment() throws Exception {
        c.sendall("heapseg".getBytes());
        byte[] backing = new byte[10];
        int n = s.recv_into(MemorySegment.ofArray(backing), 7, 0);
        assertEquals(7, n);
        assertEquals("heapseg", new String(backing, 0, 7));
    }

    @Test
    void sendHeapByteBufferFromPositionToLimit() throws Exception {
        ByteBuffer bb = ByteBuffer.wrap("0123456789".getBytes());
        bb.position(3).limit(7);
        assertEquals(4, c.send(bb));
        assertEquals(3, bb.position(), "the position stays");
        assertArrayEquals("3456".getBytes(), recvAll(s, 4));
    }

    @Test
    void sendDirectByteBuffer() throws Exception {
        ByteBuffer bb = ByteBuffer.allocateDirect(5).put("dbuf!".getBytes()).flip();
        c.sendall(bb);
        assertArrayEquals("dbuf!".getBytes(), recvAll(s, 5));
    }

    @Test
    void sendReadOnlyBuffer() throws Exception {
        c.sendall(ByteBuffer.wrap("ro".getBytes()).asReadOnlyBuffer());
        assertArrayEquals("ro".getBytes(), recvAll(s, 2));
    }

    @Test
    void sendNativeAndHeapSegments() throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocateFrom("native!", java.nio.charset.StandardCharsets.US_ASCII);
            assertEquals(7, c.send(seg.asSlice(0, 7), 0));
        }
        c.sendall(MemorySegment.ofArray("heap".getBytes()), 0);
        assertArrayEquals("native!heap".getBytes(), recvAll(s, 11));
    }

    @Test
    void sendEmpty() throws Exception {
        assertEquals(0, c.send(new byte[0]));
        c.sendall(new byte[0]);
        c.sendall("z".getBytes());
        assertArrayEquals("z".getBytes(), s.recv(10));
    }

    @ParameterizedTest
    @ValueSource(ints = {65535, 65536, 65537, 200_000})
    void transfersAroundTheScratchLimit(int size) throws Exception {
        byte[] data = pattern(size, size);
        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return recvAll(s, size);
            } catch (OSError e) {
                throw new RuntimeException(e);
            }
        });
        c.sendall(data);
        assertArrayEquals(data, reader.get(20, TimeUnit.SECONDS));
    }

    @Test
    void largeRecvIntoHeapArray() throws Exception {
        byte[] data = pattern(150_000, 3);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                c.sendall(data);
            } catch (OSError e) {
                throw new RuntimeException(e);
            }
        });
        byte[] buf = new byte[data.length];
        int got = 0;
        while (got < buf.length) {
            byte[] tmp = new byte[buf.length - got];
            int n = s.recv_into(tmp);
            assertTrue(n > 0);
            System.arraycopy(tmp, 0, buf, got, n);
            got += n;
        }
        writer.get(20, TimeUnit.SECONDS);
        assertArrayEquals(data, buf);
    }

    @Test
    void largeRecvBufferAboveScratchWithSmallData() throws Exception {
        c.sendall("small".getBytes());
        assertArrayEquals("small".getBytes(), s.recv(1 << 20));
    }

    @Test
    void sendallAboveOneMebibyteWithReaderThread() throws Exception {
        int size = 3 * 1024 * 1024 + 17;
        byte[] data = pattern(size, 99);
        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return recvAll(s, size);
            } catch (OSError e) {
                throw new RuntimeException(e);
            }
        });
        c.sendall(data);
        assertArrayEquals(data, reader.get(30, TimeUnit.SECONDS));
    }

    @Test
    void sendallDirectBufferAboveOneMebibyte() throws Exception {
        int size = 2 * 1024 * 1024;
        byte[] data = pattern(size, 5);
        ByteBuffer bb = ByteBuffer.allocateDirect(size).put(data).flip();
        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return recvAll(s, size);
            } catch (OSError e) {
                throw new RuntimeException(e);
            }
        });
        c.sendall(bb);
        assertArrayEquals(data, reader.get(30, TimeUnit.SECONDS));
    }

    @Test
    void sendallBlockingModeLarge() throws Exception {
        c.settimeout(null);
        int size = 1536 * 1024;
        byte[] data = pattern(size, 11);
        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return recvAll(s, size);
            } catch (OSError e) {
                throw new RuntimeException(e);
            }
        });
        c.sendall(data);
        assertArrayEquals(data, reader.get(30, TimeUnit.SECONDS));
    }

    @Test
    void eofReturnsEmpty() throws Exception {
        c.sendall("last".getBytes());
        c.close();
        assertArrayEquals("last".getBytes(), recvAll(s, 4));
        assertArrayEquals(new byte[0], s.recv(10));
        assertArrayEquals(new byte[0], s.recv(10));
        assertEquals(0, s.recv_into(new byte[4]));
    }

    @Test
    void shutdownWriteGivesPeerEof() throws Exception {
        c.shutdown(SHUT_WR);
        assertArrayEquals(new byte[0], s.recv(10));
        assertOSError(BrokenPipeError.class, 32, "[Errno 32] Broken pipe", () -> c.send("x".getBytes()));
        s.sendall("still".getBytes());
        assertArrayEquals("still".getBytes(), recvAll(c, 5));
    }

    @Test
    void shutdownReadGivesEmptyRecv() throws Exception {
        s.shutdown(SHUT_RD);
        assertArrayEquals(new byte[0], s.recv(10));
    }

    @Test
    void recvfromOnStreamHasNoAddress() throws Exception {
        c.sendall("q".getBytes());
        RecvFrom r = s.recvfrom(10);
        assertArrayEquals("q".getBytes(), r.data());
        assertNull(r.address());
        assertEquals("(b'q', None)", r.toString());
    }

    @Test
    void sendOnUnconnectedStreamIsBrokenPipe() throws Exception {
        try (var t = socket()) {
            assertOSError(BrokenPipeError.class, 32, "[Errno 32] Broken pipe", () -> t.send("x".getBytes()));
            assertOSError(OSError.class, 107, "[Errno 107] Transport endpoint is not connected", () -> t.recv(1));
        }
    }

    // ---- datagrams ------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Fam.class)
    void sendtoRecvfrom(Fam fam) throws Exception {
        try (var r = datagram(fam, dir); var w = datagram(fam, dir)) {
            r.settimeout(10.0);
            assertEquals(11, w.sendto("hello world".getBytes(), r.getsockname()));
            RecvFrom got = r.recvfrom(100);
            assertArrayEquals("hello world".getBytes(), got.data());
            assertEquals(w.getsockname(), got.address());
        }
    }

    @ParameterizedTest
    @EnumSource(Fam.class)
    void datagramTruncation(Fam fam) throws Exception {
        try (var r = datagram(fam, dir); var w = datagram(fam, dir)) {
            r.settimeout(10.0);
            w.sendto("0123456789".getBytes(), r.getsockname());
            assertArrayEquals("0123".getBytes(), r.recvfrom(4).data());
            r.setblocking(false);
            assertOSError(BlockingIOError.class, 11, "[Errno 11] Resource temporarily unavailable", () -> r.recv(4));
        }
    }

    @ParameterizedTest
    @EnumSource(Fam.class)
    void recvfromInto(Fam fam) throws Exception {
        try (var r = datagram(fam, dir); var w = datagram(fam, dir)) {
            r.settimeout(10.0);
            w.sendto("abcdef".getBytes(), r.getsockname());
            byte[] buf = new byte[10];
            RecvFromInto got = r.recvfrom_into(buf, 3, 0);
            assertEquals(3, got.nbytes());
            assertEquals(w.getsockname(), got.address());
            assertArrayEquals("abc\0\0\0\0\0\0\0".getBytes(), buf);
        }
    }

    @Test
    void recvfromIntoEveryBufferKind() throws Exception {
        try (var r = datagram(Fam.INET6, dir); var w = datagram(Fam.INET6, dir); Arena arena = Arena.ofConfined()) {
            r.settimeout(10.0);
            for (int i = 0; i < 4; i++) {
                w.sendto(("dg" + i).getBytes(), r.getsockname());
            }
            byte[] a = new byte[8];
            assertEquals(3, r.recvfrom_into(a).nbytes());
            ByteBuffer heap = ByteBuffer.allocate(8);
            assertEquals(3, r.recvfrom_into(heap, 0, 0).nbytes());
            ByteBuffer direct = ByteBuffer.allocateDirect(8);
            assertEquals(3, r.recvfrom_into(direct, 0, 0).nbytes());
            MemorySegment seg = arena.allocate(8);
            RecvFromInto last = r.recvfrom_into(seg, 0, 0);
            assertEquals(3, last.nbytes());
            assertEquals("dg0", new String(a, 0, 3));
            assertEquals("dg1", new String(heap.array(), 0, 3));
            assertEquals('2', direct.get(2));
            assertEquals('3', seg.get(ValueLayout.JAVA_BYTE, 2));
            assertEquals(w.getsockname(), last.address());
            assertEquals("(3, " + w.getsockname() + ")", last.toString());
        }
    }

    @Test
    void emptyDatagram() throws Exception {
        try (var r = datagram(Fam.INET, dir); var w = datagram(Fam.INET, dir)) {
            r.settimeout(10.0);
            assertEquals(0, w.sendto(new byte[0], r.getsockname()));
            RecvFrom got = r.recvfrom(10);
            assertEquals(0, got.data().length);
            assertEquals("(b'', " + w.getsockname() + ")", got.toString());
        }
    }

    @Test
    void datagramPeekAndDontwait() throws Exception {
        try (var r = datagram(Fam.INET, dir); var w = datagram(Fam.INET, dir)) {
            w.sendto("xyz".getBytes(), r.getsockname());
            assertArrayEquals("xyz".getBytes(), r.recv(10, MSG_PEEK));
            assertArrayEquals("xyz".getBytes(), r.recv(10, MSG_DONTWAIT));
            assertOSError(BlockingIOError.class, 11, "[Errno 11] Resource temporarily unavailable",
                    () -> r.recv(10, MSG_DONTWAIT));
        }
    }

    @Test
    void connectedDatagram() throws Exception {
        try (var r = datagram(Fam.INET, dir); var w = datagram(Fam.INET, dir)) {
            r.settimeout(10.0);
            w.connect(r.getsockname());
            assertEquals(4, w.send("conn".getBytes()));
            assertArrayEquals("conn".getBytes(), r.recv(10));
            assertEquals(r.getsockname(), w.getpeername());
            assertTrue(w.toString().endsWith(", raddr=" + r.getsockname() + ">"), w.toString());
        }
    }

    @Test
    void sendOnUnconnectedDatagramNeedsAddress() throws Exception {
        try (var d = socket(AF_INET, SOCK_DGRAM)) {
            assertOSError(OSError.class, 89, "[Errno 89] Destination address required", () -> d.send("x".getBytes()));
        }
    }

    @Test
    void recvfromZeroOnDatagramStillWaits() throws Exception {
        // unlike recv(0), recvfrom(0) makes the syscall: EAGAIN on an empty non-blocking socket
        try (var r = datagram(Fam.INET, dir)) {
            r.setblocking(false);
            assertOSError(BlockingIOError.class, 11, "[Errno 11] Resource temporarily unavailable", () -> r.recvfrom(0));
            assertArrayEquals(new byte[0], r.recv(0));
        }
    }

    @Test
    void unixDatagramFromUnboundSenderHasNoAddress() throws Exception {
        try (var r = datagram(Fam.UNIX, dir); var w = socket(AF_UNIX, SOCK_DGRAM)) {
            r.settimeout(10.0);
            w.sendto("anon".getBytes(), r.getsockname());
            RecvFrom got = r.recvfrom(10);
            assertNull(got.address());
            assertEquals("(b'anon', None)", got.toString());
            w.sendto("anon".getBytes(), r.getsockname());
            assertEquals("(4, None)", r.recvfrom_into(new byte[8]).toString());
        }
    }

    @Test
    void unixDatagramSenderPathIsStr() throws Exception {
        try (var r = datagram(Fam.UNIX, dir); var w = datagram(Fam.UNIX, dir)) {
            r.settimeout(10.0);
            UnixAddr rpath = (UnixAddr) r.getsockname();
            w.sendto("hi".getBytes(), new UnixAddr(rpath.path())); // a bytes path works too
            RecvFrom got = r.recvfrom(10);
            assertEquals(w.getsockname(), got.address());
            assertEquals("(b'hi', " + Py.repr(((UnixAddr) w.getsockname()).str()) + ")", got.toString());
        }
    }

    @Test
    void unixSendtoMissingPath() throws Exception {
        try (var w = socket(AF_UNIX, SOCK_DGRAM)) {
            assertOSError(FileNotFoundError.class, 2, "[Errno 2] No such file or directory",
                    () -> w.sendto("x".getBytes(), new UnixAddr(dir.resolve("none").toString())));
        }
    }

    @Test
    void socketpairDatagramTruncates() throws Exception {
        SocketPair p = socketpair(AF_UNIX, SOCK_DGRAM);
        try (var a = p.a(); var b = p.b()) {
            b.settimeout(10.0);
            a.send("0123456789".getBytes());
            assertArrayEquals("0123".getBytes(), b.recv(4));
            a.send("x".getBytes());
            assertEquals("(b'x', None)", b.recvfrom(10).toString());
        }
    }

    @Test
    void seqpacketKeepsRecordBoundaries() throws Exception {
        SocketPair p = socketpair(AF_UNIX, SOCK_SEQPACKET);
        try (var a = p.a(); var b = p.b()) {
            b.settimeout(10.0);
            a.send("rec1".getBytes());
            a.send("record2".getBytes());
            assertArrayEquals("rec1".getBytes(), b.recv(100));
            assertArrayEquals("rec".getBytes(), b.recv(3));
            b.setblocking(false);
            assertOSError(BlockingIOError.class, 11, "[Errno 11] Resource temporarily unavailable", () -> b.recv(10));
            a.close();
            assertArrayEquals(new byte[0], b.recv(10));
        }
    }

    @Test
    void seqpacketOverListener() throws Exception {
        try (var l = socket(AF_UNIX, SOCK_SEQPACKET); var c2 = socket(AF_UNIX, SOCK_SEQPACKET)) {
            l.bind(new UnixAddr(dir.resolve("seq").toString()));
            l.listen();
            c2.connect(l.getsockname());
            try (var s2 = l.accept().conn()) {
                s2.settimeout(10.0);
                assertEquals(SOCK_SEQPACKET, s2.type().value());
                c2.sendall("one".getBytes());
                c2.sendall("two".getBytes());
                assertArrayEquals("one".getBytes(), s2.recv(10));
                assertArrayEquals("two".getBytes(), s2.recv(10));
            }
        }
    }
}
