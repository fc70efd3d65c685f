// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.bench;

import static dev.pysocket.socket.*;

import dev.pysocket.InetAddr;
import dev.pysocket.SocketType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * The first call in a fresh JVM, for {@code ./pysocket bench}: milliseconds from the start of
 * {@code main()} to the first socket (pysocket's {@code socket()} or NIO's
 * {@code SocketChannel.open()}), and to the end of a first loopback round trip (listener,
 * connect, accept, one byte sent and received). Prints the two numbers. One run per JVM: the
 * point is what a program pays once, class loading and binding included.
 *
 * <p>{@code java --enable-native-access=ALL-UNNAMED -cp ... dev.pysocket.bench.FirstCall pysocket|nio}
 */
public final class FirstCall {
    private FirstCall() {
    }

    /**
     * Runs one contender.
     *
     * @param args {@code pysocket} or {@code nio}
     * @throws Exception when a call fails
     */
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        long t1;
        if (args[0].equals("pysocket")) {
            SocketType c = socket(AF_INET, SOCK_STREAM);
            t1 = System.nanoTime();
            try (c; SocketType l = socket(AF_INET, SOCK_STREAM)) {
                l.bind(new InetAddr("127.0.0.1", 0));
                l.listen(1);
                c.connect(l.getsockname());
                try (SocketType s = l.accept().conn()) {
                    c.sendall(new byte[] {1});
                    s.recv(1);
                }
            }
        } else {
            SocketChannel c = SocketChannel.open();
            t1 = System.nanoTime();
            try (c; ServerSocketChannel l = ServerSocketChannel.open()) {
                l.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                c.connect(l.getLocalAddress());
                try (SocketChannel s = l.accept()) {
                    c.write(ByteBuffer.wrap(new byte[] {1}));
                    s.read(ByteBuffer.allocate(1));
                }
            }
        }
        long t2 = System.nanoTime();
        System.out.printf("%.2f %.2f%n", (t1 - t0) / 1e6, (t2 - t0) / 1e6);
    }
}
