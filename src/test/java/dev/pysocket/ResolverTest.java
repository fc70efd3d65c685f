// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.socket.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * getaddrinfo, getnameinfo, gethostbyname*, gethostbyaddr, gethostname: every expected value
 * and message below is what CPython 3.11 printed for the same call on this machine (only
 * 'localhost' and numeric hosts, so no DNS is involved).
 */
@Timeout(30)
class ResolverTest {
    private static final int NUMERIC = NI_NUMERICHOST | NI_NUMERICSERV;

    private static void assertGai(int errno, String strerror, OSError e) {
        assertEquals(socket.gaierror.class, e.getClass());
        assertEquals(errno, e.errno());
        assertEquals(strerror, e.strerror());
        assertEquals("[Errno " + errno + "] " + strerror, e.getMessage());
    }

    @Test
    void getaddrinfoNumericStream() throws Exception {
        assertEquals("[(<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, '', ('127.0.0.1', 80))]",
                getaddrinfo("127.0.0.1", 80, AF_INET, SOCK_STREAM).toString());
    }

    @Test
    void getaddrinfoAllTypes() throws Exception {
        assertEquals("[(<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, '', ('127.0.0.1', 80)), "
                + "(<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_DGRAM: 2>, 17, '', ('127.0.0.1', 80)), "
                + "(<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_RAW: 3>, 0, '', ('127.0.0.1', 80))]",
                getaddrinfo("127.0.0.1", 80).toString());
    }

    @Test
    void getaddrinfoIpv6() throws Exception {
        List<AddrInfo> r = getaddrinfo("::1", 80, 0, SOCK_STREAM);
        assertEquals(1, r.size());
        assertEquals(new Inet6Addr("::1", 80, 0, 0), r.get(0).sockaddr());
        assertEquals(AF_INET6, r.get(0).family().value());
        assertEquals("[(<AddressFamily.AF_INET6: 10>, <SocketKind.SOCK_STREAM: 1>, 6, '', ('::1', 80, 0, 0))]",
                r.toString());
    }

    @Test
    void getaddrinfoScopeIdFromInterfaceName() throws Exception {
        List<AddrInfo> r = getaddrinfo("fe80::1%lo", 80, 0, SOCK_STREAM);
        assertEquals(new Inet6Addr("fe80::1", 80, 0, if_nametoindex("lo")), r.get(0).sockaddr());
    }

    @Test
    void getaddrinfoCanonnameAndNoPort() throws Exception {
        assertEquals("[(<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, 'localhost', ('127.0.0.1', 0))]",
                getaddrinfo("localhost", null, 0, SOCK_STREAM, 0, AI_CANONNAME).toString());
    }

    @Test
    void getaddrinfoPassiveWildcard() throws Exception {
        assertEquals("[(<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, '', ('0.0.0.0', 0))]",
                getaddrinfo(null, 0, AF_INET, SOCK_STREAM, 0, AI_PASSIVE).toString());
    }

    @Test
    void getaddrinfoNothingToResolve() {
        assertGai(-2, "Name or service not known", assertThrows(OSError.class, () -> getaddrinfo(null, null)));
        assertGai(-2, "Name or service not known", assertThrows(OSError.class, () -> getaddrinfo("", 80)));
    }

    @Test
    void getaddrinfoIntPortIsFormattedNotChecked() throws Exception {
        assertGai(-8, "Servname not supported for ai_socktype",
                assertThrows(OSError.class, () -> getaddrinfo("127.0.0.1", -1)));
        // "65536" and 2**40 wrap to port 0 in glibc, as CPython shows
        assertEquals(new InetAddr("127.0.0.1", 0), getaddrinfo("127.0.0.1", 65536).get(0).sockaddr());
        assertEquals(new InetAddr("127.0.0.1", 0), getaddrinfo("127.0.0.1", 1L << 40).get(0).sockaddr());
        OverflowError big = assertThrows(OverflowError.class,
                () -> getaddrinfo("127.0.0.1", java.math.BigInteger.TWO.pow(70)));
        assertEquals("Python int too large to convert to C long", big.getMessage());
    }

