// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.examples;

import static dev.pysocket.socket.*;

import dev.pysocket.Accepted;
import dev.pysocket.Address;
import dev.pysocket.ConnectionError;
import dev.pysocket.InetAddr;
import dev.pysocket.OSError;
import dev.pysocket.SocketType;
import dev.pysocket.selectors;

/** Chat server on one thread: a selector says which client has a message to broadcast. */
public final class ChatServerSelectors {
    static void broadcast(selectors.BaseSelector sel, byte[] message, SocketType sender) {
        for (selectors.SelectorKey key : sel.get_map().values()) {
            if (key.data() != null && key.fileobj() != sender) {
                try {
                    // Rule: `key.fileobj` is an Object → cast it to what you registered (SocketType)
                    ((SocketType) key.fileobj()).sendall(message);
                } catch (OSError e) {
                    // a client that went away: its end of file removes it
                }
            }
        }
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        String host = args.get("--host", "127.0.0.1");
        int port = args.getInt("--port", 65432);
        args.check();

        try (var sel = selectors.DefaultSelector();
             SocketType server = create_server(new InetAddr(host, port))) {
            InetAddr bound = (InetAddr) server.getsockname();
            System.out.println("Server is listening on " + bound.host() + ":" + bound.port());
            sel.register(server, selectors.EVENT_READ, null);
            while (true) {
                // Rule: `for key, mask in sel.select():` → `for (var ready : sel.select())`, then ready.key(), ready.events()
                for (selectors.Ready ready : sel.select()) {
                    selectors.SelectorKey key = ready.key();
                    if (key.data() == null) {
                        if (server.accept() instanceof Accepted(SocketType conn, Address addr)) {
                            sel.register(conn, selectors.EVENT_READ, addr);
                            System.out.println("Connected by " + addr);
                        }
                        continue;
                    }
                    SocketType conn = (SocketType) key.fileobj();
                    byte[] data;
                    try {
                        data = conn.recv(1024);
                    } catch (ConnectionError e) {
                        data = new byte[0];
                    }
                    if (data.length > 0) {
                        broadcast(sel, data, conn);
                    } else {
                        sel.unregister(conn);
                        conn.close();
                        System.out.println("Disconnected " + key.data() + " (" + (sel.get_map().size() - 1) + " left)");
                    }
                }
            }
        }
    }
}
