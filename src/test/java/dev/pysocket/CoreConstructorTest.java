// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.CoreTestSupport.*;
import static dev.pysocket.socket.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.pysocket.CoreTestSupport.Fam;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** socket(): defaults, attributes, flags in type, errors, wrapping a descriptor; and repr. */
@Timeout(30)
class CoreConstructorTest {
    @TempDir
    Path dir;

    @AfterEach
    void restoreDefaultTimeout() {
        setdefaulttimeout(null);
    }

    @Test
    void defaults() throws Exception {
        try (var s = socket()) {
            assertEquals(AF_INET, s.family().value());
            assertEquals(SOCK_STREAM, s.type().value());
            assertEquals(0, s.proto());
            assertNull(s.timeout());
            assertNull(s.gettimeout());
            assertTrue(s.getblocking());
            assertFalse(s.get_inheritable());
            assertTrue(s.fileno() >= 0);
        }
    }

    @Test
    void familyAndTypeRepr() throws Exception {
        try (var s = socket()) {
            assertEquals("<AddressFamily.AF_INET: 2>", s.family().toString());
            assertEquals("<SocketKind.SOCK_STREAM: 1>", s.type().toString());
            assertEquals("AF_INET", s.family().name());
            assertEquals("SOCK_STREAM", s.type().name());
        }
    }

    @Test
    void familyReprInet6AndUnix() throws Exception {
        try (var a = socket(AF_INET6, SOCK_DGRAM); var b = socket(AF_UNIX, SOCK_SEQPACKET)) {
            assertEquals("<AddressFamily.AF_INET6: 10>", a.family().toString());
            assertEquals("<SocketKind.SOCK_DGRAM: 2>", a.type().toString());
            assertEquals("<AddressFamily.AF_UNIX: 1>", b.family().toString());
            assertEquals("<SocketKind.SOCK_SEQPACKET: 5>", b.type().toString());
        }
    }

    @Test
    void unnamedValuesPrintAsInts() {
        assertEquals("12345", AddressFamily.convert(12345).toString());
        assertEquals("999", SocketKind.convert(999).toString());
        assertNull(AddressFamily.convert(12345).name());
    }

