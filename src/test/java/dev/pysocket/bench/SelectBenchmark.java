package dev.pysocket.bench;

import static dev.pysocket.socket.*;

import dev.pysocket.OSError;
import dev.pysocket.SocketPair;
import dev.pysocket.SocketType;
import dev.pysocket.selectors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
 * One non-blocking poll of N registered AF_UNIX stream sockets that are all readable (their
 * peer wrote one byte that nobody reads): {@code selectors.DefaultSelector().select(0)} (epoll)
 * against {@code Selector.selectNow()} (epoll too), each followed by a walk over what it
 * reported, as an event loop does. The NIO loop clears the selected-key set, as it must for
 * the next selectNow() to report the keys again.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SelectBenchmark {
    @State(Scope.Thread)
    public static class Py {
        @Param({"100"})
        public int n;

        final List<SocketType> sockets = new ArrayList<>();
        selectors.DefaultSelector selector;

        @Setup(Level.Trial)
        public void setup() throws OSError {
            selector = selectors.DefaultSelector();
            for (int i = 0; i < n; i++) {
                SocketPair p = socketpair(AF_UNIX, SOCK_STREAM);
                sockets.add(p.a());
                sockets.add(p.b());
                p.b().sendall(new byte[] {1});
                selector.register(p.a(), selectors.EVENT_READ);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            Connect.closeAll(selector);
            Connect.closeAll(sockets.toArray(AutoCloseable[]::new));
        }
    }

    @State(Scope.Thread)
    public static class Nio {
        @Param({"100"})
        public int n;

        final List<SocketChannel> channels = new ArrayList<>();
        Selector selector;

        @Setup(Level.Trial)
        public void setup() throws IOException {
            selector = Selector.open();
            for (int i = 0; i < n; i++) {
                SocketChannel[] p = Connect.nio("unix");
                channels.add(p[0]);
                channels.add(p[1]);
                p[1].write(ByteBuffer.wrap(new byte[] {1}));
                p[0].configureBlocking(false);
                p[0].register(selector, SelectionKey.OP_READ);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            Connect.closeAll(selector);
            Connect.closeAll(channels.toArray(AutoCloseable[]::new));
        }
    }

    @Benchmark
    public int pysocketSelect(Py s) throws OSError {
        int sum = 0;
        for (selectors.Ready r : s.selector.select(0)) {
            sum += r.events();
        }
        return sum;
    }

    @Benchmark
    public int nioSelectNow(Nio s) throws IOException {
        s.selector.selectNow();
        int sum = 0;
        Iterator<SelectionKey> it = s.selector.selectedKeys().iterator();
        while (it.hasNext()) {
            sum += it.next().readyOps();
            it.remove();
        }
        return sum;
    }
}
