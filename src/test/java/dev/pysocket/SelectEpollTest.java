// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** select.epoll objects, after epoll.case and CPython's test_epoll.py. */
@Timeout(30)
class SelectEpollTest {
    private final List<AutoCloseable> toClose = new ArrayList<>();

    SocketPair pair() throws OSError {
        SocketPair p = socket.socketpair();
        toClose.add(p.a());
        toClose.add(p.b());
        return p;
    }

    select.epoll ep() throws OSError {
        select.epoll e = select.epoll();
        toClose.add(e);
        return e;
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    static final String CLOSED = "I/O operation on closed epoll object";

    @Test
    void createClose() throws OSError {
        var e = select.epoll();
        assertFalse(e.closed());
        assertTrue(e.fileno() >= 0);
        assertTrue(e.toString().matches("<select\\.epoll object at 0x[0-9a-f]+>"));
        e.close();
        assertTrue(e.closed());
        assertEquals(CLOSED, assertThrows(ValueError.class, e::fileno).getMessage());
        e.close();
        assertTrue(e.toString().startsWith("<select.epoll object at 0x"));
    }

    @Test
    void closeOnExec() throws OSError {
        var e = ep();
        int flags = dev.pysocket.syscall.Posix.fcntl(e.fileno(), dev.pysocket.bindings.posix_h.F_GETFD(), 0);
        assertEquals(dev.pysocket.bindings.posix_h.FD_CLOEXEC(), flags & dev.pysocket.bindings.posix_h.FD_CLOEXEC());
    }

    @Test
    void registerPollModifyUnregister() throws OSError {
        var p = pair();
        var e = ep();
        int fd = p.a().fileno();
        e.register(p.a(), select.EPOLLIN);
        assertEquals(List.of(), e.poll(0));
        p.b().send("x".getBytes());
        assertEquals("[(" + fd + ", 1)]", e.poll(0).toString());
        e.modify(p.a(), select.EPOLLOUT);
        assertEquals(List.of(new select.EpollEvent(fd, 4)), e.poll(0));
        e.unregister(p.a());
        assertEquals(List.of(), e.poll(0));
    }

    @Test
    void defaultMask() throws OSError {
        var p = pair();
        var e = ep();
        e.register(p.a());
        assertEquals(List.of(new select.EpollEvent(p.a().fileno(), 4)), e.poll(0));
        e.register(p.b().fileno(), select.EPOLLIN);
        p.a().send("q".getBytes());
        assertEquals(2, e.poll(0).size());
    }

    @Test
    void ctlErrors() throws Exception {
        var p = pair();
        var e = ep();
        e.register(p.a(), select.EPOLLIN);
        OSError err = assertThrows(OSError.class, () -> e.register(p.a(), select.EPOLLIN));
        assertInstanceOf(FileExistsError.class, err);
        assertEquals("[Errno 17] File exists", err.getMessage());
        err = assertThrows(OSError.class, () -> e.modify(p.b(), select.EPOLLIN));
        assertInstanceOf(FileNotFoundError.class, err);
        err = assertThrows(OSError.class, () -> e.unregister(p.b()));
        assertInstanceOf(FileNotFoundError.class, err);
        assertEquals("[Errno 2] No such file or directory", err.getMessage());
        err = assertThrows(OSError.class, () -> e.register(999, select.EPOLLIN));
        assertEquals(OSError.class, err.getClass());
        assertEquals(9, err.errno());
        assertEquals("file descriptor cannot be a negative integer (-1)",
                assertThrows(ValueError.class, () -> e.register(-1, select.EPOLLIN)).getMessage());
        err = assertThrows(OSError.class, () -> e.register(e, select.EPOLLIN));
        assertEquals(22, err.errno());
        assertEquals(22, assertThrows(OSError.class, () -> e.modify(p.a(), -1)).errno());
    }

    @Test
    void regularFileIsPermissionError() throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("pysocket", ".txt");
        try (var in = new java.io.FileInputStream(f.toFile())) {
            int fd = fdOf(in.getFD());
            var e = ep();
            OSError err = assertThrows(OSError.class, () -> e.register(fd, select.EPOLLIN));
            assertInstanceOf(PermissionError.class, err);
            assertEquals("[Errno 1] Operation not permitted", err.getMessage());
        } finally {
            java.nio.file.Files.delete(f);
        }
    }

    private static int fdOf(java.io.FileDescriptor fd) throws Exception {
        // FileDescriptor keeps its number private (readable with --add-opens only), so find the
        // stream's descriptor in /proc/self/fd by the file it links to.
        int best = -1;
        try (var dir = java.nio.file.Files.newDirectoryStream(java.nio.file.Path.of("/proc/self/fd"))) {
            for (var entry : dir) {
                try {
                    var target = java.nio.file.Files.readSymbolicLink(entry).toString();
                    if (target.contains("pysocket") && target.endsWith(".txt")) {
                        best = Math.max(best, Integer.parseInt(entry.getFileName().toString()));
                    }
                } catch (java.io.IOException ignored) {
                    // raced with a close
                }
            }
        }
        assertTrue(best >= 0);
        return best;
    }

    @Test
    void useAfterClose() throws OSError {
        var p = pair();
        var e = select.epoll();
        e.close();
        assertEquals(CLOSED, assertThrows(ValueError.class, () -> e.register(p.a(), select.EPOLLIN)).getMessage());
        assertEquals(CLOSED, assertThrows(ValueError.class, () -> e.modify(p.a(), select.EPOLLIN)).getMessage());
        assertEquals(CLOSED, assertThrows(ValueError.class, () -> e.unregister(p.a())).getMessage());
        assertEquals(CLOSED, assertThrows(ValueError.class, () -> e.poll(0)).getMessage());
        assertEquals(CLOSED, assertThrows(ValueError.class, () -> e.poll(-1, -2)).getMessage());
        assertEquals("file descriptor cannot be a negative integer (-1)",
                assertThrows(ValueError.class, () -> e.register(-1)).getMessage());
    }

