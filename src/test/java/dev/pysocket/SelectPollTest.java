// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** select.poll objects, after poll.case and CPython's test_poll.py. */
@Timeout(30)
class SelectPollTest {
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

    static String ev(int fd, int events) {
        return "(" + fd + ", " + events + ")";
    }

    @Test
    void registerDefaultMaskAndRepr() throws OSError {
        var p = pair();
        var po = select.poll();
        assertTrue(po.toString().matches("<select\\.poll object at 0x[0-9a-f]+>"));
        po.register(p.a());
        assertEquals("[" + ev(p.a().fileno(), 4) + "]", po.poll(0).toString());
        assertEquals(List.of(new select.PollEvent(p.a().fileno(), 4)), po.poll(0));
    }

    @Test
    void pollinEmptyThenData() throws OSError {
        var p = pair();
        var po = select.poll();
        po.register(p.a(), select.POLLIN);
        assertEquals(List.of(), po.poll(0));
        p.b().send("x".getBytes());
        assertEquals("[" + ev(p.a().fileno(), 1) + "]", po.poll(0).toString());
    }

    @Test
    void intAndFileLikeFds() throws OSError {
        var p = pair();
        var po = select.poll();
        po.register(p.a().fileno(), select.POLLOUT);
        po.register(new SelectorsContract.Obj(p.b().fileno()), select.POLLOUT);
        assertEquals(List.of(new select.PollEvent(p.a().fileno(), 4), new select.PollEvent(p.b().fileno(), 4)),
                po.poll(0));
    }

    @Test
    void reregisterReplacesAndModify() throws OSError {
        var p = pair();
        var po = select.poll();
        po.register(p.a(), select.POLLOUT);
        po.register(p.a(), select.POLLIN);
        assertEquals(List.of(), po.poll(0));
        po.modify(p.a(), select.POLLOUT);
        assertEquals(List.of(new select.PollEvent(p.a().fileno(), 4)), po.poll(0));
    }

    @Test
    void modifyAndUnregisterUnknown() throws OSError {
        var p = pair();
        var po = select.poll();
        OSError e = assertThrows(OSError.class, () -> po.modify(p.a(), select.POLLIN));
        assertInstanceOf(FileNotFoundError.class, e);
        assertEquals("[Errno 2] No such file or directory", e.getMessage());
        assertEquals("999", assertThrows(KeyError.class, () -> po.unregister(999)).getMessage());
        assertEquals(String.valueOf(p.b().fileno()),
                assertThrows(KeyError.class, () -> po.unregister(p.b())).getMessage());
        po.register(p.a());
        po.unregister(p.a());
        assertEquals(List.of(), po.poll(0));
        assertThrows(KeyError.class, () -> po.unregister(p.a()));
    }

    @Test
    void closedFdGivesPollnval() throws OSError {
        var p = pair();
        var po = select.poll();
        po.register(999, select.POLLIN);
        assertEquals("[(999, 32)]", po.poll(0).toString());
        po.unregister(999);
        int fd = p.a().fileno();
        po.register(p.a(), select.POLLIN);
        p.a().close();
        assertEquals(List.of(new select.PollEvent(fd, 32)), po.poll(0));
    }

    @Test
    void badArguments() throws OSError {
        var p = pair();
        var po = select.poll();
        assertEquals("file descriptor cannot be a negative integer (-1)",
                assertThrows(ValueError.class, () -> po.register(-1)).getMessage());
        assertEquals("file descriptor cannot be a negative integer (-1)",
                assertThrows(ValueError.class, () -> po.register(-1, -1)).getMessage());
        assertEquals("Python int too large for C unsigned short",
                assertThrows(OverflowError.class, () -> po.register(p.a(), 65536)).getMessage());
        assertEquals("value must be positive",
                assertThrows(ValueError.class, () -> po.register(p.a(), -1)).getMessage());
        assertEquals("value must be positive",
                assertThrows(ValueError.class, () -> po.modify(p.b(), -1)).getMessage());
        p.a().close();
        assertThrows(ValueError.class, () -> po.register(p.a()));
    }

