// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.socket.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** create_connection, create_server, has_dualstack_ipv6 over loopback, against CPython 3.11's results. */
@Timeout(30)
class ConnectionsTest {
    private static int port(SocketType s) throws OSError {
        return switch (s.getsockname()) {
            case InetAddr a -> a.port();
            case Inet6Addr a -> a.port();
            default -> throw new AssertionError();
        };
    }

    /** A loopback port with nothing listening (bound, then closed). */
    private static int deadPort() throws OSError {
        try (SocketType s = socket()) {
            s.bind(new InetAddr("127.0.0.1", 0));
            return port(s);
        }
    }

    @Test
    void createServerListensWithReuseAddr() throws Exception {
        try (SocketType srv = create_server(new InetAddr("127.0.0.1", 0))) {
            assertEquals(AF_INET, srv.family().value());
            assertEquals(SOCK_STREAM, srv.type().value());
            assertEquals(1, srv.getsockopt(SOL_SOCKET, SO_REUSEADDR));
            assertEquals(1, srv.getsockopt(SOL_SOCKET, SO_ACCEPTCONN));
            assertNull(srv.gettimeout());
        }
    }

    @Test
    void createServerBindErrorNamesTheAddress() throws Exception {
        try (SocketType srv = create_server(new InetAddr("127.0.0.1", 0))) {
            int p = port(srv);
            OSError e = assertThrows(OSError.class, () -> create_server(new InetAddr("127.0.0.1", p)));
            assertEquals(OSError.class, e.getClass());
            assertEquals(98, e.errno());
            assertEquals("Address already in use (while attempting to bind on address ('127.0.0.1', " + p + "))",
                    e.strerror());
            assertEquals("[Errno 98] " + e.strerror(), e.getMessage());
        }
        OSError unassigned = assertThrows(OSError.class, () -> create_server(new InetAddr("1.2.3.4", 0)));
        assertEquals(
                "OSError(99, \"Cannot assign requested address (while attempting to bind on address ('1.2.3.4', 0))\")",
                unassigned.repr());
    }

    @Test
    void createServerBindErrorKeepsTheErrnoSubclass() {
        OSError e = assertThrows(OSError.class,
                () -> create_server(new UnixAddr("/nonexistent/dir/sock"), AF_UNIX));
        assertEquals(FileNotFoundError.class, e.getClass());
        assertEquals(2, e.errno());
        assertEquals("No such file or directory (while attempting to bind on address '/nonexistent/dir/sock')",
                e.strerror());
    }

    @Test
    void createServerResolverErrorBecomesPlainOSError() {
        // a gaierror from bind's getaddrinfo is re-raised as OSError(-9, ...), not as gaierror
        OSError e = assertThrows(OSError.class, () -> create_server(new InetAddr("127.0.0.1", 0), AF_INET6));
        assertEquals(OSError.class, e.getClass());
        assertEquals("OSError(-9, \"Address family for hostname not supported (while attempting to bind on "
                + "address ('127.0.0.1', 0))\")", e.repr());
        assertEquals("host name must not contain null character", assertThrows(TypeError.class,
                () -> create_server(new InetAddr("a\0b", 0))).getMessage());
    }

    @Test
    void createServerAddressErrorsPropagateUnchanged() {
        assertEquals("AF_INET address must be a pair (host, port)", assertThrows(TypeError.class,
                () -> create_server(new Inet6Addr("127.0.0.1", 0, 0, 0))).getMessage());
        assertEquals("bind(): port must be 0-65535.", assertThrows(OverflowError.class,
                () -> create_server(new InetAddr("127.0.0.1", 70000))).getMessage());
        assertEquals("bind(): AF_INET address must be tuple, not NoneType", assertThrows(TypeError.class,
                () -> create_server(null)).getMessage());
        assertEquals("a bytes-like object is required, not 'tuple'", assertThrows(TypeError.class,
                () -> create_server(new InetAddr("127.0.0.1", 0), AF_UNIX)).getMessage());
    }

