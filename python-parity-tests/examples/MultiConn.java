// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.examples;

import static dev.pysocket.socket.*;

import dev.pysocket.Accepted;
import dev.pysocket.InetAddr;
import dev.pysocket.OSError;
import dev.pysocket.SocketType;
import dev.pysocket.selectors;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The "multiple connections" client of Python's socket tutorial: one client connects to three
 * local servers and reads from whichever is ready, with a selector instead of threads. Python:
 * <pre>
 * sel = selectors.DefaultSelector()
 * for i, addr in enumerate(servers):
 *     sock = socket.create_connection(addr)
 *     sock.setblocking(False)
 *     sel.register(sock, selectors.EVENT_READ, data=[i, b''])
 * while sel.get_map():
 *     for key, mask in sel.select(timeout=5):
 *         data = key.fileobj.recv(1024)
 *         if data:
 *             key.data[1] += data
 *         else:
 *             print(f'server {key.data[0]}: {key.data[1].decode()}')
 *             sel.unregister(key.fileobj)
 *             key.fileobj.close()
 * </pre>
 * {@link #main} starts three servers that answer after different delays, so the replies come
 * in another order than the connections were made.
 */
public final class MultiConn {
    private MultiConn() {
    }

    /** What the client keeps per connection: the server's number and the bytes so far. */
    private record Conn(int index, ByteArrayOutputStream received) {
    }

    /**
     * Connects to every server, reads each one's whole reply from whichever is ready, and
     * returns {@code "server <i>: <reply>"} lines in the order the replies completed.
     *
     * @param timeoutSeconds how long one select() may wait before the client gives up
     */
    public static List<String> run(List<InetAddr> servers, double timeoutSeconds) throws OSError {
        List<String> lines = new ArrayList<>();
        try (var sel = selectors.DefaultSelector()) {
            for (int i = 0; i < servers.size(); i++) {
                SocketType sock = create_connection(servers.get(i));
                sock.setblocking(false);
                sel.register(sock, selectors.EVENT_READ, new Conn(i, new ByteArrayOutputStream()));
            }
            while (!sel.get_map().isEmpty()) {
                var ready = sel.select(timeoutSeconds);
                if (ready.isEmpty()) {
                    throw new dev.pysocket.TimeoutError("no server answered in " + timeoutSeconds + " s");
                }
                for (var r : ready) {
                    SocketType sock = (SocketType) r.key().fileobj();
                    Conn conn = (Conn) r.key().data();
                    byte[] data = sock.recv(1024);
                    if (data.length > 0) {
                        conn.received().writeBytes(data);
                    } else {
                        lines.add("server " + conn.index() + ": " + conn.received());
                        sel.unregister(sock);
                        sock.close();
                    }
                }
            }
        }
        return lines;
    }

    /**
     * Starts a one-shot server on 127.0.0.1 (an ephemeral port) that accepts one client,
     * waits {@code delayMillis}, sends {@code reply} and closes. Returns its address; the
     * server runs on a daemon thread.
     */
    public static InetAddr startServer(String reply, long delayMillis) throws OSError {
        SocketType srv = create_server(new InetAddr("127.0.0.1", 0));
        InetAddr addr = (InetAddr) srv.getsockname();
        Thread t = new Thread(() -> {
            try (srv) {
                Accepted a = srv.accept();
                try (SocketType conn = a.conn()) {
                    Thread.sleep(delayMillis);
                    conn.sendall(reply.getBytes());
                }
            } catch (OSError | InterruptedException e) {
                System.err.println("server: " + e);
            }
        }, "multiconn-server-" + addr.port());
        t.setDaemon(true);
        t.start();
        return addr;
    }

    /** Three servers answering after 600, 100 and 350 ms; prints the replies as they come. */
    public static void main(String[] args) throws Exception {
        List<InetAddr> servers = List.of(
                startServer("slow hello", 600),
                startServer("quick hello", 100),
                startServer("middle hello", 350));
        for (String line : run(servers, 5.0)) {
            System.out.println(line);
        }
    }
}