    @Test
    void explicitProtocolIsKept() throws Exception {
        try (var s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP); var d = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP)) {
            assertEquals(6, s.proto());
            assertEquals(17, d.proto());
        }
    }

    @Test
    void minusOnesWithoutFilenoMeanDefaults() throws Exception {
        try (var s = socket(-1, -1, -1, null)) {
            assertEquals(AF_INET, s.family().value());
            assertEquals(SOCK_STREAM, s.type().value());
            assertEquals(0, s.proto());
        }
    }

    @Test
    void sockNonblockGivesTimeoutZeroAndIsStripped() throws Exception {
        try (var s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK)) {
            assertEquals(0.0, s.gettimeout());
            assertFalse(s.getblocking());
            assertEquals("<SocketKind.SOCK_STREAM: 1>", s.type().toString());
            assertEquals(SOCK_STREAM, s.type().value());
        }
    }

    @Test
    void sockNonblockReallyIsNonBlocking() throws Exception {
        try (var s = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK)) {
            s.bind(new InetAddr("127.0.0.1", 0));
            assertOSError(BlockingIOError.class, 11, "[Errno 11] Resource temporarily unavailable", () -> s.recv(1));
        }
    }

    @Test
    void sockCloexecIsNotInheritableAndStripped() throws Exception {
        try (var s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC)) {
            assertFalse(s.get_inheritable());
            assertEquals(SOCK_STREAM, s.type().value());
            assertNull(s.gettimeout());
        }
    }

    @Test
    void setInheritableRoundTrip() throws Exception {
        try (var s = socket()) {
            s.set_inheritable(true);
            assertTrue(s.get_inheritable());
            s.set_inheritable(false);
            assertFalse(s.get_inheritable());
        }
    }

    @Test
    void invalidFamily() {
        assertOSError(OSError.class, 97, "[Errno 97] Address family not supported by protocol", () -> socket(12345));
    }

    @Test
    void invalidType() {
        assertOSError(OSError.class, 22, "[Errno 22] Invalid argument", () -> socket(AF_INET, 12345));
    }

    @Test
    void invalidProto() {
        assertOSError(OSError.class, 22, "[Errno 22] Invalid argument", () -> socket(AF_INET, SOCK_STREAM, 12345));
    }

    @Test
    void protocolNotSupportedForType() {
        assertOSError(OSError.class, 93, "[Errno 93] Protocol not supported",
                () -> socket(AF_INET, SOCK_DGRAM, IPPROTO_TCP));
    }

    @Test
    void negativeFileno() {
        assertPyError(ValueError.class, "negative file descriptor", () -> socket(-1, -1, -1, -1));
        assertPyError(ValueError.class, "negative file descriptor", () -> socket(AF_INET, SOCK_STREAM, 0, -5));
    }

    @Test
    void filenoOfAFileIsNotASocket() throws Exception {
        Path f = Files.writeString(dir.resolve("plain"), "x");
        try (var in = new FileInputStream(f.toFile())) {
            // a fresh descriptor on the file, opened by the JVM: found through /proc/self/fd
            int fd = fdOf(f);
            assertTrue(fd >= 0);
            assertOSError(OSError.class, 88, "[Errno 88] Socket operation on non-socket", () -> socket(-1, -1, -1, fd));
        }
    }

    @Test
    void filenoOfAFileIsCheckedEvenWithExplicitFamily() throws Exception {
        Path f = Files.writeString(dir.resolve("plain2"), "x");
        try (var in = new FileInputStream(f.toFile())) {
            int fd = fdOf(f);
            assertOSError(OSError.class, 88, "[Errno 88] Socket operation on non-socket",
                    () -> socket(AF_INET, SOCK_STREAM, 0, fd));
            assertNotNull(fdTarget(fd), "the file stays open");
        }
    }

    @Test
    void filenoAlreadyClosedIsEbadf() throws Exception {
        int fd;
        try (var s = socket()) {
            fd = socket.dup(s.fileno());
        }
        socket.close(fd);
        assertBadf(() -> socket(-1, -1, -1, fd));
        assertBadf(() -> socket(AF_INET, SOCK_STREAM, 0, fd));
    }

    private static int fdOf(Path file) throws IOException {
        String want = file.toRealPath().toString();
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.mapToInt(p -> Integer.parseInt(p.getFileName().toString()))
                    .filter(fd -> want.equals(fdTarget(fd))).max().orElse(-1);
        }
    }

    @ParameterizedTest
    @EnumSource(Fam.class)
    void filenoAutoDetectsFamilyTypeProto(Fam fam) throws Exception {
        try (var s = socket(fam.af(), SOCK_DGRAM)) {
            try (var w = socket(-1, -1, -1, socket.dup(s.fileno()))) {
                assertEquals(fam.af(), w.family().value());
                assertEquals(SOCK_DGRAM, w.type().value());
                assertEquals(fam == Fam.UNIX ? 0 : IPPROTO_UDP, w.proto());
            }
        }
    }

    @Test
    void filenoAutoDetectsSeqpacket() throws Exception {
        try (var s = socket(AF_UNIX, SOCK_SEQPACKET); var w = socket(-1, -1, -1, socket.dup(s.fileno()))) {
            assertEquals("<AddressFamily.AF_UNIX: 1>", w.family().toString());
            assertEquals("<SocketKind.SOCK_SEQPACKET: 5>", w.type().toString());
        }
    }

    @Test
    void filenoAutoDetectsTcpProtocol() throws Exception {
        try (var s = socket(); var w = socket(-1, -1, -1, socket.dup(s.fileno()))) {
            assertEquals(6, w.proto());
            assertEquals("<socket.socket fd=" + w.fileno() + ", family=2, type=1, proto=6, laddr=('0.0.0.0', 0)>",
                    w.toString());
        }
    }

    @Test
    void filenoWrappingKeepsDescriptorNumber() throws Exception {
        try (var s = socket()) {
            int copy = socket.dup(s.fileno());
            try (var w = socket(AF_INET, SOCK_STREAM, 0, copy)) {
                assertEquals(copy, w.fileno());
            }
            assertNull(fdTarget(copy), "closing the wrapper closes the descriptor");
        }
    }

    @Test
    void filenoOfNonBlockingDescriptorTakesDefaultTimeout() throws Exception {
        // CPython: SO_TYPE has no SOCK_NONBLOCK, so the wrapper's timeout is the default (None).
        try (var s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK); var w = socket(-1, -1, -1, socket.dup(s.fileno()))) {
            assertNull(w.gettimeout());
            assertEquals(SOCK_STREAM, w.type().value());
        }
    }

    @Test
    void defaultTimeoutAppliesToNewSockets() throws Exception {
        setdefaulttimeout(2.5);
        assertEquals(2.5, getdefaulttimeout());
        try (var s = socket()) {
            assertEquals(2.5, s.gettimeout());
            assertTrue(s.getblocking());
        }
        try (var s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK)) {
            assertEquals(0.0, s.gettimeout());
        }
        SocketPair p = socketpair();
        try (var a = p.a(); var b = p.b()) {
            assertEquals(2.5, a.gettimeout());
            assertEquals(2.5, b.gettimeout());
        }
    }

    @Test
    void defaultTimeoutZeroMakesNonBlockingSockets() throws Exception {
        setdefaulttimeout(0.0);
        try (var s = socket(AF_INET, SOCK_DGRAM)) {
            assertEquals(0.0, s.gettimeout());
            assertFalse(s.getblocking());
            s.bind(new InetAddr("127.0.0.1", 0));
            assertOSError(BlockingIOError.class, 11, "[Errno 11] Resource temporarily unavailable", () -> s.recv(4));
        }
    }

    @Test
    void defaultTimeoutDoesNotChangeExistingSockets() throws Exception {
        try (var s = socket()) {
            setdefaulttimeout(1.0);
            assertNull(s.gettimeout());
        }
    }

    @Test
    void setdefaulttimeoutErrors() {
        assertPyError(ValueError.class, "Timeout value out of range", () -> setdefaulttimeout(-1.0));
        assertPyError(ValueError.class, "Invalid value NaN (not a number)", () -> setdefaulttimeout(Double.NaN));
        assertNull(getdefaulttimeout());
    }

    @Test
    void socketpairDefaults() throws Exception {
        SocketPair p = socketpair();
        try (var a = p.a(); var b = p.b()) {
            assertEquals(AF_UNIX, a.family().value());
            assertEquals(SOCK_STREAM, b.type().value());
            assertEquals("<socket.socket fd=" + a.fileno() + ", family=1, type=1, proto=0>", a.toString());
            assertEquals(new UnixAddr(""), a.getsockname());
            assertEquals(new UnixAddr(""), a.getpeername());
            assertEquals("''", a.getsockname().toString());
        }
    }

    @Test
    void socketpairToStringIsTuple() throws Exception {
        SocketPair p = socketpair(AF_UNIX, SOCK_DGRAM);
        try (var a = p.a(); var b = p.b()) {
            assertEquals("(" + a + ", " + b + ")", p.toString());
            assertEquals(SOCK_DGRAM, a.type().value());
        }
    }

    // ---- repr ---------------------------------------------------------------------------

    @Test
    void reprUnbound() throws Exception {
        try (var s = socket()) {
            assertEquals("<socket.socket fd=" + s.fileno() + ", family=2, type=1, proto=0, laddr=('0.0.0.0', 0)>",
                    s.toString());
        }
    }

    @Test
    void reprUnboundInet6() throws Exception {
        try (var s = socket(AF_INET6, SOCK_DGRAM)) {
            assertEquals("<socket.socket fd=" + s.fileno() + ", family=10, type=2, proto=0, laddr=('::', 0, 0, 0)>",
                    s.toString());
        }
    }

    @Test
    void reprBound() throws Exception {
        try (var s = socket()) {
            s.bind(new InetAddr("127.0.0.1", 0));
            int p = port(s);
            assertEquals("<socket.socket fd=" + s.fileno() + ", family=2, type=1, proto=0, laddr=('127.0.0.1', " + p
                    + ")>", s.toString());
        }
    }

    @Test
    void reprConnected() throws Exception {
        SocketType[] cs = connected(Fam.INET, dir);
        try (var c = cs[0]; var s = cs[1]) {
            int lp = port(s);
            int cp = port(c);
            assertEquals("<socket.socket fd=" + c.fileno() + ", family=2, type=1, proto=0, laddr=('127.0.0.1', " + cp
                    + "), raddr=('127.0.0.1', " + lp + ")>", c.toString());
            assertEquals("<socket.socket fd=" + s.fileno() + ", family=2, type=1, proto=0, laddr=('127.0.0.1', " + lp
                    + "), raddr=('127.0.0.1', " + cp + ")>", s.toString());
        }
    }

    @Test
    void reprConnectedInet6() throws Exception {
        SocketType[] cs = connected(Fam.INET6, dir);
        try (var c = cs[0]; var s = cs[1]) {
            assertEquals("<socket.socket fd=" + c.fileno() + ", family=10, type=1, proto=0, laddr=('::1', " + port(c)
                    + ", 0, 0), raddr=('::1', " + port(s) + ", 0, 0)>", c.toString());
        }
    }

    @Test
    void reprUnixPathIsUnquoted() throws Exception {
        String path = dir.resolve("x").toString();
        try (var s = socket(AF_UNIX)) {
            s.bind(new UnixAddr(path));
            assertEquals("<socket.socket fd=" + s.fileno() + ", family=1, type=1, proto=0, laddr=" + path + ">",
                    s.toString());
        }
    }

    @Test
    void reprUnixConnected() throws Exception {
        String path = dir.resolve("l").toString();
        try (var l = socket(AF_UNIX); var c = socket(AF_UNIX)) {
            l.bind(new UnixAddr(path));
            l.listen();
            c.connect(new UnixAddr(path));
            try (var s = l.accept().conn()) {
                assertEquals("<socket.socket fd=" + c.fileno() + ", family=1, type=1, proto=0, raddr=" + path + ">",
                        c.toString());
                assertEquals("<socket.socket fd=" + s.fileno() + ", family=1, type=1, proto=0, laddr=" + path + ">",
                        s.toString());
            }
        }
    }

    @Test
    void reprUnixAbstractIsBytes() throws Exception {
        try (var s = socket(AF_UNIX)) {
            byte[] name = ("\0pysocket-repr-" + ProcessHandle.current().pid() + "-" + System.nanoTime()).getBytes();
            s.bind(new UnixAddr(name));
            assertEquals("<socket.socket fd=" + s.fileno() + ", family=1, type=1, proto=0, laddr="
                    + Py.repr(name) + ">", s.toString());
            assertTrue(s.toString().contains("laddr=b'\\x00pysocket-repr-"), s.toString());
        }
    }

    @Test
    void reprUnixUnboundHasNoAddress() throws Exception {
        try (var s = socket(AF_UNIX)) {
            assertEquals("<socket.socket fd=" + s.fileno() + ", family=1, type=1, proto=0>", s.toString());
        }
    }

    @Test
    void reprClosed() throws Exception {
        var s = socket();
        s.bind(new InetAddr("127.0.0.1", 0));
        s.close();
        assertEquals("<socket.socket [closed] fd=-1, family=2, type=1, proto=0>", s.toString());
    }

    @Test
    void reprClosedUnixDgram() throws Exception {
        var s = socket(AF_UNIX, SOCK_DGRAM);
        s.close();
        assertEquals("<socket.socket [closed] fd=-1, family=1, type=2, proto=0>", s.toString());
    }

    @Test
    void reprDetached() throws Exception {
        var s = socket(AF_INET6);
        int fd = s.detach();
        socket.close(fd);
        assertEquals("<socket.socket [closed] fd=-1, family=10, type=1, proto=0>", s.toString());
    }

    @Test
    void reprStripsNonblockFromType() throws Exception {
        try (var s = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC)) {
            assertTrue(s.toString().contains("family=2, type=2, proto=0"), s.toString());
        }
    }
}
