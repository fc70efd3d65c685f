// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.CoreTestSupport.*;
import static dev.pysocket.socket.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Races (issue 7): close against every blocked call, descriptor reuse after close, buffers
 * mutated during a call, many threads on one socket. Assertions are on the exception and on
 * descriptor hygiene, not on how a blocked call is woken.
 */
class RaceTest {
    @FunctionalInterface
    private interface Blocked {
        void run(SocketType s) throws Exception;
    }

    /** Every socket call that can block on a socket another thread then closes (connect is issue 7's defect 6). */
    private static final List<String> CALLS = List.of("recv", "recvfrom", "recv_into", "recvfrom_into", "recvmsg",
            "recvmsg_into", "recv_fds", "accept", "sendall");

    private static Blocked call(String name) {
        return switch (name) {
            case "recv" -> s -> s.recv(100);
            case "recvfrom" -> s -> s.recvfrom(100);
            case "recv_into" -> s -> s.recv_into(new byte[100]);
            case "recvfrom_into" -> s -> s.recvfrom_into(new byte[100]);
            case "recvmsg" -> s -> s.recvmsg(100, 64);
            case "recvmsg_into" -> s -> s.recvmsg_into(List.of(new byte[100]));
            case "recv_fds" -> s -> recv_fds(s, 100, 2);
            case "accept" -> s -> s.accept();
            default -> s -> s.sendall(new byte[64 << 20]); // more than any socket buffer holds
        };
    }

    /**
     * Each call, blocking and with a timeout, blocked on a socket another thread closes: it
     * raises EBADF, and the descriptor and its peer's are closed afterwards, none leaked.
     */
    @Test
    @Timeout(120)
    void closeAgainstEveryBlockedCallGivesEbadfAndLeaksNothing() throws Exception {
        Set<Integer> baseline = Hygiene.openFds();
        for (String name : CALLS) {
            for (Double timeout : new Double[] {null, 30.0}) {
                SocketType s;
                SocketType peer;
                if (name.equals("accept")) {
                    s = socket(AF_INET, SOCK_STREAM);
                    s.bind(new InetAddr("127.0.0.1", 0));
                    s.listen();
                    peer = null;
                } else {
                    SocketPair p = socketpair(AF_UNIX, SOCK_STREAM);
                    s = p.a();
                    peer = p.b();
                }
                s.settimeout(timeout);
                int fd = s.fileno();
                AtomicReference<Throwable> outcome = new AtomicReference<>();
                Thread t = new Thread(() -> {
                    try {
                        call(name).run(s);
                        outcome.set(new AssertionError("returned"));
                    } catch (Throwable e) {
                        outcome.set(e);
                    }
                });
                t.start();
                assertTrue(eventually(10_000, () -> t.getState() == Thread.State.RUNNABLE), name);
                Thread.sleep(100); // into the kernel (or the wait) by now, most of the time
                s.close();
                t.join(10_000);
                assertFalse(t.isAlive(), name + " (timeout " + timeout + ") still blocked after close");
                Throwable e = outcome.get();
                assertTrue(e instanceof OSError os && Integer.valueOf(9).equals(os.errno()),
                        name + " (timeout " + timeout + "): " + e);
                assertEquals(-1, s.fileno());
                assertTrue(eventually(5_000, () -> fdTarget(fd) == null || !fdTarget(fd).startsWith("socket:")),
                        "fd " + fd + " closed"); // (the JVM may open a file of its own on the number)
                if (peer != null) {
                    peer.close();
                }
            }
        }
        assertEquals(Set.of(), Hygiene.leakedSince(baseline));
    }

