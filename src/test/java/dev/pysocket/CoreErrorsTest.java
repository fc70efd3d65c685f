// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.CoreTestSupport.*;
import static dev.pysocket.socket.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.pysocket.CoreTestSupport.Fam;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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

/** The errno to exception table, and the errors a broken connection gives. */
@Timeout(30)
class CoreErrorsTest {
    @TempDir
    Path dir;

    /** What CPython 3.11 prints for each errno of the table on this machine. */
    private static final Map<String, String> CPYTHON = Map.ofEntries(
            Map.entry("EAGAIN", "BlockingIOError [Errno 11] Resource temporarily unavailable"),
            Map.entry("EALREADY", "BlockingIOError [Errno 114] Operation already in progress"),
            Map.entry("EINPROGRESS", "BlockingIOError [Errno 115] Operation now in progress"),
            Map.entry("EWOULDBLOCK", "BlockingIOError [Errno 11] Resource temporarily unavailable"),
            Map.entry("ECHILD", "ChildProcessError [Errno 10] No child processes"),
            Map.entry("EPIPE", "BrokenPipeError [Errno 32] Broken pipe"),
            Map.entry("ESHUTDOWN", "BrokenPipeError [Errno 108] Cannot send after transport endpoint shutdown"),
            Map.entry("ECONNABORTED", "ConnectionAbortedError [Errno 103] Software caused connection abort"),
            Map.entry("ECONNREFUSED", "ConnectionRefusedError [Errno 111] Connection refused"),
            Map.entry("ECONNRESET", "ConnectionResetError [Errno 104] Connection reset by peer"),
            Map.entry("EEXIST", "FileExistsError [Errno 17] File exists"),
            Map.entry("ENOENT", "FileNotFoundError [Errno 2] No such file or directory"),
            Map.entry("EISDIR", "IsADirectoryError [Errno 21] Is a directory"),
            Map.entry("ENOTDIR", "NotADirectoryError [Errno 20] Not a directory"),
            Map.entry("EINTR", "InterruptedError [Errno 4] Interrupted system call"),
            Map.entry("EACCES", "PermissionError [Errno 13] Permission denied"),
            Map.entry("EPERM", "PermissionError [Errno 1] Operation not permitted"),
            Map.entry("ESRCH", "ProcessLookupError [Errno 3] No such process"),
            Map.entry("ETIMEDOUT", "TimeoutError [Errno 110] Connection timed out"));