    @Test
    void getaddrinfoPortTypes() throws Exception {
        assertEquals(new InetAddr("127.0.0.1", 80),
                getaddrinfo("127.0.0.1", "http", AF_INET, SOCK_STREAM).get(0).sockaddr());
        assertEquals(new InetAddr("127.0.0.1", 80),
                getaddrinfo("127.0.0.1", "80".getBytes(), AF_INET, SOCK_STREAM).get(0).sockaddr());
        // C reads the str up to its NUL
        assertEquals(new InetAddr("127.0.0.1", 8), getaddrinfo("127.0.0.1", "8\u00000").get(0).sockaddr());
        for (Object bad : new Object[] {1.5, true}) {
            OSError e = assertThrows(OSError.class, () -> getaddrinfo("127.0.0.1", bad));
            assertEquals(OSError.class, e.getClass());
            assertEquals("Int or String expected", e.getMessage());
            assertNull(e.errno());
        }
        assertGai(-8, "Servname not supported for ai_socktype",
                assertThrows(OSError.class, () -> getaddrinfo("127.0.0.1", "nosuchservice")));
        assertGai(-2, "Name or service not known", assertThrows(OSError.class,
                () -> getaddrinfo("127.0.0.1", "http", 0, SOCK_STREAM, 0, AI_NUMERICSERV)));
    }

    @Test
    void getaddrinfoHostUpToNul() throws Exception {
        assertEquals(new InetAddr("127.0.0.1", 80),
                getaddrinfo("127.0.0.1\u0000junk", 80, AF_INET, SOCK_STREAM).get(0).sockaddr());
    }

    @Test
    void getaddrinfoIdnaLabels() {
        ValueError empty = assertThrows(ValueError.class, () -> getaddrinfo("a..b", 80));
        assertEquals("encoding with 'idna' codec failed (UnicodeError: label empty or too long)", empty.getMessage());
        ValueError longFirst = assertThrows(ValueError.class, () -> getaddrinfo("x".repeat(64) + ".com", 80));
        assertEquals("encoding with 'idna' codec failed (UnicodeError: label empty or too long)",
                longFirst.getMessage());
        ValueError longLast = assertThrows(ValueError.class, () -> getaddrinfo("x".repeat(64), 80));
        assertEquals("encoding with 'idna' codec failed (UnicodeError: label too long)", longLast.getMessage());
    }

    @Test
    void idnaEncodesNonAscii() {
        assertEquals("xn--bcher-kva.example", new String(Resolver.idna("bücher.example")));
        assertEquals("xn--bcher-kva.example.", new String(Resolver.idna("bücher\u3002example.")));
    }

    @Test
    void getaddrinfoBadHints() {
        assertGai(-6, "ai_family not supported", assertThrows(OSError.class, () -> getaddrinfo("127.0.0.1", 80, 12345)));
        assertGai(-6, "ai_family not supported", assertThrows(OSError.class, () -> getaddrinfo("127.0.0.1", 80, AF_UNIX)));
        assertGai(-7, "ai_socktype not supported",
                assertThrows(OSError.class, () -> getaddrinfo("127.0.0.1", 80, 0, 12345)));
        assertGai(-1, "Bad value for ai_flags",
                assertThrows(OSError.class, () -> getaddrinfo("127.0.0.1", 80, 0, 0, 0, 0xffff)));
        assertGai(-9, "Address family for hostname not supported",
                assertThrows(OSError.class, () -> getaddrinfo("127.0.0.1", 80, AF_INET6, 0, 0, AI_NUMERICHOST)));
        assertGai(-2, "Name or service not known",
                assertThrows(OSError.class, () -> getaddrinfo("localhost", 80, 0, 0, 0, AI_NUMERICHOST)));
    }