    /**
     * The freed number is taken by a file at once: the call that was blocked on the socket must
     * neither read from nor write to the file (its contents and its offset stay as they were).
     */
    @Test
    @Timeout(120)
    void aFreedNumberReusedByAFileIsNeverTouched(@TempDir Path dir) throws Exception {
        byte[] content = pattern(4096, 7);
        int reused = 0;
        for (int round = 0; round < 40; round++) {
            SocketPair p = socketpair(AF_UNIX, SOCK_STREAM);
            SocketType s = p.a();
            int fd = s.fileno();
            boolean sending = round % 2 == 1;
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    if (sending) {
                        s.sendall(new byte[8 << 20]);
                    } else {
                        s.recv(4096);
                    }
                } catch (Throwable e) {
                    outcome.set(e);
                }
            });
            t.start();
            Thread.sleep(50);
            s.close();
            List<RandomAccessFile> files = new ArrayList<>();
            RandomAccessFile mine = null;
            try {
                for (int i = 0; i < 30 && mine == null; i++) { // open files until one has the freed number
                    Path f = dir.resolve("f" + round + "-" + i);
                    Files.write(f, content);
                    RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw");
                    files.add(raf);
                    String target = fdTarget(fd);
                    if (target != null && target.equals(f.toString())) {
                        mine = raf;
                    }
                }
                p.b().sendall(pattern(4096, 9)); // what a stale recv would read (and write to the file)
                p.b().recv_into(new byte[1 << 16], 0, MSG_DONTWAIT);
            } catch (OSError ignored) {
                // the peer is gone (EPIPE) or there was nothing to drain
            } finally {
                t.join(10_000);
                assertFalse(t.isAlive());
                assertTrue(outcome.get() instanceof OSError os && Integer.valueOf(9).equals(os.errno()), String.valueOf(outcome.get()));
                if (mine != null) {
                    reused++;
                    assertEquals(0, mine.getFilePointer(), "the file's offset moved");
                    byte[] now = new byte[content.length + 1];
                    assertEquals(content.length, mine.read(now));
                    assertArrayEquals(content, Arrays.copyOf(now, content.length), "the file was written");
                }
                for (RandomAccessFile raf : files) {
                    raf.close();
                }
                p.b().close();
            }
        }
        assertTrue(reused > 0, "no file ever took a freed number");
    }

    /**
     * A heap array rewritten by another thread while sendall sends it, and a native segment
     * rewritten while recv_into fills it: every byte that arrives is one of the values written
     * (nothing from outside the buffer, no crash), and the length is exact.
     */
    @Test
    @Timeout(120)
    void buffersMutatedDuringACall() throws Exception {
        byte[] data = new byte[4 << 20];
        Arrays.fill(data, (byte) 0x11);
        AtomicBoolean stop = new AtomicBoolean();
        Thread mutator = new Thread(() -> {
            byte v = 0x22;
            while (!stop.get()) {
                for (int i = 0; i < data.length; i += 4096) {
                    data[i] = v;
                }
                v = v == 0x22 ? (byte) 0x11 : 0x22;
            }
        });
        mutator.start();
        SocketPair p = socketpair(AF_UNIX, SOCK_STREAM);
        try (SocketType a = p.a(); SocketType b = p.b(); java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofShared()) {
            b.settimeout(30.0);
            java.lang.foreign.MemorySegment target = arena.allocate(1 << 16);
            Thread sender = new Thread(() -> {
                try {
                    for (int i = 0; i < 4; i++) {
                        a.sendall(data);
                    }
                } catch (OSError e) {
                    throw new AssertionError(e);
                }
            });
            sender.start();
            long total = 0;
            while (total < 4L * data.length) {
                int n = b.recv_into(target, 0, 0);
                assertTrue(n > 0);
                for (int i = 0; i < n; i++) {
                    byte x = target.get(java.lang.foreign.ValueLayout.JAVA_BYTE, i);
                    assertTrue(x == 0x11 || x == 0x22, "byte " + x + " at " + (total + i));
                }
                target.fill((byte) 0x33); // rewritten between calls as well
                total += n;
            }
            sender.join(30_000);
            assertEquals(4L * data.length, total);
        } finally {
            stop.set(true);
            mutator.join(10_000);
        }
    }

    /**
     * Eight threads send datagrams on one socket while eight receive on its peer: every datagram
     * arrives once, intact (a CRC in each), and a final close makes every receiver stop with
     * EBADF; no descriptor is left.
     */
    @Test
    @Timeout(120)
    void manyThreadsOnOneSocket() throws Exception {
        Set<Integer> baseline = Hygiene.openFds();
        SocketPair p = socketpair(AF_UNIX, SOCK_DGRAM);
        SocketType a = p.a();
        SocketType b = p.b();
        int threads = 8;
        int each = 2000;
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            all.add(Thread.ofPlatform().start(() -> {
                try {
                    java.util.SplittableRandom r = new java.util.SplittableRandom(id);
                    for (int i = 0; i < each; i++) {
                        byte[] body = new byte[r.nextInt(8, 2000)];
                        r.nextBytes(body);
                        java.nio.ByteBuffer d = java.nio.ByteBuffer.allocate(16 + body.length);
                        CRC32 crc = new CRC32();
                        crc.update(body);
                        d.putLong(((long) id << 32) | i).putLong(crc.getValue()).put(body);
                        a.sendall(d.array());
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }));
        }
        List<Thread> receivers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            receivers.add(Thread.ofPlatform().start(() -> {
                try {
                    for (;;) {
                        java.nio.ByteBuffer d = java.nio.ByteBuffer.wrap(b.recv(4096));
                        long key = d.getLong();
                        long sum = d.getLong();
                        CRC32 crc = new CRC32();
                        crc.update(d);
                        if (crc.getValue() != sum || !seen.add(key)) {
                            errors.add(new AssertionError("datagram " + Long.toHexString(key) + " corrupt or twice"));
                        }
                    }
                } catch (OSError e) {
                    if (!Integer.valueOf(9).equals(e.errno())) {
                        errors.add(e);
                    }
                }
            }));
        }
        for (Thread t : all) {
            t.join(60_000);
        }
        assertTrue(eventually(30_000, () -> seen.size() == threads * each), "received " + seen.size());
        b.close(); // wakes the receivers, all blocked in recv
        for (Thread t : receivers) {
            t.join(10_000);
            assertFalse(t.isAlive(), "a receiver is still blocked after close");
        }
        a.close();
        assertEquals(List.of(), errors);
        assertEquals(threads * each, new HashSet<>(seen).size());
        assertEquals(Set.of(), Hygiene.leakedSince(baseline));
    }
}