    static Stream<Arguments> table() {
        return Errno.Table.ROWS.stream().map(r -> Arguments.of(r.name(), r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void tableRow(String name, Errno.Row row) {
        OSError e = Errno.exception(row.errno());
        assertEquals(row.type(), e.getClass());
        assertEquals(row.errno(), e.errno());
        assertEquals("[Errno " + row.errno() + "] " + strerror(row.errno()), e.getMessage());
        assertEquals(CPYTHON.get(name), e.getClass().getSimpleName() + " " + e.getMessage());
        assertEquals(e.getClass().getSimpleName() + "(" + row.errno() + ", " + Py.repr(e.strerror()) + ")", e.repr());
    }

    private static String strerror(int errno) {
        return dev.pysocket.syscall.Posix.strerror(errno);
    }

    @Test
    void tableCoversEveryCPythonRow() {
        assertEquals(CPYTHON.keySet(), Errno.Table.ROWS.stream().map(Errno.Row::name).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void unmappedErrnosArePlainOSError() {
        assertEquals(OSError.class, Errno.exception(9).getClass());
        assertEquals("[Errno 22] Invalid argument", Errno.exception(22).getMessage());
        assertEquals(OSError.class, Errno.exception(98).getClass());
        assertEquals("[Errno 88] Socket operation on non-socket", Errno.exception(88).getMessage());
    }

    @Test
    void connectionErrorHierarchy() {
        assertInstanceOf(ConnectionError.class, Errno.exception(32));
        assertInstanceOf(ConnectionError.class, Errno.exception(103));
        assertInstanceOf(ConnectionError.class, Errno.exception(104));
        assertInstanceOf(ConnectionError.class, Errno.exception(111));
        assertFalse(Errno.exception(11) instanceof ConnectionError);
    }

    @Test
    void osErrorWithoutErrno() {
        OSError e = new OSError("just a message");
        assertNull(e.errno());
        assertNull(e.strerror());
        assertEquals("just a message", e.getMessage());
        assertEquals("OSError('just a message')", e.repr());
        assertEquals("TimeoutError('timed out')", new TimeoutError("timed out").repr());
    }

    @ParameterizedTest
    @EnumSource(Fam.class)
    void sendAfterPeerClosedIsBrokenPipeAndJvmSurvives(Fam fam) throws Exception {
        SocketType[] cs = connected(fam, dir);
        try (var c = cs[0]; var s = cs[1]) {
            c.close();
            BrokenPipeError e = null;
            // TCP may accept one send before the peer's RST arrives; bounded attempts
            for (int i = 0; i < 50 && e == null; i++) {
                try {
                    s.send("x".getBytes());
                    Thread.sleep(10);
                } catch (BrokenPipeError x) {
                    e = x;
                }
            }
            assertNotNull(e, "EPIPE");
            assertEquals(32, e.errno());
            assertEquals("[Errno 32] Broken pipe", e.getMessage());
            // no SIGPIPE killed us: the JVM is still here and sockets still work
            SocketPair p = socketpair();
            try (var a = p.a(); var b = p.b()) {
                a.sendall("alive".getBytes());
                assertArrayEquals("alive".getBytes(), b.recv(5));
            }
        }
    }

    @Test
    void sendallAfterPeerClosedIsBrokenPipe() throws Exception {
        SocketPair p = socketpair();
        try (var a = p.a(); var b = p.b()) {
            b.close();
            assertOSError(BrokenPipeError.class, 32, "[Errno 32] Broken pipe", () -> a.sendall(new byte[100_000]));
        }
    }

    @Test
    void sendtoAfterShutdownIsBrokenPipe() throws Exception {
        SocketPair p = socketpair(AF_UNIX, SOCK_DGRAM);
        try (var a = p.a(); var b = p.b()) {
            a.shutdown(SHUT_WR);
            assertOSError(BrokenPipeError.class, 32, "[Errno 32] Broken pipe", () -> a.send("x".getBytes()));
        }
    }

    @Test
    void peerClosingWithUnreadDataResets() throws Exception {
        SocketType[] cs = connected(Fam.INET, dir);
        try (var c = cs[0]; var s = cs[1]) {
            c.sendall("unread".getBytes());
            Thread.sleep(50);
            s.close(); // unread data: the kernel sends RST
            c.settimeout(5.0);
            var e = assertOSError(ConnectionResetError.class, 104, "[Errno 104] Connection reset by peer",
                    () -> c.recv(10));
            assertEquals("ConnectionResetError(104, 'Connection reset by peer')", e.repr());
        }
    }

    @Test
    void lingerZeroResets() throws Exception {
        SocketType[] cs = connected(Fam.INET6, dir);
        try (var c = cs[0]; var s = cs[1]) {
            s.setsockopt(SOL_SOCKET, SO_LINGER,
                    ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putInt(0).array());
            s.close();
            c.settimeout(5.0);
            assertOSError(ConnectionResetError.class, 104, "[Errno 104] Connection reset by peer", () -> c.recv(10));
            assertArrayEquals(new byte[0], c.recv(10), "after the reset is reported: EOF");
        }
    }

    @Test
    void sendAfterResetIsConnectionReset() throws Exception {
        SocketType[] cs = connected(Fam.INET, dir);
        try (var c = cs[0]; var s = cs[1]) {
            s.setsockopt(SOL_SOCKET, SO_LINGER,
                    ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putInt(0).array());
            s.close();
            Thread.sleep(50);
            assertOSError(ConnectionResetError.class, 104, "[Errno 104] Connection reset by peer",
                    () -> c.send("x".getBytes()));
        }
    }

    @Test
    void closeOfResetSocketIsQuiet() throws Exception {
        SocketType[] cs = connected(Fam.INET, dir);
        var c = cs[0];
        try (var s = cs[1]) {
            s.setsockopt(SOL_SOCKET, SO_LINGER,
                    ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putInt(0).array());
        }
        Thread.sleep(20);
        assertDoesNotThrow(c::close);
    }
}
