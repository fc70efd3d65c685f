// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.bench;

import static dev.pysocket.socket.*;

import dev.pysocket.OSError;
import dev.pysocket.SocketType;
import java.io.IOException;
import java.net.StandardSocketOptions;
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
 * Per-call overhead: one {@code getsockopt(SOL_SOCKET, SO_RCVBUF)} on a connected TCP socket, a
 * syscall that does almost nothing in the kernel, so what is left is the library's cost around
 * it. Baseline: {@code SocketChannel.getOption(SO_RCVBUF)}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class PerCallBenchmark {
    SocketType[] py;
    SocketChannel[] nio;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        py = Connect.pysocket("tcp");
        nio = Connect.nio("tcp");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Connect.closeAll(py);
        Connect.closeAll(nio);
    }

    @Benchmark
    public int pysocket() throws OSError {
        return py[0].getsockopt(SOL_SOCKET, SO_RCVBUF);
    }

    @Benchmark
    public int nio() throws IOException {
        return nio[0].getOption(StandardSocketOptions.SO_RCVBUF);
    }
}