    @Test
    void hupAfterPeerClose() throws OSError {
        var p = pair();
        p.b().close();
        var po = select.poll();
        po.register(p.a(), select.POLLIN);
        assertEquals(List.of(new select.PollEvent(p.a().fileno(), 17)), po.poll(0));
    }

    @Test
    void timeouts() throws OSError {
        var p = pair();
        var po = select.poll();
        po.register(p.a(), select.POLLIN);
        long t0 = System.nanoTime();
        assertEquals(List.of(), po.poll(20));
        assertTrue(System.nanoTime() - t0 >= 19_000_000);
        t0 = System.nanoTime();
        assertEquals(List.of(), po.poll(1.5e-3));
        assertTrue(System.nanoTime() - t0 >= 1_000_000, "1.5 µs rounds up to 1 ms");
        assertEquals(List.of(), po.poll(0.0));
        po.modify(p.a(), select.POLLOUT);
        assertEquals(1, po.poll().size());
        assertEquals(1, po.poll((Double) null).size());
        assertEquals(1, po.poll(-1).size());
        assertEquals(1, po.poll(-0.5).size());
        assertEquals(1, po.poll(2147483647).size());
    }

    @Test
    void timeoutRangeErrors() throws OSError {
        var po = select.poll();
        assertEquals("timestamp too large to convert to C _PyTime_t",
                assertThrows(OverflowError.class, () -> po.poll(10000000000000L)).getMessage());
        assertEquals("timeout is too large",
                assertThrows(OverflowError.class, () -> po.poll(2147483648L)).getMessage());
        assertEquals("timeout is too large",
                assertThrows(OverflowError.class, () -> po.poll(2147483647.5)).getMessage());
        assertEquals("timeout is too large",
                assertThrows(OverflowError.class, () -> po.poll(-3e9)).getMessage());
        assertEquals("timestamp out of range for platform time_t",
                assertThrows(OverflowError.class, () -> po.poll(9.3e15)).getMessage());
        assertEquals("Invalid value NaN (not a number)",
                assertThrows(ValueError.class, () -> po.poll(Double.NaN)).getMessage());
    }

    @Test
    void emptyPoll() throws OSError {
        assertEquals(List.of(), select.poll().poll(0));
    }

    @Test
    void multipleFdsInRegistrationOrder() throws OSError {
        var p = pair();
        var po = select.poll();
        po.register(p.a(), 5);
        po.register(p.b(), 1);
        p.a().send("z".getBytes());
        assertEquals("[" + ev(p.a().fileno(), 4) + ", " + ev(p.b().fileno(), 1) + "]", po.poll(0).toString());
    }

    @Test
    void concurrentPollIsRefused() throws Exception {
        var p = pair();
        var po = select.poll();
        po.register(p.a(), select.POLLIN);
        CountDownLatch started = new CountDownLatch(1);
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                started.countDown();
                po.poll(5000);
            } catch (OSError e) {
                throw new RuntimeException(e);
            }
        });
        started.await();
        RuntimeError e = null;
        for (int i = 0; i < 200 && e == null; i++) {
            Thread.sleep(5);
            try {
                po.poll(0);
            } catch (RuntimeError caught) {
                e = caught;
            }
        }
        assertNotNull(e);
        assertEquals("concurrent poll() invocation", e.getMessage());
        po.register(p.b(), select.POLLOUT); // registering while it polls is allowed
        p.b().send("x".getBytes()); // ends the other poll
        t.join(5000);
        assertFalse(t.isAlive());
        assertEquals(2, po.poll(0).size());
    }

    @Test
    void manyRegistrationsGrowTheArray() throws OSError {
        var po = select.poll();
        List<Integer> fds = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            var p = pair();
            po.register(p.a(), select.POLLOUT);
            fds.add(p.a().fileno());
        }
        List<select.PollEvent> out = po.poll(0);
        assertEquals(40, out.size());
        for (int i = 0; i < 40; i++) {
            assertEquals(fds.get(i), out.get(i).fd());
        }
        for (int i = 0; i < 40; i += 2) {
            po.unregister(fds.get(i));
        }
        assertEquals(20, po.poll(0).size());
    }
}
