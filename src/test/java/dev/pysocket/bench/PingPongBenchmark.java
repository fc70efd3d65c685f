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
 * Pure call overhead: one thread sends 64 bytes on one end of a connected pair and reads them
 * back from the other end. No thread handoff and no wakeup: each operation is one send(2) and
 * one recv(2) whose data is already there, plus whatever the library adds around them.
 *
 * <p>pysocket: {@code sendall} + {@code recv_into} on a byte[] (copied through the per-thread
 * scratch buffer), a direct ByteBuffer or a native MemorySegment (handed to the kernel as they
 * are), blocking (timeout None)
 * or in timeout mode (settimeout(5.0)). Timeout mode tries the syscall first and waits (poll(2)
 * against the deadline) only on EAGAIN, which never happens here: it should cost what blocking
 * mode costs, and {@link PingPongSyscalls} under {@code strace -f -c} shows the same two syscalls
 * per round trip in both modes. Baseline: a blocking {@code SocketChannel} writing and reading a
 * heap or a direct ByteBuffer.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PingPongBenchmark {
    static final int SIZE = 64;

    @State(Scope.Thread)
    public static class Py {
        @Param({"unix", "tcp"})
        public String transport;
        /** "none": blocking; "5.0": settimeout(5.0). */
        @Param({"none", "5.0"})
        public String timeout;

        SocketType a;
        SocketType b;
        final byte[] out = new byte[SIZE];
        final byte[] in = new byte[SIZE];
        final ByteBuffer outDirect = ByteBuffer.allocateDirect(SIZE);
        final ByteBuffer inDirect = ByteBuffer.allocateDirect(SIZE);
        final MemorySegment outSegment = Arena.ofAuto().allocate(SIZE);
        final MemorySegment inSegment = Arena.ofAuto().allocate(SIZE);

        @Setup(Level.Trial)
        public void setup() throws OSError {
            SocketType[] p = Connect.pysocket(transport);
            a = p[0];
            b = p[1];
            Double t = timeout.equals("none") ? null : Double.valueOf(timeout);
            a.settimeout(t);
            b.settimeout(t);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            Connect.closeAll(a, b);
        }
    }

    @State(Scope.Thread)
    public static class Nio {
        @Param({"unix", "tcp"})
        public String transport;

        SocketChannel a;
        SocketChannel b;
        final ByteBuffer out = ByteBuffer.allocate(SIZE);
        final ByteBuffer in = ByteBuffer.allocate(SIZE);
        final ByteBuffer outDirect = ByteBuffer.allocateDirect(SIZE);
        final ByteBuffer inDirect = ByteBuffer.allocateDirect(SIZE);

        @Setup(Level.Trial)
        public void setup() throws IOException {
            SocketChannel[] p = Connect.nio(transport);
            a = p[0];
            b = p[1];
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            Connect.closeAll(a, b);
        }
    }

    @Benchmark
    public int pysocketBytes(Py s) throws OSError {
        s.a.sendall(s.out);
        int n = s.b.recv_into(s.in);
        while (n < SIZE) { // a stream may split the message (in practice never at 64 bytes)
            n += s.b.recv_into(s.in, SIZE - n, 0);
        }
        return n;
    }

    @Benchmark
    public int pysocketDirect(Py s) throws OSError {
        s.a.sendall(s.outDirect);
        int n = s.b.recv_into(s.inDirect);
        while (n < SIZE) {
            n += s.b.recv_into(s.inDirect, SIZE - n, 0);
        }
        return n;
    }

    @Benchmark
    public int pysocketSegment(Py s) throws OSError {
        s.a.sendall(s.outSegment, 0);
        int n = s.b.recv_into(s.inSegment, 0, 0);
        while (n < SIZE) {
            n += s.b.recv_into(s.inSegment.asSlice(n), SIZE - n, 0);
        }
        return n;
    }

    @Benchmark
    public int nioHeap(Nio s) throws IOException {
        return pingPong(s.a, s.b, s.out, s.in);
    }

    @Benchmark
    public int nioDirect(Nio s) throws IOException {
        return pingPong(s.a, s.b, s.outDirect, s.inDirect);
    }

    static int pingPong(SocketChannel a, SocketChannel b, ByteBuffer out, ByteBuffer in) throws IOException {
        out.clear();
        while (out.hasRemaining()) {
            a.write(out);
        }
        in.clear();
        while (in.hasRemaining()) {
            b.read(in);
        }
        return in.position();
    }
}
