// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.examples;

import static dev.pysocket.socket.*;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.pysocket.InetAddr;
import dev.pysocket.OSError;
import dev.pysocket.SocketType;
import dev.pysocket.TextFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;

/** Chat client: sends each line typed on stdin and prints each line the other clients send. */
public final class ChatClient {
    static void receive(SocketType sock) {
        // Rule: `with sock.makefile('r') as f:` → `try (TextFile f = sock.makefile("r").text())`
        try (TextFile lines = sock.makefile("r").text()) {
            // Rule: `for line in f:` → `for (String line : f)`; the line keeps its '\n', as in Python
            for (String line : lines) {
                System.out.print(line);
            }
        } catch (OSError | java.io.UncheckedIOException e) {
            System.out.println(e);
        }
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        String host = args.get("--host", "127.0.0.1");
        int port = args.getInt("--port", 65432);
        args.check();

        try (SocketType sock = create_connection(new InetAddr(host, port))) {
            Thread receiver = Thread.ofPlatform().start(() -> receive(sock));
            var stdin = new BufferedReader(new InputStreamReader(System.in, UTF_8));
            for (String line; (line = stdin.readLine()) != null; ) {
                sock.sendall((line + "\n").getBytes(UTF_8));
            }
            sock.shutdown(SHUT_WR); // the server sees end of file, closes us, and receive() ends
            receiver.join();
        }
    }
}