    @Test
    void maxevents() throws OSError {
        var p = pair();
        var e = ep();
        e.register(p.a(), select.EPOLLOUT);
        e.register(p.b(), select.EPOLLOUT);
        assertEquals(1, e.poll(0, 1).size());
        assertEquals(2, e.poll(0, -1).size());
        assertEquals(2, e.poll(0.0, 5000).size()); // grows the kept array
        assertEquals(2, e.poll(0, 2).size());
        assertEquals("maxevents must be greater than 0, got 0",
                assertThrows(ValueError.class, () -> e.poll(0, 0)).getMessage());
        assertEquals("maxevents must be greater than 0, got -2",
                assertThrows(ValueError.class, () -> e.poll(0, -2)).getMessage());
    }

    @Test
    void timeouts() throws OSError {
        var p = pair();
        var e = ep();
        e.register(p.a(), select.EPOLLIN);
        long t0 = System.nanoTime();
        assertEquals(List.of(), e.poll(0.02));
        assertTrue(System.nanoTime() - t0 >= 19_000_000);
        t0 = System.nanoTime();
        assertEquals(List.of(), e.poll(-0.0001)); // rounds to 0 ms: does not block
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L);
        e.modify(p.a(), select.EPOLLOUT);
        assertEquals(1, e.poll(-1).size());
        assertEquals(1, e.poll((Double) null).size());
        assertEquals(1, e.poll().size());
        assertEquals(1, e.poll(2147483.647).size());
        assertEquals("timeout is too large",
                assertThrows(OverflowError.class, () -> e.poll(2147483.648)).getMessage());
        assertEquals("timeout is too large", assertThrows(OverflowError.class, () -> e.poll(-3e6)).getMessage());
        assertEquals("timestamp out of range for platform time_t",
                assertThrows(OverflowError.class, () -> e.poll(1e10)).getMessage());
        assertEquals("Invalid value NaN (not a number)",
                assertThrows(ValueError.class, () -> e.poll(Double.NaN)).getMessage());
    }

    @Test
    void hupEdgeTriggeredAndOneshot() throws OSError {
        var p = pair();
        var e = ep();
        int fd = p.a().fileno();
        e.register(p.a(), select.EPOLLIN | select.EPOLLET);
        p.b().send("x".getBytes());
        assertEquals(List.of(new select.EpollEvent(fd, 1)), e.poll(0));
        assertEquals(List.of(), e.poll(0));
        e.modify(p.a(), select.EPOLLOUT | select.EPOLLONESHOT);
        assertEquals(List.of(new select.EpollEvent(fd, 4)), e.poll(0));
        assertEquals(List.of(), e.poll(0));
        e.unregister(p.a());
        e.register(p.a(), select.EPOLLIN);
        p.a().recv(10);
        p.b().close();
        assertEquals(List.of(new select.EpollEvent(fd, 17)), e.poll(0));
    }

    @Test
    void constructorArguments() throws OSError {
        try (var e = select.epoll(10)) {
            assertFalse(e.closed());
        }
        try (var e = select.epoll(-1, select.EPOLL_CLOEXEC)) {
            assertFalse(e.closed());
        }
        assertEquals("negative sizehint", assertThrows(ValueError.class, () -> select.epoll(0)).getMessage());
        assertEquals("negative sizehint", assertThrows(ValueError.class, () -> select.epoll(-2)).getMessage());
        OSError err = assertThrows(OSError.class, () -> select.epoll(-1, 1));
        assertEquals("invalid flags", err.getMessage());
        assertNull(err.errno());
    }

    @Test
    void fromfd() throws OSError {
        var e = ep();
        var p = pair();
        int dupfd = socket.dup(e.fileno());
        try (var f = select.epoll.fromfd(dupfd)) {
            f.register(p.a(), select.EPOLLOUT); // the same epoll instance
            assertEquals(List.of(new select.EpollEvent(p.a().fileno(), 4)), e.poll(0));
        }
        var bad = select.epoll.fromfd(999);
        assertEquals(999, bad.fileno());
        assertEquals(9, assertThrows(OSError.class, () -> bad.poll(0)).errno());
        bad.close();
        OSError err = assertThrows(OSError.class, () -> select.epoll.fromfd(-5));
        assertEquals("[Errno 0] Error", err.getMessage());
    }

    @Test
    void epollInEpoll() throws OSError {
        var e = ep();
        var f = ep();
        e.register(f, select.EPOLLIN);
        assertEquals(List.of(), e.poll(0));
        var p = pair();
        f.register(p.a(), select.EPOLLOUT);
        assertEquals(List.of(new select.EpollEvent(f.fileno(), 1)), e.poll(0));
    }

    @Test
    void concurrentPollersBothWake() throws Exception {
        var p = pair();
        var e = ep();
        e.register(p.a(), select.EPOLLIN);
        List<Thread> threads = new ArrayList<>();
        List<Integer> counts = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 2; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    counts.add(e.poll(5.0).size());
                } catch (OSError ex) {
                    throw new RuntimeException(ex);
                }
            }));
        }
        Thread.sleep(50);
        p.b().send("x".getBytes()); // level-triggered: both waiters see it
        for (Thread t : threads) {
            t.join(5000);
        }
        assertEquals(List.of(1, 1), counts);
    }
}
