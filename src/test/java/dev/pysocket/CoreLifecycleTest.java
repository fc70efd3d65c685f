// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.CoreTestSupport.*;
import static dev.pysocket.socket.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.pysocket.CoreTestSupport.Fam;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** close, detach, dup, fileno, socket.close/dup/fromfd, and every method after close. */
@Timeout(30)
class CoreLifecycleTest {
    @TempDir
    Path dir;

    /** A method call on a closed socket. */
    @FunctionalInterface
    interface Call {
        void on(SocketType s) throws Exception;
    }

    static Stream<Arguments> methodsAfterClose() {
        Map<String, Call> calls = new java.util.LinkedHashMap<>();
        calls.put("recv", s -> s.recv(1));
        calls.put("recv flags", s -> s.recv(1, MSG_PEEK));
        calls.put("recvfrom", s -> s.recvfrom(4));
        calls.put("recvfrom(0)", s -> s.recvfrom(0));
        calls.put("recv_into", s -> s.recv_into(new byte[4]));
        calls.put("recv_into nbytes 0", s -> s.recv_into(new byte[4], 0, 0));
        calls.put("recv_into direct", s -> s.recv_into(ByteBuffer.allocateDirect(4)));
        calls.put("recvfrom_into", s -> s.recvfrom_into(new byte[4]));
        calls.put("recvfrom_into empty", s -> s.recvfrom_into(new byte[0]));
        calls.put("send", s -> s.send("x".getBytes()));
        calls.put("send empty", s -> s.send(new byte[0]));
        calls.put("sendall", s -> s.sendall("x".getBytes()));
        calls.put("sendall empty", s -> s.sendall(new byte[0]));
        calls.put("sendto", s -> s.sendto("x".getBytes(), new InetAddr("127.0.0.1", 9)));
        calls.put("bind", s -> s.bind(new InetAddr("127.0.0.1", 0)));
        calls.put("listen", SocketType::listen);
        calls.put("accept", SocketType::accept);
        calls.put("connect", s -> s.connect(new InetAddr("127.0.0.1", 9)));
        calls.put("getsockname", SocketType::getsockname);
        calls.put("getpeername", SocketType::getpeername);
        calls.put("shutdown", s -> s.shutdown(SHUT_RDWR));
        calls.put("setsockopt", s -> s.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1));
        calls.put("setsockopt bytes", s -> s.setsockopt(SOL_SOCKET, SO_REUSEADDR, new byte[4]));
        calls.put("getsockopt", s -> s.getsockopt(SOL_SOCKET, SO_TYPE));
        calls.put("getsockopt buflen", s -> s.getsockopt(SOL_SOCKET, SO_TYPE, 4));
        calls.put("setblocking", s -> s.setblocking(true));
        calls.put("settimeout", s -> s.settimeout(1.0));
        calls.put("settimeout None", s -> s.settimeout(null));
        calls.put("get_inheritable", SocketType::get_inheritable);
        calls.put("set_inheritable", s -> s.set_inheritable(true));
        calls.put("dup", SocketType::dup);
        return calls.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methodsAfterClose")
    void everyMethodAfterCloseIsEbadf(String name, Call call) throws Exception {
        var s = socket();
        s.close();
        assertBadf(() -> call.on(s));
    }

    @Test
    void whatStillWorksAfterClose() throws Exception {
        var s = socket();
        s.settimeout(2.5);
        s.close();
        assertArrayEquals(new byte[0], s.recv(0));
        assertEquals(0, s.recv_into(new byte[0]));
        assertEquals(-1, s.fileno());
        assertEquals(-1, s.detach());
        s.close();
        assertEquals(2.5, s.gettimeout());
        assertTrue(s.getblocking());
        assertEquals(AF_INET, s.family().value());
    }

    @Test
    void connectExAfterCloseReturnsEbadf() throws Exception {
        var s = socket();
        s.close();
        assertEquals(9, s.connect_ex(new InetAddr("127.0.0.1", 9)));
        // the address is still checked first, as in CPython
        assertPyError(OverflowError.class, "connect_ex(): port must be 0-65535.",
                () -> s.connect_ex(new InetAddr("127.0.0.1", 70000)));
    }

    @Test
    void filenoIsMinusOneAfterCloseAndDescriptorIsGone() throws Exception {
        var s = socket();
        int fd = s.fileno();
        assertTrue(fdTarget(fd).startsWith("socket:"));
        s.close();
        assertEquals(-1, s.fileno());
        String now = fdTarget(fd);
        assertTrue(now == null || !now.startsWith("socket:"), "descriptor closed: " + now);
    }

    @Test
    void doubleCloseIsNoOp() throws Exception {
        var s = socket();
        s.close();
        assertDoesNotThrow(s::close);
        assertDoesNotThrow(s::close);
    }

    @Test
    void tryWithResourcesCloses() throws Exception {
        SocketType kept;
        try (var s = socket()) {
            kept = s;
        }
        assertEquals(-1, kept.fileno());
    }

