// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.examples;

import static dev.pysocket.socket.*;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.pysocket.InetAddr;
import dev.pysocket.Py;
import dev.pysocket.SocketType;
import dev.pysocket.TimeoutError;
import dev.pysocket.select;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Select client: connects to several servers and reads from whichever is ready (select.select). */
public final class SelectClient {
    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        String host = args.get("--host", "127.0.0.1");
        String ports = args.get("--ports", "65432,65433,65434");
        args.check();

        // Rule: a dict keyed by socket → a HashMap: SocketType keeps identity equality, as Python's socket does
        Map<SocketType, String> names = new HashMap<>();
        Map<SocketType, ByteArrayOutputStream> received = new HashMap<>();
        String[] portList = ports.split(",");
        for (int i = 0; i < portList.length; i++) {
            SocketType sock = create_connection(new InetAddr(host, Integer.parseInt(portList[i])), 10.0);
            sock.sendall(("message " + i).getBytes(UTF_8));
            sock.shutdown(SHUT_WR);
            names.put(sock, "server " + i);
            received.put(sock, new ByteArrayOutputStream());
        }

        List<SocketType> waiting = new ArrayList<>(names.keySet());
        while (!waiting.isEmpty()) {
            // Rule: `r, w, x = select.select(...)` → a Selected record: .rlist(), .wlist(), .xlist(); its lists are List<?>
            select.Selected ready = select.select(waiting, List.of(), List.of(), 10.0);
            if (ready.rlist().isEmpty()) {
                throw new TimeoutError("no server answered in 10 s");
            }
            for (Object readable : ready.rlist()) {
                SocketType sock = (SocketType) readable;
                byte[] data = sock.recv(1024);
                if (data.length > 0) {
                    received.get(sock).writeBytes(data);
                } else {
                    System.out.println(names.get(sock) + " sent " + Py.repr(received.get(sock).toByteArray()));
                    waiting.remove(sock);
                    sock.close();
                }
            }
        }
    }
}
