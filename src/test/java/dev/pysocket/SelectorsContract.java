// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.selectors.EVENT_READ;
import static dev.pysocket.selectors.EVENT_WRITE;
import static org.junit.jupiter.api.Assertions.*;

import dev.pysocket.selectors.BaseSelector;
import dev.pysocket.selectors.Ready;
import dev.pysocket.selectors.SelectorKey;
import dev.pysocket.syscall.Posix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The test body every selector class runs, after CPython's BaseSelectorTestCase
 * (Lib/test/test_selectors.py): each subclass says which selector it makes and how it
 * differs once closed or above FD_SETSIZE.
 */
@Timeout(30)
abstract class SelectorsContract {
    private final List<AutoCloseable> toClose = new ArrayList<>();

    /** A new selector of the class under test. */
    abstract BaseSelector make() throws OSError;

    /** The Python class name it prints. */
    abstract String pythonName();

    /** Whether the selector takes descriptors of FD_SETSIZE and above (not select(2)). */
    abstract boolean scalable();

    /** Whether register/select fail after close (epoll: the epoll object is closed). */
    abstract boolean closedRaises();

    BaseSelector sel() throws OSError {
        BaseSelector s = make();
        toClose.add(s);
        return s;
    }

    SocketPair pair() throws OSError {
        SocketPair p = socket.socketpair();
        toClose.add(p.a());
        toClose.add(p.b());
        return p;
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    /** An object with a fileno() that is not a socket (CPython's tests use a pipe's file). */
    record Obj(int fd) implements FileLike {
        @Override
        public int fileno() {
            return fd;
        }

        @Override
        public String toString() {
            return "Obj(fd=" + fd + ")";
        }
    }

    @Test
    void reprAndType() throws OSError {
        assertTrue(sel().toString().matches("<selectors\\." + pythonName() + " object at 0x[0-9a-f]+>"),
                sel().toString());
    }

    @Test
    void registerReturnsKey() throws OSError {
        var p = pair();
        var s = sel();
        SelectorKey key = s.register(p.a(), EVENT_READ, "data-a");
        assertSame(p.a(), key.fileobj());
        assertEquals(p.a().fileno(), key.fd());
        assertEquals(EVENT_READ, key.events());
        assertEquals("data-a", key.data());
        assertEquals("SelectorKey(fileobj=" + p.a() + ", fd=" + p.a().fileno() + ", events=1, data='data-a')",
                key.toString());
        assertEquals(key, s.get_key(p.a()));
    }

    @Test
    void registerBadEvents() throws OSError {
        var p = pair();
        var s = sel();
        assertEquals("Invalid events: 0", assertThrows(ValueError.class, () -> s.register(p.a(), 0)).getMessage());
        assertEquals("Invalid events: 4", assertThrows(ValueError.class, () -> s.register(p.a(), 4)).getMessage());
        assertEquals("Invalid events: 8", assertThrows(ValueError.class, () -> s.register(p.a(), 8)).getMessage());
        assertEquals(0, s.get_map().size());
    }

    @Test
    void registerTwice() throws OSError {
        var p = pair();
        var s = sel();
        s.register(p.a(), EVENT_READ);
        KeyError e = assertThrows(KeyError.class, () -> s.register(p.a(), EVENT_READ));
        int fd = p.a().fileno();
        assertEquals("'" + p.a() + " (FD " + fd + ") is already registered'", e.getMessage());
        e = assertThrows(KeyError.class, () -> s.register(fd, EVENT_WRITE));
        assertEquals("'" + fd + " (FD " + fd + ") is already registered'", e.getMessage());
    }

    @Test
    void registerInvalid() throws OSError {
        var p = pair();
        var s = sel();
        assertEquals("Invalid file descriptor: -1",
                assertThrows(ValueError.class, () -> s.register(-1, EVENT_READ)).getMessage());
        assertEquals("Invalid file object: 'nope'",
                assertThrows(ValueError.class, () -> s.register("nope", EVENT_READ)).getMessage());
        p.a().close();
        assertEquals("Invalid file descriptor: -1",
                assertThrows(ValueError.class, () -> s.register(p.a(), EVENT_READ)).getMessage());
        assertEquals(0, s.get_map().size());
    }

    @Test
    void registerIntAndFileLike() throws OSError {
        var p = pair();
        var s = sel();
        SelectorKey k = s.register(p.a().fileno(), EVENT_WRITE, "int");
        assertEquals("SelectorKey(fileobj=" + p.a().fileno() + ", fd=" + p.a().fileno() + ", events=2, data='int')",
                k.toString());
        Obj obj = new Obj(p.b().fileno());
        s.register(obj, EVENT_WRITE);
        List<Ready> ready = s.select(0);
        assertEquals(2, ready.size());
        Set<Object> objs = new HashSet<>();
        for (Ready r : ready) {
            objs.add(r.key().fileobj());
            assertEquals(EVENT_WRITE, r.events());
        }
        assertEquals(Set.of(p.a().fileno(), obj), objs);
    }

    @Test
    void unregister() throws OSError {
        var p = pair();
        var s = sel();
        SelectorKey k = s.register(p.a(), EVENT_READ, "x");
        assertEquals(k, s.unregister(p.a()));
        assertEquals(0, s.get_map().size());
        KeyError e = assertThrows(KeyError.class, () -> s.unregister(p.a()));
        assertEquals("'" + p.a() + " is not registered'", e.getMessage());
        assertEquals(List.of(), s.select(0));
    }

    @Test
    void unregisterAfterSocketClose() throws OSError {
        var p = pair();
        var s = sel();
        int fd = p.a().fileno();
        s.register(p.a(), EVENT_READ);
        s.register(p.b(), EVENT_WRITE);
        p.a().close();
        SelectorKey k = s.unregister(p.a()); // found by identity
        assertEquals(fd, k.fd());
        assertTrue(k.toString().contains("[closed] fd=-1"), k.toString());
        assertEquals(1, s.get_map().size());
    }

    @Test
    void unregisterAfterFdCloseAndReuse() throws OSError {
        var p = pair();
        var s = sel();
        int fd = socket.dup(p.a().fileno());
        s.register(fd, EVENT_READ);
        socket.close(fd);
        var q = pair(); // likely takes fd again
        s.unregister(fd);
        s.register(q.a(), EVENT_WRITE);
        assertEquals(EVENT_WRITE, s.select(0).get(0).events());
    }

    @Test
    void modifyEvents() throws OSError {
        var p = pair();
        var s = sel();
        s.register(p.a(), EVENT_READ, "d");
        SelectorKey k = s.modify(p.a(), EVENT_WRITE);
        assertEquals(EVENT_WRITE, k.events());
        assertNull(k.data());
        assertEquals(List.of(new Ready(k, EVENT_WRITE)), s.select(0));
        assertEquals(k, s.get_key(p.a()));
        k = s.modify(p.a(), EVENT_READ | EVENT_WRITE, "both");
        p.b().send("x".getBytes());
        assertEquals(List.of(new Ready(k, 3)), s.select(0));
        assertEquals("[(" + k + ", 3)]", s.select(0).toString());
    }

    @Test
    void modifyDataOnly() throws OSError {
        var p = pair();
        var s = sel();
        SelectorKey k1 = s.register(p.a(), EVENT_READ, "old");
        SelectorKey k2 = s.modify(p.a(), EVENT_READ, "new");
        assertEquals(k1.fd(), k2.fd());
        assertEquals("new", s.get_key(p.a()).data());
        assertSame(k2, s.modify(p.a(), EVENT_READ, "new")); // nothing changed: the same key
    }

    @Test
    void modifyUnknown() throws OSError {
        var p = pair();
        var s = sel();
        KeyError e = assertThrows(KeyError.class, () -> s.modify(p.a(), EVENT_READ));
        assertEquals("'" + p.a() + " is not registered'", e.getMessage());
    }

    @Test
    void modifyOfClosedFdUnregisters() throws OSError {
        var s = sel();
        var p = pair();
        int fd = socket.dup(p.a().fileno());
        s.register(fd, EVENT_READ);
        socket.close(fd);
        if (s instanceof selectors.EpollSelector) {
            assertThrows(OSError.class, () -> s.modify(fd, EVENT_WRITE)); // EBADF from epoll_ctl
            assertEquals(0, s.get_map().size());
        } else {
            s.modify(fd, EVENT_WRITE); // select/poll: not checked until select()
            assertEquals(1, s.get_map().size());
            s.unregister(fd);
        }
    }

    @Test
    void selectReadWrite() throws OSError {
        var p = pair();
        var s = sel();
        SelectorKey ka = s.register(p.a(), EVENT_READ, 7);
        SelectorKey kb = s.register(p.b(), EVENT_WRITE);
        assertEquals(List.of(new Ready(kb, EVENT_WRITE)), s.select(0));
        p.b().send("x".getBytes());
        List<Ready> ready = s.select(0);
        assertEquals(2, ready.size());
        assertTrue(ready.contains(new Ready(ka, EVENT_READ)), ready.toString());
        assertTrue(ready.contains(new Ready(kb, EVENT_WRITE)), ready.toString());
    }

    @Test
    void selectReadableAtEof() throws OSError {
        var p = pair();
        var s = sel();
        SelectorKey ka = s.register(p.a(), EVENT_READ);
        p.b().close();
        assertEquals(List.of(new Ready(ka, EVENT_READ)), s.select(0.0));
        assertArrayEquals(new byte[0], p.a().recv(1));
    }

    @Test
    void selectEmptyAndTimeout() throws OSError {
        var p = pair();
        var s = sel();
        assertEquals(List.of(), s.select(0));
        s.register(p.a(), EVENT_READ);
        long t0 = System.nanoTime();
        assertEquals(List.of(), s.select(0.1));
        double elapsed = (System.nanoTime() - t0) / 1e9;
        assertTrue(elapsed >= 0.09 && elapsed < 5, "elapsed " + elapsed);
        t0 = System.nanoTime();
        assertEquals(List.of(), s.select(-1));
        assertEquals(List.of(), s.select(-0.5));
        assertEquals(List.of(), s.select(0.0));
        assertTrue((System.nanoTime() - t0) / 1e9 < 1);
    }

    @Test
    void selectNoneWaitsForData() throws Exception {
        var p = pair();
        var s = sel();
        SelectorKey ka = s.register(p.a(), EVENT_READ);
        Thread writer = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(50);
                p.b().send("y".getBytes());
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        assertEquals(List.of(new Ready(ka, EVENT_READ)), s.select());
        writer.join();
        assertEquals(List.of(new Ready(ka, EVENT_READ)), s.select((Double) null));
    }

    @Test
    void selectTinyTimeoutWaitsAtLeastIt() throws OSError {
        var p = pair();
        var s = sel();
        s.register(p.a(), EVENT_READ);
        long t0 = System.nanoTime();
        s.select(0.0015);
        assertTrue(System.nanoTime() - t0 >= 1_000_000, "rounded down");
    }

    @Test
    void closeBehaviour() throws OSError {
        var p = pair();
        var s = sel();
        s.register(p.a(), EVENT_READ);
        s.close();
        assertNull(s.get_map());
        assertEquals("Selector is closed", assertThrows(RuntimeError.class, () -> s.get_key(p.a())).getMessage());
        s.close(); // twice is fine
        if (closedRaises()) {
            assertEquals("I/O operation on closed epoll object",
                    assertThrows(ValueError.class, () -> s.register(p.a(), EVENT_READ)).getMessage());
            assertEquals("I/O operation on closed epoll object",
                    assertThrows(ValueError.class, () -> s.select(0)).getMessage());
        } else {
            assertEquals(p.a().fileno(), s.register(p.a(), EVENT_READ).fd());
            assertEquals(List.of(), s.select(0));
        }
    }

    @Test
    void tryWithResourcesCloses() throws OSError {
        var p = pair();
        BaseSelector kept;
        try (BaseSelector s = make()) {
            kept = s;
            s.register(p.a(), EVENT_READ);
            assertNotNull(s.get_map());
        }
        assertNull(kept.get_map());
    }

    @Test
    void getKey() throws OSError {
        var p = pair();
        var s = sel();
        KeyError e = assertThrows(KeyError.class, () -> s.get_key(p.a()));
        assertEquals("'" + p.a() + " is not registered'", e.getMessage());
        SelectorKey k = s.register(p.a(), EVENT_READ);
        assertEquals(k, s.get_key(p.a()));
        assertEquals(k, s.get_key(p.a().fileno()));
        e = assertThrows(KeyError.class, () -> s.get_key(p.b().fileno()));
        assertEquals("'" + p.b().fileno() + " is not registered'", e.getMessage());
    }

    @Test
    void getMap() throws OSError {
        var p = pair();
        var s = sel();
        Map<Object, SelectorKey> map = s.get_map();
        assertEquals(0, map.size());
        SelectorKey ka = s.register(p.a(), EVENT_READ);
        SelectorKey kb = s.register(p.b(), EVENT_WRITE, "b");
        assertEquals(2, map.size()); // a live view
        assertEquals(ka, map.get(p.a()));
        assertEquals(kb, map.get(p.b().fileno()));
        assertTrue(map.containsKey(p.a()));
        assertFalse(map.containsKey(12345));
        assertNull(map.get(12345));
        Map<Object, SelectorKey> copy = new HashMap<>(map); // iteration yields fds, as Python's
        assertEquals(Map.of(p.a().fileno(), ka, p.b().fileno(), kb), copy);
        assertEquals(List.of(p.a().fileno(), p.b().fileno()), new ArrayList<>(map.keySet()));
        assertThrows(UnsupportedOperationException.class, () -> map.put(1, ka));
        assertThrows(UnsupportedOperationException.class, () -> map.remove(p.a()));
        assertThrows(UnsupportedOperationException.class, map::clear);
        s.unregister(p.a());
        assertEquals(1, map.size());
    }

    @Test
    void manySockets() throws OSError {
        var s = sel();
        int n = 32;
        List<SocketPair> pairs = new ArrayList<>();
        Map<Integer, SocketType> writers = new HashMap<>();
        for (int i = 0; i < n; i++) {
            var p = pair();
            pairs.add(p);
            s.register(p.a(), EVENT_READ, i);
            s.register(p.b(), EVENT_WRITE, i);
            writers.put(p.b().fileno(), p.b());
        }
        Set<Integer> got = new HashSet<>();
        for (int round = 0; round < 10 && got.size() < n; round++) {
            for (Ready r : s.select(1.0)) {
                if ((r.events() & EVENT_WRITE) != 0) {
                    SocketType w = (SocketType) r.key().fileobj();
                    w.send(("m" + r.key().data()).getBytes());
                    s.unregister(w);
                } else {
                    SocketType rd = (SocketType) r.key().fileobj();
                    assertEquals("m" + r.key().data(), new String(rd.recv(100)));
                    got.add((Integer) r.key().data());
                    s.unregister(rd);
                }
            }
        }
        assertEquals(n, got.size());
        assertEquals(0, s.get_map().size());
    }

    @Test
    void aboveFdSetsize() throws OSError {
        var p = pair();
        var s = sel();
        int fd = Posix.fcntl(p.a().fileno(), dev.pysocket.bindings.posix_h.F_DUPFD_CLOEXEC(), 1100);
        assertTrue(fd >= 1100, "dup: " + fd);
        try {
            SelectorKey k = s.register(fd, EVENT_WRITE | EVENT_READ);
            if (scalable()) {
                assertEquals(List.of(new Ready(k, EVENT_WRITE)), s.select(0));
                p.b().send("z".getBytes());
                assertEquals(List.of(new Ready(k, EVENT_WRITE | EVENT_READ)), s.select(0));
            } else {
                assertEquals("filedescriptor out of range in select()",
                        assertThrows(ValueError.class, () -> s.select(0)).getMessage());
            }
            s.unregister(fd);
        } finally {
            Posix.close(fd);
        }
    }

    @Test
    void timeoutNaNAndInfinity() throws OSError {
        var p = pair();
        var s = sel();
        s.register(p.a(), EVENT_WRITE);
        assertThrows(ValueError.class, () -> s.select(Double.NaN));
        assertThrows(OverflowError.class, () -> s.select(Double.POSITIVE_INFINITY));
        assertEquals(1, s.select(Double.NEGATIVE_INFINITY).size());
    }
}