    @Test
    void getnameinfoNumericAndNamed() throws Exception {
        assertEquals(new NameInfo("127.0.0.1", "80"), getnameinfo(new InetAddr("127.0.0.1", 80), NUMERIC));
        assertEquals("('localhost', 'http')", getnameinfo(new InetAddr("127.0.0.1", 80), 0).toString());
        assertEquals(new NameInfo("127.0.0.1", "ssh"), getnameinfo(new InetAddr("127.0.0.1", 22), NI_NUMERICHOST));
        assertEquals(new NameInfo("127.0.0.1", "domain"),
                getnameinfo(new InetAddr("127.0.0.1", 53), NI_NUMERICHOST | NI_DGRAM));
        // the port is formatted with %d and read by getaddrinfo(3): 70000 wraps to 4464
        assertEquals(new NameInfo("127.0.0.1", "4464"), getnameinfo(new InetAddr("127.0.0.1", 70000), NUMERIC));
    }

    @Test
    void getnameinfoIpv6FlowinfoAndScope() throws Exception {
        assertEquals(new NameInfo("::1", "80"), getnameinfo(new InetAddr("::1", 80), NUMERIC));
        assertEquals(new NameInfo("::1", "80"), getnameinfo(new Inet6Addr("::1", 80, 0xfffff, 0), NUMERIC));
        assertEquals(new NameInfo("fe80::1%lo", "80"), getnameinfo(new Inet6Addr("fe80::1", 80, 0, 1), NUMERIC));
        assertEquals(new NameInfo("::1%99", "http"), getnameinfo(new Inet6Addr("::1", 80, 0, 99), NI_NUMERICHOST));
        // scope_id is a C unsigned int: -1 wraps to 4294967295, 2**32 to 0
        assertEquals(new NameInfo("::1%4294967295", "http"),
                getnameinfo(new Inet6Addr("::1", 80, 0, -1), NI_NUMERICHOST));
        assertEquals(new NameInfo("::1", "http"), getnameinfo(new Inet6Addr("::1", 80, 0, 1L << 32), NI_NUMERICHOST));
        for (long flowinfo : new long[] {0x100000, -1}) {
            OverflowError e = assertThrows(OverflowError.class,
                    () -> getnameinfo(new Inet6Addr("::1", 80, flowinfo, 0), 0));
            assertEquals("getnameinfo(): flowinfo must be 0-1048575.", e.getMessage());
        }
    }

    @Test
    void getnameinfoShapeErrors() {
        OSError v4 = assertThrows(OSError.class, () -> getnameinfo(new Inet6Addr("127.0.0.1", 80, 0, 0), 0));
        assertEquals(OSError.class, v4.getClass());
        assertEquals("IPv4 sockaddr must be 2 tuple", v4.getMessage());
        assertEquals("getnameinfo() argument 1 must be a tuple",
                assertThrows(TypeError.class, () -> getnameinfo(new UnixAddr("/tmp/x"), 0)).getMessage());
        assertEquals("getnameinfo() argument 1 must be a tuple",
                assertThrows(TypeError.class, () -> getnameinfo(null, 0)).getMessage());
        assertEquals("getnameinfo(): illegal sockaddr argument",
                assertThrows(TypeError.class, () -> getnameinfo(new RawAddr(2, new byte[] {'x'}), 0)).getMessage());
        assertEquals("getnameinfo(): illegal sockaddr argument",
                assertThrows(TypeError.class, () -> getnameinfo(new InetAddr(null, 80), 0)).getMessage());
        assertEquals("embedded null character",
                assertThrows(ValueError.class, () -> getnameinfo(new InetAddr("127.0.0.1\0", 80), 0)).getMessage());
    }

    @Test
    void getnameinfoResolverErrors() {
        assertGai(-2, "Name or service not known",
                assertThrows(OSError.class, () -> getnameinfo(new InetAddr("localhost", 80), 0)));
        assertGai(-2, "Name or service not known", assertThrows(OSError.class, () -> getnameinfo(new InetAddr("", 80), 0)));
        assertGai(-8, "Servname not supported for ai_socktype",
                assertThrows(OSError.class, () -> getnameinfo(new InetAddr("127.0.0.1", -1), NUMERIC)));
        assertGai(-1, "Bad value for ai_flags",
                assertThrows(OSError.class, () -> getnameinfo(new InetAddr("127.0.0.1", 80), 0xff00)));
    }

