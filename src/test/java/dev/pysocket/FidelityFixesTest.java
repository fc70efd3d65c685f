// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.socket.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 10's bugs: Py.repr overloads, hton* beyond C int, getsockaddrlen, records with arrays. */
@Timeout(30)
class FidelityFixesTest {
    @Test
    void reprOfIntegersAndCharsIsNotAFloat() {
        assertEquals("2", Py.repr(2));
        assertEquals("-7", Py.repr(-7L));
        assertEquals("3", Py.repr((short) 3));
        assertEquals("4", Py.repr((byte) 4));
        assertEquals("'a'", Py.repr('a'));
        assertEquals("2.0", Py.repr(2.0));
        assertEquals("0.5", Py.repr(0.5f));
        assertEquals("True", Py.repr(true));
        assertEquals("(1, 'x')", Py.tuple(1, "x"));
    }

    @Test
    void htonsBeyondCInt() {
        assertEquals("signed integer is greater than maximum",
                assertThrows(OverflowError.class, () -> htons(1L << 31)).getMessage());
        assertEquals("signed integer is less than minimum",
                assertThrows(OverflowError.class, () -> ntohs(Integer.MIN_VALUE - 1L)).getMessage());
        assertEquals("htons: Python int too large to convert to C 16-bit unsigned integer",
                assertThrows(OverflowError.class, () -> htons(Integer.MAX_VALUE)).getMessage());
    }

    @Test
    void badFamilyOverARealDescriptor() throws OSError {
        SocketPair p = socketpair();
        try (SocketType a = p.a(); SocketType b = p.b()) {
            SocketType c = socket(AF_X25, SOCK_STREAM, 0, a.fileno());
            try {
                assertEquals("getsockaddrlen: bad family",
                        assertThrows(OSError.class, c::getsockname).getMessage());
                assertThrows(OSError.class, () -> c.recvfrom(1));
                b.send(new byte[] {9});
                assertArrayEquals(new byte[] {9}, c.recv(1)); // recv has no address: it works
            } finally {
                c.detach();
            }
        }
    }

    @Test
    void receivedComparesItsBytes() throws OSError {
        try (SocketType s = socket(AF_INET, SOCK_DGRAM)) {
            s.bind(new InetAddr("127.0.0.1", 0));
            s.sendto(new byte[] {1, 2}, s.getsockname());
            s.sendto(new byte[] {1, 2}, s.getsockname());
            RecvFrom r1 = s.recvfrom(10);
            RecvFrom r2 = s.recvfrom(10);
            assertNotSame(r1.data(), r2.data());
            assertEquals(r1, r2);
            assertEquals(r1.hashCode(), r2.hashCode());
            assertNotEquals(r1, new RecvFrom(new byte[] {1, 3}, r1.address()));
        }
    }

    @Test
    void ergonomicOverloadsAndClosingTuples() throws OSError {
        SocketType a;
        SocketType b;
        try (SocketPair p = socketpair()) {
            a = p.a();
            b = p.b();
            a.settimeout(5); // an int, as in Python
            assertEquals(5.0, a.gettimeout());
            a.setsockopt(SOL_SOCKET, SO_KEEPALIVE, true);
            assertEquals(1, a.getsockopt(SOL_SOCKET, SO_KEEPALIVE));
            a.setsockopt(SOL_SOCKET, SO_KEEPALIVE, false);
            assertEquals(0, a.getsockopt(SOL_SOCKET, SO_KEEPALIVE));
        }
        assertEquals(-1, a.fileno());
        assertEquals(-1, b.fileno());
        try (SocketType server = socket(AF_INET, SOCK_STREAM)) {
            server.bind(new InetAddr("127.0.0.1", 0));
            server.listen();
            SocketType client = create_connection(server.getsockname());
            SocketType conn;
            try (client; Accepted acc = server.accept()) {
                conn = acc.conn();
                assertNotEquals(-1, conn.fileno());
            }
            assertEquals(-1, conn.fileno());
        }
    }
}
