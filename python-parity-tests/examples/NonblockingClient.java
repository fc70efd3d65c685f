// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.examples;

import static dev.pysocket.socket.*;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.pysocket.BlockingIOError;
import dev.pysocket.InetAddr;
import dev.pysocket.OSError;
import dev.pysocket.Py;
import dev.pysocket.SocketType;
import dev.pysocket.errno;
import dev.pysocket.select;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/** Non-blocking client: connect_ex without waiting, then send and receive around EWOULDBLOCK. */
public final class NonblockingClient {
    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        String host = args.get("--host", "127.0.0.1");
        int port = args.getInt("--port", 65432);
        String text = args.get("--message", "Hello, non-blocking world");
        args.check();

        try (SocketType sock = socket(AF_INET, SOCK_STREAM)) {
            sock.setblocking(false);
            int err = sock.connect_ex(new InetAddr(host, port));
            // Rule: `socket.errno.EINPROGRESS` → `errno.EINPROGRESS` (the module class dev.pysocket.errno)
            if (err != 0 && err != errno.EINPROGRESS) {
                // Rule: `raise OSError(err, os.strerror(err))` → `throw OSError.of(err, errno.strerror(err))`:
                // OSError.of picks the subclass CPython picks (ConnectionRefusedError for 111)
                throw OSError.of(err, errno.strerror(err));
            }
            select.select(List.of(), List.of(sock), List.of(), 10.0); // writable once the handshake is done
            err = sock.getsockopt(SOL_SOCKET, SO_ERROR);
            if (err != 0) {
                throw new OSError(err, "connect failed");
            }
            System.out.println("Connected to " + sock.getpeername());

            byte[] message = text.getBytes(UTF_8);
            while (message.length > 0) {
                int sent;
                try {
                    sent = sock.send(message);
                } catch (BlockingIOError e) {
                    select.select(List.of(), List.of(sock), List.of(), 10.0);
                    continue;
                }
                // Rule: `message[sent:]` → Arrays.copyOfRange(message, sent, message.length)
                message = Arrays.copyOfRange(message, sent, message.length);
            }
            sock.shutdown(SHUT_WR);

            var received = new ByteArrayOutputStream();
            while (true) {
                byte[] data;
                try {
                    data = sock.recv(1024);
                } catch (OSError e) {
                    // Rule: `e.errno != socket.errno.EWOULDBLOCK` → `!e.is(errno.EWOULDBLOCK)`: is() is false
                    // when errno is None (a timeout), where `e.errno() != ...` would unbox null
                    if (!e.is(errno.EWOULDBLOCK)) {
                        throw e;
                    }
                    select.select(List.of(sock), List.of(), List.of(), 10.0); // nothing yet: wait until readable
                    continue;
                }
                if (data.length == 0) {
                    break;
                }
                received.writeBytes(data);
            }
            System.out.println("Received " + Py.repr(received.toByteArray()));
        }
    }
}