    @Test
    void gethostbyname() throws Exception {
        assertEquals("127.0.0.1", socket.gethostbyname("localhost"));
        assertEquals("127.0.0.1", socket.gethostbyname("127.1"));
        assertEquals("0.0.0.0", socket.gethostbyname(""));
        assertEquals("255.255.255.255", socket.gethostbyname("<broadcast>"));
        assertGai(-9, "Address family for hostname not supported",
                assertThrows(OSError.class, () -> socket.gethostbyname("::1")));
        assertEquals("gethostbyname() argument 1 must be encoded string without null bytes, not str",
                assertThrows(TypeError.class, () -> socket.gethostbyname("127.0.0.1\0")).getMessage());
        assertEquals("gethostbyname() argument 1 must be str, bytes or bytearray, not None",
                assertThrows(TypeError.class, () -> socket.gethostbyname(null)).getMessage());
        assertEquals("encoding with 'idna' codec failed (UnicodeError: label empty or too long)",
                assertThrows(ValueError.class, () -> socket.gethostbyname("a..b")).getMessage());
    }

    @Test
    void gethostbynameEx() throws Exception {
        assertEquals("('localhost', [], ['127.0.0.1'])", gethostbyname_ex("localhost").toString());
        assertEquals(new HostEntry("127.0.0.1", List.of(), List.of("127.0.0.1")), gethostbyname_ex("127.0.0.1"));
        assertGai(-9, "Address family for hostname not supported",
                assertThrows(OSError.class, () -> gethostbyname_ex("::1")));
        assertEquals("gethostbyname_ex() argument 1 must be encoded string without null bytes, not str",
                assertThrows(TypeError.class, () -> gethostbyname_ex("a\0")).getMessage());
    }

    @Test
    void gethostbynameExHerror() {
        // setipaddr accepts '' (the wildcard); gethostbyname_r(3) does not. ('<broadcast>' is
        // not tested: there CPython reports a stale thread-local h_errno; see docs.)
        OSError e = assertThrows(OSError.class, () -> gethostbyname_ex(""));
        assertEquals(socket.herror.class, e.getClass());
        assertEquals(3, e.errno());
        assertEquals("Unknown server error", e.strerror());
        assertEquals("[Errno 3] Unknown server error", e.getMessage());
    }

    @Test
    void gethostbyaddr() throws Exception {
        assertEquals("('localhost', [], ['127.0.0.1'])", socket.gethostbyaddr("127.0.0.1").toString());
        assertEquals(new HostEntry("localhost", List.of(), List.of("127.0.0.1")), socket.gethostbyaddr("localhost"));
        OSError unknown = assertThrows(OSError.class, () -> socket.gethostbyaddr("::1"));
        assertEquals(socket.herror.class, unknown.getClass());
        assertEquals("herror(1, 'Unknown host')", unknown.repr());
        OSError wildcard = assertThrows(OSError.class, () -> socket.gethostbyaddr(""));
        assertEquals(OSError.class, wildcard.getClass());
        assertEquals("wildcard resolved to multiple address", wildcard.getMessage());
        assertEquals("gethostbyaddr() argument 1 must be encoded string without null bytes, not str",
                assertThrows(TypeError.class, () -> socket.gethostbyaddr("a\0")).getMessage());
        assertEquals("encoding with 'idna' codec failed (UnicodeError: label too long)",
                assertThrows(ValueError.class, () -> socket.gethostbyaddr("x".repeat(64))).getMessage());
    }

    @Test
    void hstrerrorIsTheCLibrarys() {
        assertEquals("Resolver internal error", dev.pysocket.syscall.Posix.hstrerror(-1));
        assertEquals("Resolver Error 0 (no error)", dev.pysocket.syscall.Posix.hstrerror(0));
        assertEquals("Host name lookup failure", dev.pysocket.syscall.Posix.hstrerror(2));
        assertEquals("No address associated with name", dev.pysocket.syscall.Posix.hstrerror(4));
        assertEquals("Unknown resolver error", dev.pysocket.syscall.Posix.hstrerror(5));
    }

    @Test
    void gethostnameIsTheKernelsName() throws Exception {
        assertEquals(Files.readString(Path.of("/proc/sys/kernel/hostname")).strip(), socket.gethostname());
    }
}
