// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.socket.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Soak (issue 7): a selectors echo server and a thread-per-connection echo server, each under
 * 1,000 concurrent loopback clients that send messages of random sizes (1 B to 1 MiB, log-uniform),
 * check every echoed byte (CRC32 of what was sent against what came back), and now and then
 * disconnect mid-message and reconnect. Afterwards no descriptor is left open.
 *
 * <p>10 s per server in the default run; {@code -Dpysocket.soak.seconds=N} runs N per server
 * (the long profile), {@code -Dpysocket.soak.clients=N} changes the client count.
 */
class SoakTest {
    private static final int MAX = 1 << 20;

    private final AtomicLong verified = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong disconnects = new AtomicLong();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();

    @Test
    @Timeout(value = 1800, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void echoServersUnderLoad() throws Exception {
        int seconds = Integer.getInteger("pysocket.soak.seconds", 10);
        int clients = Integer.getInteger("pysocket.soak.clients", 1000);
        long seed = Long.getLong("pysocket.soak.seed", System.nanoTime());
        System.out.println("SoakTest seed=" + seed + " clients=" + clients + " seconds per server=" + seconds);
        Set<Integer> baseline = Hygiene.openFds();
        for (boolean selector : new boolean[] {true, false}) {
            long before = verified.get();
            SocketType server = create_server(new InetAddr("127.0.0.1", 0), AF_INET, 1024, false, false);
            int port = ((InetAddr) server.getsockname()).port();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> serverThreads = new CopyOnWriteArrayList<>();
            Thread main = Thread.ofPlatform().name(selector ? "selector-server" : "threaded-server")
                    .start(() -> {
                        try {
                            if (selector) {
                                selectorServer(server, stop);
                            } else {
                                threadedServer(server, stop, serverThreads);
                            }
                        } catch (Throwable e) {
                            if (!stop.get()) {
                                errors.add(e);
                            }
                        }
                    });
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            List<Thread> cs = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                SplittableRandom r = new SplittableRandom(seed * 31 + c + (selector ? 0 : 1_000_003));
                cs.add(Thread.ofPlatform().stackSize(256 << 10).start(() -> client(port, r, end)));
            }
            for (Thread t : cs) {
                t.join(Math.max(1, (end - System.nanoTime()) / 1_000_000) + 120_000);
                assertFalse(t.isAlive(), "a client is stuck");
            }
            stop.set(true);
            server.close(); // wakes the accept loop (EBADF) of the threaded server
            main.join(30_000);
            for (Thread t : serverThreads) {
                t.join(30_000);
            }
            assertFalse(main.isAlive(), "the server did not stop");
            assertEquals(List.of(), errors.subList(0, Math.min(errors.size(), 5)));
            System.out.printf("SoakTest %s server: %d clients, %,d bytes verified%n", selector ? "selector" : "threaded",
                    clients, verified.get() - before);
        }
        System.out.printf("SoakTest: %,d messages, %,d bytes verified, %,d random disconnects, seed %d%n",
                messages.get(), verified.get(), disconnects.get(), seed);
        assertEquals(Set.of(), Hygiene.leakedSince(baseline));
        assertTrue(verified.get() > 0);
    }

    /** One client: connects, sends messages in chunks while draining the echo, checks each one's CRC; reconnects after a disconnect. */
    private void client(int port, SplittableRandom r, long end) {
        byte[] in = new byte[64 << 10];
        while (System.nanoTime() < end && errors.isEmpty()) {
            SocketType s = null;
            try {
                s = create_connection(new InetAddr("127.0.0.1", port), 60.0);
                while (System.nanoTime() < end) {
                    int size = (int) Math.min(MAX, Math.exp(r.nextDouble() * Math.log(MAX)));
                    byte[] msg = new byte[Math.max(1, size)];
                    r.nextBytes(msg);
                    boolean cut = r.nextInt(50) == 0; // a random disconnect, mid-message
                    int cutAt = cut ? r.nextInt(msg.length) : msg.length;
                    CRC32 sent = new CRC32();
                    sent.update(msg, 0, cutAt);
                    CRC32 echoed = new CRC32();
                    long got = 0;
                    int off = 0;
                    while (off < cutAt) {
                        int n = Math.min(cutAt - off, 16 << 10);
                        s.sendall(java.nio.ByteBuffer.wrap(msg, off, n));
                        off += n;
                        s.setblocking(false);
                        got += drain(s, in, echoed, false, cutAt - got);
                    }
                    if (cut) {
                        disconnects.incrementAndGet();
                        break;
                    }
                    while (got < cutAt) {
                        long n = drain(s, in, echoed, true, cutAt - got);
                        if (n == 0) {
                            throw new AssertionError("the server closed mid-echo");
                        }
                        got += n;
                    }
                    if (echoed.getValue() != sent.getValue()) {
                        throw new AssertionError("echo of " + msg.length + " bytes differs");
                    }
                    verified.addAndGet(msg.length);
                    messages.incrementAndGet();
                }
            } catch (Throwable e) {
                errors.add(e);
                return;
            } finally {
                if (s != null) {
                    try {
                        s.close();
                    } catch (OSError e) {
                        errors.add(e);
                    }
                }
            }
        }
    }

