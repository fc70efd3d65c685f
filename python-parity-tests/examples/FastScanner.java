// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.examples;

import static dev.pysocket.socket.*;

import dev.pysocket.InetAddr;
import dev.pysocket.OSError;
import dev.pysocket.SocketType;
import dev.pysocket.errno;
import dev.pysocket.selectors;
import java.util.ArrayList;
import java.util.List;

/** Fast port scanner: many non-blocking connect_ex at once, their completions from a selector. */
public final class FastScanner {
    static boolean connected(SocketType sock) throws OSError {
        // A connect to 127.0.0.1 can meet itself when the kernel picks the same local port.
        // Rule: `a != b` on tuples compares values → `!a.equals(b)` on the address records
        return sock.getsockopt(SOL_SOCKET, SO_ERROR) == 0 && !sock.getsockname().equals(sock.getpeername());
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        String host = args.get("--host", "127.0.0.1");
        String spec = args.get("--ports", "1-65535");
        int batch = args.getInt("--batch", 1000);
        args.check();

        long start = System.nanoTime();
        List<Integer> ports = PortScanner.parsePorts(spec);
        List<Integer> openPorts = new ArrayList<>();
        try (var sel = selectors.DefaultSelector()) {
            int nextPort = 0;
            while (nextPort < ports.size() || !sel.get_map().isEmpty()) {
                while (nextPort < ports.size() && sel.get_map().size() < batch) {
                    int port = ports.get(nextPort);
                    nextPort += 1;
                    SocketType sock = socket(AF_INET, SOCK_STREAM);
                    sock.setblocking(false);
                    int err = sock.connect_ex(new InetAddr(host, port));
                    // Rule: `import errno` … `errno.EINPROGRESS` → `import dev.pysocket.errno;` … `errno.EINPROGRESS`
                    if (err == errno.EINPROGRESS) {
                        sel.register(sock, selectors.EVENT_WRITE, port);
                        continue;
                    }
                    if (err == 0 && connected(sock)) {
                        openPorts.add(port);
                    }
                    sock.close();
                }
                List<selectors.Ready> ready = sel.select(0.5);
                if (ready.isEmpty()) { // nothing answered in 0.5 s: the rest are filtered
                    ready = sel.get_map().values().stream().map(key -> new selectors.Ready(key, 0)).toList();
                }
                for (selectors.Ready r : ready) {
                    SocketType sock = (SocketType) r.key().fileobj();
                    if (r.events() != 0 && connected(sock)) {
                        openPorts.add((Integer) r.key().data());
                    }
                    sel.unregister(sock);
                    sock.close();
                }
            }
        }
        openPorts.sort(null);
        for (int port : openPorts) {
            System.out.println(host + ":" + port + " is open");
        }
        // Rule: `f'{x:.2f}'` → String.format("%.2f", x) (Locale.ROOT, or a comma may appear)
        System.out.println("Scanned " + ports.size() + " ports in "
                + String.format(java.util.Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e9) + " s");
    }
}
