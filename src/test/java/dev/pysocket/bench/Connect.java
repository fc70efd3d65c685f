// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.bench;

import static dev.pysocket.socket.*;

import dev.pysocket.InetAddr;
import dev.pysocket.OSError;
import dev.pysocket.SocketPair;
import dev.pysocket.SocketType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Connected stream pairs for the benchmarks, made the same way for pysocket and for
 * java.nio: "unix" is an AF_UNIX stream connection, "tcp" a TCP connection over 127.0.0.1 with
 * TCP_NODELAY on both ends. Both ends are blocking.
 */
final class Connect {
    private Connect() {
    }

    /** A connected pysocket pair: socketpair(AF_UNIX), or connect+accept over TCP loopback. */
    static SocketType[] pysocket(String transport) throws OSError {
        switch (transport) {
            case "unix" -> {
                SocketPair p = socketpair(AF_UNIX, SOCK_STREAM);
                return new SocketType[] {p.a(), p.b()};
            }
            case "tcp" -> {
                try (SocketType l = socket(AF_INET, SOCK_STREAM)) {
                    l.bind(new InetAddr("127.0.0.1", 0));
                    l.listen(1);
                    SocketType c = socket(AF_INET, SOCK_STREAM);
                    c.connect(l.getsockname());
                    SocketType s = l.accept().conn();
                    for (SocketType x : new SocketType[] {c, s}) {
                        x.setsockopt(IPPROTO_TCP, TCP_NODELAY, 1);
                    }
                    return new SocketType[] {c, s};
                }
            }
            default -> throw new IllegalArgumentException(transport);
        }
    }

    /**
     * A connected java.nio pair. NIO has no socketpair(): AF_UNIX goes through a listener on a
     * temporary path (removed once connected), which yields the same kind of kernel socket.
     */
    static SocketChannel[] nio(String transport) throws IOException {
        switch (transport) {
            case "unix" -> {
                Path dir = Files.createTempDirectory("pysocket-bench");
                Path path = dir.resolve("s");
                try (ServerSocketChannel l = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                    l.bind(UnixDomainSocketAddress.of(path));
                    SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(path));
                    SocketChannel s = l.accept();
                    return new SocketChannel[] {c, s};
                } finally {
                    Files.deleteIfExists(path);
                    Files.deleteIfExists(dir);
                }
            }
            case "tcp" -> {
                try (ServerSocketChannel l = ServerSocketChannel.open()) {
                    l.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                    SocketChannel c = SocketChannel.open(l.getLocalAddress());
                    SocketChannel s = l.accept();
                    for (SocketChannel x : new SocketChannel[] {c, s}) {
                        x.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    }
                    return new SocketChannel[] {c, s};
                }
            }
            default -> throw new IllegalArgumentException(transport);
        }
    }

    /** Closes everything, ignoring errors (benchmark teardown). */
    static void closeAll(AutoCloseable... all) {
        for (AutoCloseable c : all) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // teardown: nothing to report to
                }
            }
        }
    }

    /** Starts a daemon thread. */
    static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
