// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.examples;

import static dev.pysocket.socket.*;

import dev.pysocket.Accepted;
import dev.pysocket.Address;
import dev.pysocket.ConnectionError;
import dev.pysocket.InetAddr;
import dev.pysocket.OSError;
import dev.pysocket.SocketType;
import java.util.ArrayList;
import java.util.List;

/** Chat server: a thread per client; each message goes to every other connected client. */
public final class ChatServer {
    // Rule: `lock = threading.Lock()` + `with lock:` → `synchronized (list) { ... }` on the shared list
    private static final List<SocketType> clients = new ArrayList<>();

    static void broadcast(byte[] message, SocketType sender) {
        synchronized (clients) {
            for (SocketType client : clients) {
                // Rule: `is not` → `!=` (identity), never `!equals`
                if (client != sender) {
                    try {
                        client.sendall(message);
                    } catch (OSError e) {
                        // a client that went away: its own thread removes it
                    }
                }
            }
        }
    }

    // Rule: a thread body cannot throw the checked OSError → catch it inside the method the thread runs
    static void handle(SocketType conn, Address addr) {
        int left;
        try (conn) {
            while (true) {
                byte[] data;
                try {
                    data = conn.recv(1024);
                } catch (ConnectionError e) {
                    data = new byte[0];
                }
                if (data.length == 0) {
                    break;
                }
                broadcast(data, conn);
            }
            synchronized (clients) {
                clients.remove(conn); // the tutorial forgets this: later broadcasts would hit a closed socket
                left = clients.size();
            }
        } catch (OSError e) {
            System.out.println("Error " + e + " from " + addr);
            return;
        }
        System.out.println("Disconnected " + addr + " (" + left + " left)");
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        String host = args.get("--host", "127.0.0.1");
        int port = args.getInt("--port", 65432);
        args.check();

        try (SocketType server = create_server(new InetAddr(host, port))) {
            InetAddr bound = (InetAddr) server.getsockname();
            System.out.println("Server is listening on " + bound.host() + ":" + bound.port());
            while (true) {
                if (server.accept() instanceof Accepted(SocketType conn, Address addr)) {
                    synchronized (clients) {
                        clients.add(conn);
                    }
                    System.out.println("Connected by " + addr);
                    // Rule: `threading.Thread(target=f, args=(a, b), daemon=True).start()` →
                    // `Thread.ofVirtual().start(() -> f(a, b))`: a virtual thread per client, as cheap
                    // as Python's thread is not; a blocked pysocket call parks it, freeing its carrier.
                    Thread.ofVirtual().start(() -> handle(conn, addr));
                }
            }
        }
    }
}