    /**
     * Reads what the echo has for us (waiting for some if {@code block}), at most {@code max}
     * bytes, into the CRC. (MSG_DONTWAIT would not do: in timeout mode the call engine, like
     * CPython's, waits for readiness first; so the socket goes non-blocking for the drain.)
     */
    private static long drain(SocketType s, byte[] in, CRC32 crc, boolean block, long max) throws OSError {
        long total = 0;
        try {
            while (total < max) {
                int n;
                try {
                    n = s.recv_into(in, (int) Math.min(in.length, max - total), 0);
                } catch (BlockingIOError e) {
                    break;
                }
                if (n == 0) {
                    break;
                }
                crc.update(in, 0, n);
                total += n;
                if (total > 0 && s.getblocking()) {
                    s.setblocking(false); // got some: take the rest without waiting
                }
            }
        } finally {
            s.settimeout(60.0);
        }
        return total;
    }

    /** A single-threaded echo server on DefaultSelector: non-blocking sockets, one pending-output queue per connection. */
    private static void selectorServer(SocketType server, AtomicBoolean stop) throws Exception {
        server.setblocking(false);
        Map<SocketType, ArrayDeque<byte[]>> pending = new HashMap<>();
        try (selectors.DefaultSelector sel = selectors.DefaultSelector()) {
            sel.register(server, selectors.EVENT_READ, null);
            while (!stop.get()) {
                for (selectors.Ready ready : sel.select(0.2)) {
                    SocketType s = (SocketType) ready.key().fileobj();
                    if (s == server) {
                        try {
                            for (int i = 0; i < 64; i++) {
                                SocketType conn = server.accept().conn();
                                conn.setblocking(false);
                                pending.put(conn, new ArrayDeque<>());
                                sel.register(conn, selectors.EVENT_READ, null);
                            }
                        } catch (BlockingIOError e) {
                            // accepted all there were
                        }
                        continue;
                    }
                    ArrayDeque<byte[]> out = pending.get(s);
                    try {
                        if ((ready.events() & selectors.EVENT_READ) != 0) {
                            byte[] data = s.recv(64 << 10);
                            if (data.length == 0) {
                                throw new ConnectionResetError(104, "closed by the client");
                            }
                            out.add(data);
                        }
                        while (!out.isEmpty()) {
                            byte[] head = out.peek();
                            int n = s.send(head);
                            if (n < head.length) {
                                out.poll();
                                out.addFirst(java.util.Arrays.copyOfRange(head, n, head.length));
                                break;
                            }
                            out.poll();
                        }
                        sel.modify(s, out.isEmpty() ? selectors.EVENT_READ : selectors.EVENT_READ | selectors.EVENT_WRITE, null);
                    } catch (BlockingIOError e) {
                        sel.modify(s, selectors.EVENT_READ | selectors.EVENT_WRITE, null);
                    } catch (OSError e) { // the client went away (a random disconnect, or the end)
                        sel.unregister(s);
                        pending.remove(s);
                        s.close();
                    }
                }
            }
        } finally {
            for (SocketType s : pending.keySet()) {
                s.close();
            }
        }
    }

    /** A thread per connection: blocking recv, sendall. */
    private static void threadedServer(SocketType server, AtomicBoolean stop, List<Thread> threads) throws Exception {
        while (!stop.get()) {
            SocketType conn = server.accept().conn();
            threads.add(Thread.ofPlatform().stackSize(256 << 10).start(() -> {
                try (conn) {
                    for (;;) {
                        byte[] data = conn.recv(64 << 10);
                        if (data.length == 0) {
                            return;
                        }
                        conn.sendall(data);
                    }
                } catch (OSError e) {
                    // the client went away
                }
            }));
        }
    }
}
