// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** select.select(), its constants, and the parity cases of select.case. */
@Timeout(30)
class SelectModuleTest {
    private final List<SocketType> socks = new ArrayList<>();

    SocketPair pair() throws OSError {
        SocketPair p = socket.socketpair();
        socks.add(p.a());
        socks.add(p.b());
        return p;
    }

    @AfterEach
    void cleanUp() throws OSError {
        for (SocketType s : socks) {
            s.close();
        }
    }

    @Test
    void constants() {
        assertEquals(1, select.POLLIN);
        assertEquals(4, select.POLLOUT);
        assertEquals(2, select.POLLPRI);
        assertEquals(8, select.POLLERR);
        assertEquals(16, select.POLLHUP);
        assertEquals(32, select.POLLNVAL);
        assertEquals(8192, select.POLLRDHUP);
        assertEquals(2147483648L, select.EPOLLET);
        assertEquals(1073741824, select.EPOLLONESHOT);
        assertEquals(268435456, select.EPOLLEXCLUSIVE);
        assertEquals(524288, select.EPOLL_CLOEXEC);
        assertEquals(4096, select.PIPE_BUF);
        assertSame(OSError.class, select.error);
    }

    @Test
    void emptyListsTimeout0() throws OSError {
        assertEquals("([], [], [])", select.select(List.of(), List.of(), List.of(), 0).toString());
    }

    @Test
    void writableAndReadableKeepObjects() throws OSError {
        var p = pair();
        var r = select.select(List.of(p.a()), List.of(p.a()), List.of(), 0);
        assertEquals(List.of(), r.rlist());
        assertSame(p.a(), r.wlist().get(0));
        p.b().send("x".getBytes());
        r = select.select(List.of(p.a(), p.b()), List.of(), List.of(), 0.0);
        assertEquals(List.of(p.a()), r.rlist());
        assertEquals("([" + p.a() + "], [], [])", r.toString());
    }

    @Test
    void intsAndFileLike() throws OSError {
        var p = pair();
        p.b().send("x".getBytes());
        int fd = p.a().fileno();
        var r = select.select(List.of(fd), List.of(fd), List.of(), 0);
        assertEquals(List.of(fd), r.rlist());
        assertEquals(List.of(fd), r.wlist());
        var obj = new SelectorsContract.Obj(fd);
        assertEquals("([Obj(fd=" + fd + ")], [], [])", select.select(List.of(obj), List.of(), List.of(), 0).toString());
        assertEquals(List.of((long) fd), select.select(List.of((long) fd), List.of(), List.of(), 0).rlist());
    }

    @Test
    void duplicatesAndSets() throws OSError {
        var p = pair();
        assertEquals(List.of(p.a(), p.a()), select.select(List.of(), List.of(p.a(), p.a()), List.of(), 0).wlist());
        assertEquals(List.of(p.a()), select.select(List.of(), Set.of(p.a()), List.of(), 0).wlist());
    }

    @Test
    void negativeFds() throws OSError {
        var p = pair();
        ValueError e = assertThrows(ValueError.class, () -> select.select(List.of(-1), List.of(), List.of(), 0));
        assertEquals("file descriptor cannot be a negative integer (-1)", e.getMessage());
        e = assertThrows(ValueError.class,
                () -> select.select(List.of(new SelectorsContract.Obj(-1)), List.of(), List.of(), 0));
        assertEquals("file descriptor cannot be a negative integer (-1)", e.getMessage());
        p.a().close();
        e = assertThrows(ValueError.class, () -> select.select(List.of(p.a()), List.of(), List.of(), 0));
        assertEquals("file descriptor cannot be a negative integer (-1)", e.getMessage());
    }

    @Test
    void badElementType() {
        TypeError e = assertThrows(TypeError.class, () -> select.select(List.of("x"), List.of(), List.of(), 0));
        assertEquals("argument must be an int, or have a fileno() method.", e.getMessage());
    }

    @Test
    void closedFdEbadf() throws OSError {
        var s = socket.socket();
        int fd = s.detach();
        socket.close(fd);
        OSError e = assertThrows(OSError.class, () -> select.select(List.of(fd), List.of(), List.of(), 0));
        assertEquals(9, e.errno());
        assertEquals("[Errno 9] Bad file descriptor", e.getMessage());
        assertEquals(OSError.class, e.getClass());
    }

    @Test
    void fdOutOfRange() {
        for (int fd : new int[] {1024, 100000}) {
            ValueError e = assertThrows(ValueError.class, () -> select.select(List.of(fd), List.of(), List.of(), 0));
            assertEquals("filedescriptor out of range in select()", e.getMessage());
        }
    }

    @Test
    void timeoutErrors() throws OSError {
        var p = pair();
        List<Object> w = List.of(p.a());
        assertEquals("timeout must be non-negative",
                assertThrows(ValueError.class, () -> select.select(List.of(), List.of(), List.of(), -1)).getMessage());
        assertEquals("timeout must be non-negative",
                assertThrows(ValueError.class, () -> select.select(List.of(), w, List.of(), -1e-12)).getMessage());
        assertEquals("Invalid value NaN (not a number)",
                assertThrows(ValueError.class, () -> select.select(List.of(), w, List.of(), Double.NaN)).getMessage());
        assertEquals("timestamp out of range for platform time_t",
                assertThrows(OverflowError.class, () -> select.select(List.of(), w, List.of(), 1e10)).getMessage());
        assertEquals("timestamp too large to convert to C _PyTime_t",
                assertThrows(OverflowError.class, () -> select.select(List.of(), w, List.of(), 10_000_000_000L))
                        .getMessage());
        assertEquals(w, select.select(List.of(), w, List.of(), 9.2e9).wlist()); // huge but valid
        assertEquals(w, select.select(List.of(), w, List.of(), -0.0).wlist());
        assertEquals(w, select.select(List.of(), w, List.of(), (Double) null).wlist());
        assertEquals(w, select.select(List.of(), w, List.of()).wlist());
    }

    @Test
    void timeoutExpires() throws OSError {
        var p = pair();
        long t0 = System.nanoTime();
        assertEquals("([], [], [])", select.select(List.of(p.a()), List.of(), List.of(p.a()), 0.05).toString());
        double elapsed = (System.nanoTime() - t0) / 1e9;
        assertTrue(elapsed >= 0.045 && elapsed < 5, "elapsed " + elapsed);
    }

    @Test
    void listenerReadableAndEof() throws OSError {
        var srv = socket.create_server(new InetAddr("127.0.0.1", 0));
        socks.add(srv);
        assertEquals(List.of(), select.select(List.of(srv), List.of(), List.of(), 0).rlist());
        socks.add(socket.create_connection(srv.getsockname()));
        assertEquals(List.of(srv), select.select(List.of(srv), List.of(), List.of(), 1.0).rlist());
        var p = pair();
        p.b().close();
        assertEquals(List.of(p.a()), select.select(List.of(p.a()), List.of(), List.of(), 0).rlist());
    }

    @Test
    void dgramEmptyDatagramIsReadable() throws OSError {
        var p = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM);
        socks.add(p.a());
        socks.add(p.b());
        p.a().send(new byte[0]);
        assertEquals(List.of(p.b()), select.select(List.of(p.b()), List.of(), List.of(), 0).rlist());
    }

    @Test
    void waitsUntilAnotherThreadWrites() throws Exception {
        var p = pair();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(50);
                p.b().send("x".getBytes());
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        assertEquals(List.of(p.a()), select.select(List.of(p.a()), List.of(), List.of(), 5.0).rlist());
        t.join();
    }
}
