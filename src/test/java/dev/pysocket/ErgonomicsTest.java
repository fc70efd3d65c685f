// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.CoreTestSupport.*;
import static dev.pysocket.socket.*;
import static org.junit.jupiter.api.Assertions.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Java-side ergonomics of issue 10, item 6, over real sockets; each expectation is what
 * CPython 3.11 gives for the Python line quoted next to it.
 */
@Timeout(30)
class ErgonomicsTest {
    /** {@code a.sendmsg([b'ab', bytearray(b'cd'), memoryview(b'ef')])} → 6; recvmsg_into over two buffers → 6. */
    @Test
    void sendmsgAndRecvmsgIntoTakeEveryBufferKind() throws Exception {
        SocketPair p = socketpair(AF_UNIX, SOCK_DGRAM);
        try (SocketType a = p.a(); SocketType b = p.b(); Arena arena = Arena.ofConfined()) {
            MemorySegment native3 = arena.allocate(3);
            assertEquals(6, a.sendmsg(List.of("ab".getBytes(), ByteBuffer.wrap("xcdx".getBytes(), 1, 2),
                    arena.allocateFrom("ef").asSlice(0, 2))));
            byte[] x = new byte[3];
            RecvMsgInto r = b.recvmsg_into(List.of(x, native3));
            assertEquals("(6, [], 0, None)", r.toString());
            assertEquals("abc", new String(x));
            assertEquals("def", new String(native3.toArray(ValueLayout.JAVA_BYTE)));
            // the ByteBuffer form fills from its position to its limit, and the position stays
            assertEquals(2, a.sendmsg(List.of(ByteBuffer.allocateDirect(2).put(0, (byte) 'g').put(1, (byte) 'h'))));
            ByteBuffer into = ByteBuffer.allocate(4).position(1);
            assertEquals(2, b.recvmsg_into(List.of(into)).nbytes());
            assertEquals(1, into.position());
            assertEquals('g', into.get(1));
            // a.sendmsg(['x']) → TypeError: a bytes-like object is required, not 'str'
            assertPyError(TypeError.class, "a bytes-like object is required, not 'str'", () -> a.sendmsg(List.of("x")));
            // b.recvmsg_into([b'ro']) → TypeError (bytes is read-only)
            assertPyError(TypeError.class,
                    "recvmsg_into() argument 1 must be an iterable of single-segment read-write buffers",
                    () -> b.recvmsg_into(List.of(ByteBuffer.allocate(2).asReadOnlyBuffer())));
        }
    }

    /** {@code b.recv_into(buf, 3)} → 3; {@code b.recvfrom_into(buf, 2)} → 2; one-argument forms. */
    @Test
    void twoArgumentIntoFormsAndOneArgumentRecvfromInto() throws Exception {
        SocketPair p = socketpair(AF_UNIX, SOCK_DGRAM);
        try (SocketType a = p.a(); SocketType b = p.b(); Arena arena = Arena.ofConfined()) {
            byte[] buf = new byte[10];
            a.send("hello".getBytes());
            assertEquals(3, b.recv_into(buf, 3));
            assertEquals("hel", new String(buf, 0, 3));
            a.send("world".getBytes());
            assertEquals(2, b.recvfrom_into(buf, 2).nbytes());
            assertEquals("wo", new String(buf, 0, 2));
            a.send("bb".getBytes());
            assertEquals(2, b.recvfrom_into(ByteBuffer.allocate(8)).nbytes());
            MemorySegment seg = arena.allocate(8);
            a.send("seg".getBytes());
            assertEquals(3, b.recvfrom_into(seg).nbytes());
            a.send("seg2".getBytes());
            assertEquals(4, b.recv_into(seg));
            a.send("seg34".getBytes());
            assertEquals(1, b.recv_into(seg, 1));
        }
    }

    /** {@code select.select([a], [], [], 5)} gives back the sockets themselves, typed: no cast. */
    @Test
    void selectKeepsTheElementType() throws Exception {
        SocketPair p = socketpair();
        try (SocketType a = p.a(); SocketType b = p.b()) {
            b.send("x".getBytes());
            select.Selected<SocketType> ready = select.select(List.of(a), List.of(), List.of(), 5.0);
            SocketType first = ready.rlist().get(0); // compiles without a cast
            assertSame(a, first);
            assertEquals("x", new String(first.recv(1)));
        }
    }

    /** {@code host, port = s.getsockname()} for either IP family, without a cast. */
    @Test
    void ipAddressesShareHostAndPort() throws Exception {
        try (SocketType s4 = socket(AF_INET, SOCK_STREAM); SocketType s6 = socket(AF_INET6, SOCK_STREAM)) {
            s4.bind(new InetAddr("127.0.0.1", 0));
            s6.bind(new Inet6Addr("::1", 0));
            for (SocketType s : List.of(s4, s6)) {
                if (s.getsockname() instanceof IpAddress a) {
                    assertTrue(a.port() > 0);
                    assertTrue(a.host().equals("127.0.0.1") || a.host().equals("::1"), a.host());
                } else {
                    fail("not an IP address: " + s.getsockname());
                }
            }
        }
    }
}