    @Test
    void createServerIpv6OnlyUnlessDualstack() throws Exception {
        try (SocketType v6 = create_server(new InetAddr("::1", 0), AF_INET6)) {
            assertEquals(1, v6.getsockopt(IPPROTO_IPV6, IPV6_V6ONLY));
            assertEquals("::1", ((Inet6Addr) v6.getsockname()).host());
        }
        try (SocketType dual = create_server(new InetAddr("", 0), AF_INET6, null, false, true)) {
            assertEquals(0, dual.getsockopt(IPPROTO_IPV6, IPV6_V6ONLY));
            // an IPv4 client reaches the dual-stack server
            try (SocketType c = create_connection(new InetAddr("127.0.0.1", port(dual)), 5.0);
                 SocketType conn = dual.accept().conn()) {
                assertEquals(new Inet6Addr("::ffff:127.0.0.1", port(c), 0, 0), conn.getpeername());
            }
        }
        assertEquals("dualstack_ipv6 requires AF_INET6 family", assertThrows(ValueError.class,
                () -> create_server(new InetAddr("", 0), AF_INET, null, false, true)).getMessage());
        assertTrue(has_dualstack_ipv6());
    }

    @Test
    void createServerReusePortAndBacklog() throws Exception {
        try (SocketType srv = create_server(new InetAddr("127.0.0.1", 0), AF_INET, -5, true, false)) {
            assertEquals(1, srv.getsockopt(SOL_SOCKET, SO_REUSEPORT));
            assertEquals(1, srv.getsockopt(SOL_SOCKET, SO_ACCEPTCONN));
        }
    }

    @Test
    void createConnectionTimeouts() throws Exception {
        try (SocketType srv = create_server(new InetAddr("127.0.0.1", 0))) {
            InetAddr addr = new InetAddr("127.0.0.1", port(srv));
            try (SocketType c = create_connection(addr)) {
                assertNull(c.gettimeout());
                assertEquals(AF_INET, c.family().value());
                assertEquals(IPPROTO_TCP, c.proto());
                Accepted accepted = srv.accept();
                try (SocketType conn = accepted.conn()) {
                    assertEquals(c.getsockname(), accepted.address());
                }
            }
            try (SocketType c = create_connection(addr, 3.0)) {
                assertEquals(3.0, c.gettimeout());
                assertFalse(c.getblocking() && c.gettimeout() == null);
            }
            try (SocketType c = create_connection(addr, null)) {
                assertNull(c.gettimeout());
                assertTrue(c.getblocking());
            }
            setdefaulttimeout(2.5);
            try (SocketType c = create_connection(addr)) {
                assertEquals(2.5, c.gettimeout());
            } finally {
                setdefaulttimeout(null);
            }
            assertEquals("Timeout value out of range",
                    assertThrows(ValueError.class, () -> create_connection(addr, -1.0)).getMessage());
        }
    }

    @Test
    void createConnectionByNameWithSourceAddress() throws Exception {
        try (SocketType srv = create_server(new InetAddr("127.0.0.1", 0))) {
            try (SocketType c = create_connection(new InetAddr("localhost", port(srv)), 5.0,
                    new InetAddr("127.0.0.1", 0))) {
                assertEquals("127.0.0.1", ((InetAddr) c.getsockname()).host());
                assertEquals(new InetAddr("127.0.0.1", port(srv)), c.getpeername());
            }
            try (SocketType c = create_connection(new InetAddr("127.0.0.1", port(srv)), 5.0, new InetAddr("", 0))) {
                assertEquals("127.0.0.1", ((InetAddr) c.getsockname()).host());
            }
        }
    }