    @ParameterizedTest
    @EnumSource(Fam.class)
    void detachLeavesDescriptorOpen(Fam fam) throws Exception {
        var s = socket(fam.af(), SOCK_STREAM);
        s.bind(fam.any(dir));
        Address name = s.getsockname();
        int fd = s.detach();
        assertTrue(fd >= 0);
        assertEquals(-1, s.fileno());
        assertTrue(s.toString().startsWith("<socket.socket [closed] fd=-1"), s.toString());
        assertBadf(s::getsockname);
        try (var w = socket(-1, -1, -1, fd)) {
            assertEquals(fd, w.fileno());
            assertEquals(name, w.getsockname());
            assertEquals(fam.af(), w.family().value());
        }
    }

    @Test
    void closeAfterDetachDoesNotCloseDescriptor() throws Exception {
        var s = socket();
        int fd = s.detach();
        s.close();
        assertTrue(fdTarget(fd).startsWith("socket:"));
        socket.close(fd);
        assertNull(fdTarget(fd));
    }

    @Test
    void detachTwice() throws Exception {
        var s = socket();
        int fd = s.detach();
        assertEquals(-1, s.detach());
        socket.close(fd);
    }

    @Test
    void detachedDescriptorKeepsConnection() throws Exception {
        SocketType[] cs = connected(Fam.INET, dir);
        try (var s = cs[1]) {
            int fd = cs[0].detach();
            try (var w = socket(AF_INET, SOCK_STREAM, 0, fd)) {
                w.sendall("after detach".getBytes());
                s.settimeout(10.0);
                assertArrayEquals("after detach".getBytes(), recvAll(s, 12));
            }
        }
    }

    @Test
    void dupGetsNewDescriptorAndSameTimeout() throws Exception {
        try (var s = socket()) {
            s.settimeout(2.5);
            try (var d = s.dup()) {
                assertNotEquals(s.fileno(), d.fileno());
                assertEquals(2.5, d.gettimeout());
                assertEquals(s.family(), d.family());
                assertEquals(s.type(), d.type());
                assertEquals(s.proto(), d.proto());
                assertFalse(d.get_inheritable());
            }
            assertNotEquals(-1, s.fileno(), "closing the dup leaves the original open");
            s.bind(new InetAddr("127.0.0.1", 0));
        }
    }

    @Test
    void dupOfBlockingAndNonBlocking() throws Exception {
        try (var s = socket(AF_INET, SOCK_DGRAM)) {
            try (var d = s.dup()) {
                assertNull(d.gettimeout());
            }
            s.setblocking(false);
            try (var d = s.dup()) {
                assertEquals(0.0, d.gettimeout());
                d.bind(new InetAddr("127.0.0.1", 0));
                assertOSError(BlockingIOError.class, 11, "[Errno 11] Resource temporarily unavailable", () -> d.recv(1));
            }
        }
    }

    @Test
    void dupSharesTheSocket() throws Exception {
        SocketType[] cs = connected(Fam.UNIX, dir);
        try (var c = cs[0]; var s = cs[1]; var d = c.dup()) {
            d.sendall("via dup".getBytes());
            s.settimeout(10.0);
            assertArrayEquals("via dup".getBytes(), recvAll(s, 7));
        }
    }

    @Test
    void moduleDupAndClose() throws Exception {
        try (var s = socket(AF_INET6, SOCK_DGRAM)) {
            int fd = socket.dup(s.fileno());
            assertNotEquals(s.fileno(), fd);
            assertTrue(fdTarget(fd).startsWith("socket:"));
            socket.close(fd);
            assertNull(fdTarget(fd));
            assertBadf(() -> socket.close(fd));
            assertBadf(() -> socket.dup(fd));
        }
    }

    @Test
    void fromfdDuplicates() throws Exception {
        try (var s = socket(AF_INET6, SOCK_DGRAM)) {
            try (var f = fromfd(s.fileno(), AF_INET6, SOCK_DGRAM)) {
                assertNotEquals(s.fileno(), f.fileno());
                assertEquals("<socket.socket fd=" + f.fileno() + ", family=10, type=2, proto=0, laddr=('::', 0, 0, 0)>",
                        f.toString());
                assertFalse(f.get_inheritable());
            }
            assertTrue(fdTarget(s.fileno()).startsWith("socket:"), "the original stays open");
        }
    }

    @Test
    void fromfdOfClosedDescriptor() throws Exception {
        int fd;
        try (var s = socket()) {
            fd = socket.dup(s.fileno());
        }
        socket.close(fd);
        assertBadf(() -> fromfd(fd, AF_INET, SOCK_STREAM));
    }

    @Test
    void noDescriptorLeakOverManySockets() throws Exception {
        long before = openFds();
        for (int i = 0; i < 200; i++) {
            SocketType[] cs = connected(i % 2 == 0 ? Fam.INET : Fam.UNIX, dir);
            closeAll(cs);
            try (var d = socket(AF_INET6, SOCK_DGRAM); var e = d.dup()) {
                e.fileno();
            }
        }
        long after = openFds();
        assertTrue(after - before < 10, "fds before " + before + ", after " + after);
    }

    private static long openFds() throws Exception {
        try (var fds = java.nio.file.Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    @Test
    void exceptionReprForBadf() {
        OSError e = assertThrows(OSError.class, () -> {
            var s = socket();
            s.close();
            s.recv(1);
        });
        assertEquals("OSError(9, 'Bad file descriptor')", e.repr());
        assertEquals("Bad file descriptor", e.strerror());
    }
}
