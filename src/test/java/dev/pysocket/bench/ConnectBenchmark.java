// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.bench;

import static dev.pysocket.socket.*;

import dev.pysocket.InetAddr;
import dev.pysocket.OSError;
import dev.pysocket.SocketType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Connections per second over TCP loopback: a new socket, {@code SO_LINGER} {1, 0}, connect,
 * accept, close both. The abortive close (RST) leaves no TIME_WAIT behind, so a long run does
 * not exhaust the ephemeral ports; the C and CPython contenders do the same.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class ConnectBenchmark {
    /** struct linger {l_onoff = 1, l_linger = 0}, as CPython's struct.pack('ii', 1, 0). */
    static final byte[] LINGER_RESET = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt(1).putInt(0).array();

    SocketType pyListener;
    InetAddr pyAddress;
    ServerSocketChannel nioListener;
    SocketAddress nioAddress;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        pyListener = socket(AF_INET, SOCK_STREAM);
        pyListener.bind(new InetAddr("127.0.0.1", 0));
        pyListener.listen(128);
        pyAddress = (InetAddr) pyListener.getsockname();
        nioListener = ServerSocketChannel.open();
        nioListener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        nioAddress = nioListener.getLocalAddress();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Connect.closeAll(pyListener, nioListener);
    }

    @Benchmark
    public void pysocket() throws OSError {
        SocketType c = socket(AF_INET, SOCK_STREAM);
        try (c) {
            c.setsockopt(SOL_SOCKET, SO_LINGER, LINGER_RESET);
            c.connect(pyAddress);
            SocketType s = pyListener.accept().conn();
            c.close();
            s.close();
        }
    }

    @Benchmark
    public void nio() throws IOException {
        try (SocketChannel c = SocketChannel.open()) {
            c.setOption(StandardSocketOptions.SO_LINGER, 0);
            c.connect(nioAddress);
            SocketChannel s = nioListener.accept();
            c.close();
            s.close();
        }
    }
}