    @Test
    void createConnectionSourceAddressErrors() throws Exception {
        try (SocketType srv = create_server(new InetAddr("127.0.0.1", 0))) {
            InetAddr addr = new InetAddr("127.0.0.1", port(srv));
            OSError inUse = assertThrows(OSError.class, () -> create_connection(addr, 5.0, addr));
            assertEquals("OSError(98, 'Address already in use')", inUse.repr());
            OSError family = assertThrows(OSError.class, () -> create_connection(addr, 5.0, new InetAddr("::1", 0)));
            assertEquals("gaierror(-9, 'Address family for hostname not supported')", family.repr());
        }
    }

    @Test
    void createConnectionRefused() throws Exception {
        int dead = deadPort();
        OSError e = assertThrows(OSError.class, () -> create_connection(new InetAddr("127.0.0.1", dead)));
        assertEquals("ConnectionRefusedError(111, 'Connection refused')", e.repr());
        OSError v6 = assertThrows(OSError.class, () -> create_connection(new InetAddr("::1", dead), 5.0));
        assertEquals(ConnectionRefusedError.class, v6.getClass());
    }

    @Test
    void createConnectionAllErrors() throws Exception {
        int dead = deadPort();
        ExceptionGroup g = assertThrows(ExceptionGroup.class,
                () -> create_connection(new InetAddr("127.0.0.1", dead), 5.0, null, true));
        assertEquals("create_connection failed (1 sub-exception)", g.getMessage());
        assertEquals(1, g.exceptions().size());
        assertEquals("ConnectionRefusedError(111, 'Connection refused')", ((OSError) g.exceptions().get(0)).repr());
    }

    @Test
    void createConnectionUnpacksLikePython() {
        assertEquals("too many values to unpack (expected 2)", assertThrows(ValueError.class,
                () -> create_connection(new Inet6Addr("127.0.0.1", 80, 0, 0))).getMessage());
        assertEquals("too many values to unpack (expected 2)", assertThrows(ValueError.class,
                () -> create_connection(new UnixAddr("abc"))).getMessage());
        assertEquals("not enough values to unpack (expected 2, got 1)", assertThrows(ValueError.class,
                () -> create_connection(new UnixAddr("a"))).getMessage());
        assertEquals("not enough values to unpack (expected 2, got 0)", assertThrows(ValueError.class,
                () -> create_connection(new UnixAddr(""))).getMessage());
        assertEquals("cannot unpack non-iterable NoneType object", assertThrows(TypeError.class,
                () -> create_connection(null)).getMessage());
        assertEquals("getaddrinfo() argument 1 must be string or None", assertThrows(TypeError.class,
                () -> create_connection(new UnixAddr("ab".getBytes()))).getMessage());
        assertEquals("getaddrinfo() argument 1 must be string or None", assertThrows(TypeError.class,
                () -> create_connection(new RawAddr(2, "ab".getBytes()))).getMessage());
    }

    @Test
    void createConnectionResolverErrors() {
        OSError port = assertThrows(OSError.class, () -> create_connection(new InetAddr("127.0.0.1", -1)));
        assertEquals("gaierror(-8, 'Servname not supported for ai_socktype')", port.repr());
        OSError host = assertThrows(OSError.class, () -> create_connection(new InetAddr("", 80)));
        assertEquals("gaierror(-2, 'Name or service not known')", host.repr());
        // 'ab' unpacks into host 'a' and port 'b'
        OSError str = assertThrows(OSError.class, () -> create_connection(new UnixAddr("ab")));
        assertEquals("gaierror(-8, 'Servname not supported for ai_socktype')", str.repr());
    }

    @Test
    void createServerUnixAndConnectBack(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path path = dir.resolve("s");
        try (SocketType srv = create_server(new UnixAddr(path.toString()), AF_UNIX)) {
            assertTrue(Files.exists(path));
            assertEquals(AF_UNIX, srv.family().value());
            try (SocketType c = socket(AF_UNIX)) {
                c.settimeout(5.0);
                c.connect(new UnixAddr(path.toString()));
                c.sendall("hi".getBytes());
                try (SocketType conn = srv.accept().conn()) {
                    conn.settimeout(5.0);
                    assertEquals("hi", new String(conn.recv(10)));
                }
            }
        }
    }
}
