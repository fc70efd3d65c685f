package dev.pysocket.examples;

import static dev.pysocket.socket.*;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.pysocket.BlockingIOError;
import dev.pysocket.InetAddr;
import dev.pysocket.OSError;
import dev.pysocket.Py;
import dev.pysocket.SocketType;
import dev.pysocket.select;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/** Non-blocking client: connect_ex without waiting, then send and receive around EWOULDBLOCK. */
public final class NonblockingClient {
    static final int EINPROGRESS = 115; // errno.EINPROGRESS on Linux: pysocket has no errno module yet

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        String host = args.get("--host", "127.0.0.1");
        int port = args.getInt("--port", 65432);
        String text = args.get("--message", "Hello, non-blocking world");
        args.check();

        try (SocketType sock = socket(AF_INET, SOCK_STREAM)) {
            sock.setblocking(false);
            int err = sock.connect_ex(new InetAddr(host, port));
            if (err != 0 && err != EINPROGRESS) {
                // Rule: `raise OSError(err, os.strerror(err))` → no os.strerror and no errno-to-subclass
                // mapping in the public API yet: `new OSError(err, text)` stays a plain OSError
                throw new OSError(err, "connect_ex failed");
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
                    // Rule: `e.errno != socket.errno.EWOULDBLOCK` → `!Integer.valueOf(EWOULDBLOCK).equals(e.errno())`:
                    // errno() is an Integer, null for None, and `e.errno() != EWOULDBLOCK` unboxes it (NullPointerException)
                    if (!Integer.valueOf(EWOULDBLOCK).equals(e.errno())) {
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
