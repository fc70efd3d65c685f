// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.CoreTestSupport.*;
import static dev.pysocket.socket.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.pysocket.CoreTestSupport.Fam;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** setsockopt/getsockopt: ints, bytes, NULL values, read-only options and errors. */
@Timeout(30)
class CoreOptionsTest {
    @TempDir
    Path dir;

    /** level, option, the default CPython reads on a fresh TCP socket, a value to set. */
    static Stream<Arguments> tcpIntOptions() {
        return Stream.of(
                Arguments.of("SO_REUSEADDR", SOL_SOCKET, SO_REUSEADDR, 0, 1),
                Arguments.of("SO_KEEPALIVE", SOL_SOCKET, SO_KEEPALIVE, 0, 1),
                Arguments.of("SO_REUSEPORT", SOL_SOCKET, SO_REUSEPORT, 0, 1),
                Arguments.of("TCP_NODELAY", IPPROTO_TCP, TCP_NODELAY, 0, 1),
                Arguments.of("TCP_KEEPIDLE", IPPROTO_TCP, TCP_KEEPIDLE, 7200, 7),
                Arguments.of("TCP_KEEPINTVL", IPPROTO_TCP, TCP_KEEPINTVL, 75, 7),
                Arguments.of("TCP_KEEPCNT", IPPROTO_TCP, TCP_KEEPCNT, 9, 7));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tcpIntOptions")
    void intRoundTrip(String name, int level, int opt, int dflt, int value) throws Exception {
        try (var s = socket()) {
            assertEquals(dflt, s.getsockopt(level, opt));
            s.setsockopt(level, opt, value);
            assertEquals(value, s.getsockopt(level, opt));
        }
    }

    @Test
    void ipv6V6only() throws Exception {
        try (var s = socket(AF_INET6)) {
            assertEquals(0, s.getsockopt(IPPROTO_IPV6, IPV6_V6ONLY));
            s.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 1);
            assertEquals(1, s.getsockopt(IPPROTO_IPV6, IPV6_V6ONLY));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SO_SNDBUF", "SO_RCVBUF"})
    void bufferSizesAreDoubled(String name) throws Exception {
        int opt = name.equals("SO_SNDBUF") ? SO_SNDBUF : SO_RCVBUF;
        try (var s = socket()) {
            s.setsockopt(SOL_SOCKET, opt, 8192);
            assertEquals(16384, s.getsockopt(SOL_SOCKET, opt));
        }
    }

    @Test
    void rcvbufHasAMinimum() throws Exception {
        try (var s = socket()) {
            s.setsockopt(SOL_SOCKET, SO_RCVBUF, 1);
            assertEquals(2304, s.getsockopt(SOL_SOCKET, SO_RCVBUF));
        }
    }

    @Test
    void lingerAsBytes() throws Exception {
        try (var s = socket()) {
            assertArrayEquals(new byte[8], s.getsockopt(SOL_SOCKET, SO_LINGER, 8));
            s.setsockopt(SOL_SOCKET, SO_LINGER, packInts(1, 5));
            assertArrayEquals(new byte[] {1, 0, 0, 0, 5, 0, 0, 0}, s.getsockopt(SOL_SOCKET, SO_LINGER, 8));
            assertEquals("b'\\x01\\x00\\x00\\x00\\x05\\x00\\x00\\x00'", Py.repr(s.getsockopt(SOL_SOCKET, SO_LINGER, 8)));
            assertEquals(1, s.getsockopt(SOL_SOCKET, SO_LINGER), "the int form reads l_onoff");
        }
    }

    @Test
    void rcvtimeoAsTimeval() throws Exception {
        try (var s = socket()) {
            ByteBuffer tv = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(2).putLong(500_000);
            s.setsockopt(SOL_SOCKET, SO_RCVTIMEO, tv.array());
            byte[] got = s.getsockopt(SOL_SOCKET, SO_RCVTIMEO, 16);
            assertEquals("b'\\x02\\x00\\x00\\x00\\x00\\x00\\x00\\x00 \\xa1\\x07\\x00\\x00\\x00\\x00\\x00'", Py.repr(got));
            assertArrayEquals(new byte[] {2, 0, 0, 0}, s.getsockopt(SOL_SOCKET, SO_RCVTIMEO, 4), "truncated to buflen");
        }
    }

    @Test
    void getsockoptBuflenReturnsBytes() throws Exception {
        try (var s = socket()) {
            assertArrayEquals(new byte[] {1, 0, 0, 0}, s.getsockopt(SOL_SOCKET, SO_TYPE, 1024), "as long as the kernel says");
            assertArrayEquals(new byte[] {1}, s.getsockopt(SOL_SOCKET, SO_TYPE, 1));
            assertArrayEquals(new byte[] {1, 0, 0, 0}, s.getsockopt(SOL_SOCKET, SO_TYPE, 4));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1025, Integer.MIN_VALUE})
    void getsockoptBuflenOutOfRange(int buflen) throws Exception {
        try (var s = socket()) {
            var e = assertOSError(OSError.class, null, "getsockopt buflen out of range",
                    () -> s.getsockopt(SOL_SOCKET, SO_TYPE, buflen));
            assertNull(e.strerror());
        }
    }

    @Test
    void setsockoptNoneWithOptlen() throws Exception {
        try (var s = socket()) {
            assertOSError(OSError.class, 14, "[Errno 14] Bad address", () -> s.setsockopt(SOL_SOCKET, SO_REUSEADDR, null, 4));
            assertOSError(OSError.class, 22, "[Errno 22] Invalid argument",
                    () -> s.setsockopt(SOL_SOCKET, SO_REUSEADDR, null, 0));
        }
    }

    @Test
    void setsockoptBytesTooShort() throws Exception {
        try (var s = socket()) {
            assertOSError(OSError.class, 22, "[Errno 22] Invalid argument",
                    () -> s.setsockopt(SOL_SOCKET, SO_REUSEADDR, new byte[] {1}));
        }
    }

    @Test
    void setsockoptBytesAsInt() throws Exception {
        try (var s = socket()) {
            s.setsockopt(SOL_SOCKET, SO_KEEPALIVE, packInts(1));
            assertEquals(1, s.getsockopt(SOL_SOCKET, SO_KEEPALIVE));
            s.setsockopt(SOL_SOCKET, SO_KEEPALIVE, packInts(0));
            assertEquals(0, s.getsockopt(SOL_SOCKET, SO_KEEPALIVE));
        }
    }

    @ParameterizedTest
    @EnumSource(Fam.class)
    void readOnlySocketOptions(Fam fam) throws Exception {
        try (var s = socket(fam.af(), SOCK_STREAM); var d = socket(fam.af(), SOCK_DGRAM)) {
            assertEquals(SOCK_STREAM, s.getsockopt(SOL_SOCKET, SO_TYPE));
            assertEquals(SOCK_DGRAM, d.getsockopt(SOL_SOCKET, SO_TYPE));
            assertEquals(fam.af(), s.getsockopt(SOL_SOCKET, SO_DOMAIN));
            assertEquals(fam == Fam.UNIX ? 0 : IPPROTO_TCP, s.getsockopt(SOL_SOCKET, SO_PROTOCOL));
            assertEquals(fam == Fam.UNIX ? 0 : IPPROTO_UDP, d.getsockopt(SOL_SOCKET, SO_PROTOCOL));
            assertEquals(0, s.getsockopt(SOL_SOCKET, SO_ACCEPTCONN));
            assertEquals(0, s.getsockopt(SOL_SOCKET, SO_ERROR));
        }
    }

    @Test
    void acceptconnOnListener() throws Exception {
        try (var l = listener(Fam.INET, dir)) {
            assertEquals(1, l.getsockopt(SOL_SOCKET, SO_ACCEPTCONN));
        }
    }

    @Test
    void soErrorAfterRefusedNonBlockingConnect() throws Exception {
        int p = closedPort();
        try (var s = socket()) {
            s.setblocking(false);
            int rc = s.connect_ex(new InetAddr("127.0.0.1", p));
            if (rc == 115) {
                long deadline = System.nanoTime() + 5_000_000_000L;
                int err = 0;
                while (err == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                    err = s.getsockopt(SOL_SOCKET, SO_ERROR);
                }
                assertEquals(111, err);
                assertEquals(0, s.getsockopt(SOL_SOCKET, SO_ERROR), "reading SO_ERROR clears it");
            } else {
                assertEquals(111, rc);
            }
        }
    }

    @Test
    void unknownOption() throws Exception {
        try (var s = socket()) {
            assertOSError(OSError.class, 92, "[Errno 92] Protocol not available", () -> s.getsockopt(SOL_SOCKET, 9999));
            assertOSError(OSError.class, 92, "[Errno 92] Protocol not available", () -> s.setsockopt(SOL_SOCKET, 9999, 1));
            assertOSError(OSError.class, 92, "[Errno 92] Protocol not available",
                    () -> s.getsockopt(SOL_SOCKET, 9999, 8));
        }
    }

    @Test
    void unknownLevel() throws Exception {
        try (var s = socket()) {
            assertOSError(OSError.class, 95, "[Errno 95] Operation not supported", () -> s.getsockopt(12345, 1));
        }
    }

    @Test
    void tcpOptionOnOtherSockets() throws Exception {
        try (var u = socket(AF_UNIX, SOCK_DGRAM); var d = socket(AF_INET, SOCK_DGRAM)) {
            assertOSError(OSError.class, 95, "[Errno 95] Operation not supported",
                    () -> u.getsockopt(IPPROTO_TCP, TCP_NODELAY));
            assertOSError(OSError.class, 95, "[Errno 95] Operation not supported",
                    () -> d.getsockopt(IPPROTO_TCP, TCP_NODELAY));
        }
    }

    @Test
    void reuseaddrAllowsQuickRebind() throws Exception {
        int p;
        SocketType[] cs;
        try (var l = socket()) {
            l.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
            l.bind(new InetAddr("127.0.0.1", 0));
            l.listen();
            p = port(l);
            var c = socket();
            c.connect(l.getsockname());
            var s = l.accept().conn();
            cs = new SocketType[] {c, s};
        }
        closeAll(cs[1], cs[0]); // the server side closes first: its port enters TIME_WAIT
        try (var again = socket()) {
            again.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
            again.bind(new InetAddr("127.0.0.1", p));
            assertEquals(p, port(again));
        }
    }

    @Test
    void optionsSurviveDup() throws Exception {
        try (var s = socket()) {
            s.setsockopt(IPPROTO_TCP, TCP_NODELAY, 1);
            try (var d = s.dup()) {
                assertEquals(1, d.getsockopt(IPPROTO_TCP, TCP_NODELAY));
            }
        }
    }

    static byte[] packInts(int... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }
}
