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
 * Bulk throughput: the benchmark thread sends {@code size} bytes per operation (1 MiB, or the
 * 64 KiB of {@code ./pysocket bench}'s comparison; {@code sendall}, or an NIO write loop) to a
 * reader thread that drains the connection with {@code recv_into} a 64 KiB native buffer. Once
 * the socket buffers are full, the sender runs at the pace of the reader, so an operation is
 * the time to move {@code size} bytes end to end (1 MiB: MiB/s = 1e6 / µs/op). The reader uses
 * the same library as the sender.
 *
 * <p>A byte[] above 64 KiB goes through a native buffer from a confined arena made for the
 * call (pysocket) or through NIO's per-thread cached temporary direct buffer (NIO heap).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BulkBenchmark {
    static final int READ_SIZE = 64 * 1024;

    @State(Scope.Thread)
    public static class Py {
        @Param({"unix", "tcp"})
        public String transport;

        @Param({"1048576"})
        public int size;

        SocketType writer;
        SocketType reader;
        Thread drain;
        byte[] data;
        ByteBuffer direct;
        MemorySegment segment;

        @Setup(Level.Trial)
        public void setup() throws OSError {
            data = new byte[size];
            direct = ByteBuffer.allocateDirect(size);
            segment = Arena.ofAuto().allocate(size);
            SocketType[] p = Connect.pysocket(transport);
            writer = p[0];
            reader = p[1];
            drain = Connect.daemon("pysocket-drain", () -> {
                MemorySegment buf = Arena.ofAuto().allocate(READ_SIZE);
                try {
                    while (reader.recv_into(buf, 0, 0) > 0) {
                        // drop the data
                    }
                } catch (OSError e) {
                    // closed at teardown
                }
            });
        }

        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            Connect.closeAll(writer);
            drain.join(5000);
            Connect.closeAll(reader);
        }
    }

    @State(Scope.Thread)
    public static class Nio {
        @Param({"unix", "tcp"})
        public String transport;

        @Param({"1048576"})
        public int size;

        SocketChannel writer;
        SocketChannel reader;
        Thread drain;
        ByteBuffer heap;
        ByteBuffer direct;

        @Setup(Level.Trial)
        public void setup() throws IOException {
            heap = ByteBuffer.allocate(size);
            direct = ByteBuffer.allocateDirect(size);
            SocketChannel[] p = Connect.nio(transport);
            writer = p[0];
            reader = p[1];
            drain = Connect.daemon("nio-drain", () -> {
                ByteBuffer buf = ByteBuffer.allocateDirect(READ_SIZE);
                try {
                    do {
                        buf.clear();
                    } while (reader.read(buf) >= 0);
                } catch (IOException e) {
                    // closed at teardown
                }
            });
        }

        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            Connect.closeAll(writer);
            drain.join(5000);
            Connect.closeAll(reader);
        }
    }

    @Benchmark
    public void pysocketBytes(Py s) throws OSError {
        s.writer.sendall(s.data);
    }

    @Benchmark
    public void pysocketDirect(Py s) throws OSError {
        s.writer.sendall(s.direct);
    }

    @Benchmark
    public void pysocketSegment(Py s) throws OSError {
        s.writer.sendall(s.segment, 0);
    }

    @Benchmark
    public void nioHeap(Nio s) throws IOException {
        writeAll(s.writer, s.heap);
    }

    @Benchmark
    public void nioDirect(Nio s) throws IOException {
        writeAll(s.writer, s.direct);
    }

    private static void writeAll(SocketChannel ch, ByteBuffer buf) throws IOException {
        buf.clear();
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }
}
