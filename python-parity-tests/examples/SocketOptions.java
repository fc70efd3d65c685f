// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.examples;

import static dev.pysocket.socket.*;

import dev.pysocket.Py;
import dev.pysocket.SocketType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Socket options: sets common options and the three timeouts, and prints what the kernel reports. */
public final class SocketOptions {
    // Rule: `struct.pack('ll', a, b)` → a ByteBuffer in native order (C's layout), putLong twice
    static byte[] timeval(long seconds, long micros) {
        return ByteBuffer.allocate(16).order(ByteOrder.nativeOrder()).putLong(seconds).putLong(micros).array();
    }

    // Rule: `struct.unpack('ll', b)` → ByteBuffer.wrap(b).order(ByteOrder.nativeOrder()), getLong twice; Py.tuple prints it
    static String untimeval(byte[] packed) {
        ByteBuffer b = ByteBuffer.wrap(packed).order(ByteOrder.nativeOrder());
        return Py.tuple(b.getLong(), b.getLong());
    }

    public static void main(String[] argv) throws Exception {
        Args.parse(argv).check();
        try (SocketType sock = socket(AF_INET, SOCK_STREAM)) {
            // Rule: `print(sock.type)` prints 1 in Python 3.11 (an IntEnum's str is its int) → `sock.type().value()`;
            // the record's toString() is the repr, `<SocketKind.SOCK_STREAM: 1>`
            System.out.println("family " + sock.family().value() + " " + sock.family());
            System.out.println("type " + sock.type().value() + " " + sock.type());

            sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
            System.out.println("SO_REUSEADDR " + sock.getsockopt(SOL_SOCKET, SO_REUSEADDR));
            sock.setsockopt(SOL_SOCKET, SO_KEEPALIVE, 1);
            System.out.println("SO_KEEPALIVE " + sock.getsockopt(SOL_SOCKET, SO_KEEPALIVE));
            sock.setsockopt(IPPROTO_TCP, TCP_NODELAY, 1);
            System.out.println("TCP_NODELAY " + sock.getsockopt(IPPROTO_TCP, TCP_NODELAY));
            sock.setsockopt(SOL_SOCKET, SO_SNDBUF, 65536);
            System.out.println("SO_SNDBUF " + sock.getsockopt(SOL_SOCKET, SO_SNDBUF) + " (Linux doubles it)");
            sock.setsockopt(SOL_SOCKET, SO_RCVBUF, 65536);
            System.out.println("SO_RCVBUF " + sock.getsockopt(SOL_SOCKET, SO_RCVBUF) + " (Linux doubles it)");

            // The three timeouts: Python's own (settimeout), and the kernel's SO_RCVTIMEO and SO_SNDTIMEO,
            // which take a struct timeval (seconds, microseconds).
            sock.settimeout(2.5);
            // Rule: `print(True)` → Py.repr(true) prints True (Java's own is true)
            System.out.println("timeout " + sock.gettimeout() + " blocking " + Py.repr(sock.getblocking()));
            sock.setsockopt(SOL_SOCKET, SO_RCVTIMEO, timeval(3, 500000));
            System.out.println("SO_RCVTIMEO " + untimeval(sock.getsockopt(SOL_SOCKET, SO_RCVTIMEO, 16)));
            sock.setsockopt(SOL_SOCKET, SO_SNDTIMEO, timeval(4, 0));
            System.out.println("SO_SNDTIMEO " + untimeval(sock.getsockopt(SOL_SOCKET, SO_SNDTIMEO, 16)));
        }
    }
}
