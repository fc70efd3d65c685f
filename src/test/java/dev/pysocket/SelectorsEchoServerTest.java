// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.selectors.EVENT_READ;
import static dev.pysocket.selectors.EVENT_WRITE;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A one-thread echo server on DefaultSelector serving 1,000 concurrent loopback clients, each
 * exchanging 100 messages; the clients are non-blocking sockets driven by a second selector
 * on the test thread. Nothing may be lost, duplicated or reordered.
 */
class SelectorsEchoServerTest {
    static final int CLIENTS = 1000;
    static final int ROUNDS = 100;
    static final int MSG = 16;

    /** The soft RLIMIT_NOFILE of this process, from /proc/self/limits. */
    static long openFileLimit() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith("Max open files")) {
                String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
            }
        }
        return 1024;
    }

    /** Server state per connection: bytes still to echo back. */
    static final class Pending {
        byte[] out = new byte[0];
    }

    /** Runs the echo server until {@code stop} is set and every connection is gone. */
    static int serve(SocketType listener, AtomicBoolean stop) throws OSError {
        int served = 0;
        try (var sel = selectors.DefaultSelector()) {
            sel.register(listener, EVENT_READ);
            while (!(stop.get() && sel.get_map().size() == 1)) {
                for (var r : sel.select(0.1)) {
                    var key = r.key();
                    if (key.fileobj() == listener) {
                        for (;;) { // accept everything queued
                            Accepted a;
                            try {
                                a = listener.accept();
                            } catch (BlockingIOError e) {
                                break;
                            }
                            a.conn().setblocking(false);
                            sel.register(a.conn(), EVENT_READ, new Pending());
                            served++;
                        }
                        continue;
                    }
                    SocketType conn = (SocketType) key.fileobj();
                    Pending p = (Pending) key.data();
                    if ((r.events() & EVENT_READ) != 0) {
                        byte[] data;
                        try {
                            data = conn.recv(4096);
                        } catch (BlockingIOError e) {
                            continue;
                        }
                        if (data.length == 0) {
                            sel.unregister(conn);
                            conn.close();
                            continue;
                        }
                        p.out = concat(p.out, data);
                    }
                    if (p.out.length > 0) {
                        int n;
                        try {
                            n = conn.send(p.out);
                        } catch (BlockingIOError e) {
                            n = 0;
                        }
                        p.out = Arrays.copyOfRange(p.out, n, p.out.length);
                        int want = p.out.length > 0 ? EVENT_READ | EVENT_WRITE : EVENT_READ;
                        if (want != key.events()) {
                            sel.modify(conn, want, p);
                        }
                    }
                }
            }
        }
        return served;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static byte[] message(int client, int round) {
        byte[] m = String.format("c%04d-m%03d-abcde", client, round).getBytes(StandardCharsets.US_ASCII);
        assertEquals(MSG, m.length);
        return m;
    }

    /** Client state: its number, the round it waits on, what came back so far. */
    static final class Client {
        final int id;
        int round;
        final ByteArrayOutputStream in = new ByteArrayOutputStream();

        Client(int id) {
            this.id = id;
        }
    }

    @Test
    @Timeout(120)
    void thousandClientsHundredMessagesEach() throws Exception {
        long limit = openFileLimit();
        int clients = (int) Math.min(CLIENTS, (limit - 300) / 2);
        System.out.println("echo test: RLIMIT_NOFILE soft limit " + limit + ", clients " + clients);
        assertTrue(clients >= 100, "fd limit too low: " + limit);

        long t0 = System.nanoTime();
        SocketType listener = socket.create_server(new InetAddr("127.0.0.1", 0), socket.AF_INET, 1024, false, false);
        listener.setblocking(false);
        InetAddr addr = (InetAddr) listener.getsockname();
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<Integer> server = new CompletableFuture<>();
        Thread serverThread = new Thread(() -> {
            try {
                server.complete(serve(listener, stop));
            } catch (Throwable e) {
                server.completeExceptionally(e);
            }
        }, "echo-server");
        serverThread.start();

        int done = 0;
        long messages = 0;
        try (listener; var sel = selectors.DefaultSelector()) {
            for (int i = 0; i < clients; i++) {
                SocketType c = socket.socket(socket.AF_INET, socket.SOCK_STREAM);
                c.setblocking(false);
                int err = c.connect_ex(addr);
                assertTrue(err == 0 || err == 115, "connect_ex: " + err); // EINPROGRESS
                sel.register(c, EVENT_WRITE, new Client(i));
            }
            while (done < clients) {
                var ready = sel.select(10.0);
                assertFalse(ready.isEmpty(), "stalled with " + done + " clients done");
                for (var r : ready) {
                    SocketType c = (SocketType) r.key().fileobj();
                    Client st = (Client) r.key().data();
                    if (r.key().events() == EVENT_WRITE) { // connected (or failed)
                        assertEquals(0, c.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR));
                        assertEquals(MSG, c.send(message(st.id, 0)));
                        sel.modify(c, EVENT_READ, st);
                        continue;
                    }
                    byte[] data = c.recv(64);
                    assertTrue(data.length > 0, "server closed client " + st.id);
                    st.in.writeBytes(data);
                    if (st.in.size() < MSG) {
                        continue;
                    }
                    assertEquals(MSG, st.in.size(), "more than one message in flight");
                    assertArrayEquals(message(st.id, st.round), st.in.toByteArray());
                    st.in.reset();
                    messages++;
                    if (++st.round == ROUNDS) {
                        sel.unregister(c);
                        c.close();
                        done++;
                    } else {
                        assertEquals(MSG, c.send(message(st.id, st.round)));
                    }
                }
            }
            stop.set(true);
            assertEquals(clients, server.get(30, TimeUnit.SECONDS));
        } finally {
            stop.set(true);
            serverThread.join(30_000);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("echo test: %d clients x %d messages in %.2f s%n", clients, ROUNDS, seconds);
        assertEquals((long) clients * ROUNDS, messages);
    }
}
