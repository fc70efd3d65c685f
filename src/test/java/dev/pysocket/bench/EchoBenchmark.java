// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.bench;

import dev.pysocket.OSError;
import dev.pysocket.SocketType;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Round trip: the benchmark thread sends 64 bytes to an echo thread and waits for them to come
 * back. Each operation includes two thread wakeups through the kernel, so it measures latency
 * as an application sees it, in which the library's own cost is a small part. The echo thread
 * uses the same library as the benchmark thread (pysocket echoes for pysocket, NIO for NIO).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EchoBenchmark {
    static final int SIZE = PingPongBenchmark.SIZE;

    @State(Scope.Thread)
    public static class Py {
        @Param({"unix", "tcp"})
        public String transport;

        SocketType client;
        SocketType server;
        Thread echo;
        final byte[] out = new byte[SIZE];
        final byte[] in = new byte[SIZE];
        final ByteBuffer outDirect = ByteBuffer.allocateDirect(SIZE);
        final ByteBuffer inDirect = ByteBuffer.allocateDirect(SIZE);

        @Setup(Level.Trial)
        public void setup() throws OSError {
            SocketType[] p = Connect.pysocket(transport);
            client = p[0];
            server = p[1];
            echo = Connect.daemon("pysocket-echo", () -> {
                MemorySegment buf = Arena.ofAuto().allocate(SIZE);
                try {
                    for (;;) {
                        int n = server.recv_into(buf, 0, 0);
                        if (n == 0) {
                            return;
                        }
                        server.sendall(buf.asSlice(0, n), 0);
                    }
                } catch (OSError e) {
                    // closed at teardown
                }
            });
        }

        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            Connect.closeAll(client);
            echo.join(5000);
            Connect.closeAll(server);
        }
    }

    @State(Scope.Thread)
    public static class Nio {
        @Param({"unix", "tcp"})
        public String transport;

        SocketChannel client;
        SocketChannel server;
        Thread echo;
        final ByteBuffer out = ByteBuffer.allocate(SIZE);
        final ByteBuffer in = ByteBuffer.allocate(SIZE);
        final ByteBuffer outDirect = ByteBuffer.allocateDirect(SIZE);
        final ByteBuffer inDirect = ByteBuffer.allocateDirect(SIZE);

        @Setup(Level.Trial)
        public void setup() throws IOException {
            SocketChannel[] p = Connect.nio(transport);
            client = p[0];
            server = p[1];
            echo = Connect.daemon("nio-echo", () -> {
                ByteBuffer buf = ByteBuffer.allocateDirect(SIZE);
                try {
                    for (;;) {
                        buf.clear();
                        if (server.read(buf) < 0) {
                            return;
                        }
                        buf.flip();
                        while (buf.hasRemaining()) {
                            server.write(buf);
                        }
                    }
                } catch (IOException e) {
                    // closed at teardown
                }
            });
        }

        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            Connect.closeAll(client);
            echo.join(5000);
            Connect.closeAll(server);
        }
    }

    @Benchmark
    public int pysocketBytes(Py s) throws OSError {
        s.client.sendall(s.out);
        int n = 0;
        while (n < SIZE) { // the echo may come back in pieces
            n += s.client.recv_into(s.in, SIZE - n, 0);
        }
        return n;
    }

    @Benchmark
    public int pysocketDirect(Py s) throws OSError {
        s.client.sendall(s.outDirect);
        int n = 0;
        while (n < SIZE) {
            n += s.client.recv_into(s.inDirect, SIZE - n, 0);
        }
        return n;
    }

    @Benchmark
    public int nioHeap(Nio s) throws IOException {
        return PingPongBenchmark.pingPong(s.client, s.client, s.out, s.in);
    }

    @Benchmark
    public int nioDirect(Nio s) throws IOException {
        return PingPongBenchmark.pingPong(s.client, s.client, s.outDirect, s.inDirect);
    }
}
