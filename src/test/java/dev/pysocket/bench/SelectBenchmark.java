// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.bench;

import static dev.pysocket.socket.*;

import dev.pysocket.OSError;
import dev.pysocket.SocketPair;
import dev.pysocket.SocketType;
import dev.pysocket.select;
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
 * One non-blocking readiness poll of N sockets of which one is readable: both ends of N/2
 * AF_UNIX stream pairs are watched for reading, and one end has a byte that nobody reads. Each
 * poll is followed by a walk over what it reported, as an event loop does. pysocket:
 * {@code select.select(socks, [], [], 0)} (the list is passed every time, as in Python),
 * {@code poll.poll(0)}, {@code epoll.poll(0)} and {@code selectors.DefaultSelector().select(0)}
 * (epoll); baseline: {@code Selector.selectNow()} (epoll too), clearing the selected keys as it
 * must for the next call to report them again. The C and CPython contenders do the same.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SelectBenchmark {
    @State(Scope.Thread)
    public static class Py {
        @Param({"10", "100", "1000"})
        public int n;

        final List<SocketType> sockets = new ArrayList<>();
        final List<SocketType> none = List.of();
        selectors.DefaultSelector selector;
        select.poll poll;
        select.epoll epoll;

        @Setup(Level.Trial)
        public void setup() throws OSError {
            selector = selectors.DefaultSelector();
            poll = select.poll();
            epoll = select.epoll();
            for (int i = 0; i < n / 2; i++) {
                SocketPair p = socketpair(AF_UNIX, SOCK_STREAM);
                sockets.add(p.a());
                sockets.add(p.b());
            }
            for (SocketType s : sockets) {
                selector.register(s, selectors.EVENT_READ);
                poll.register(s, select.POLLIN);
                epoll.register(s, select.EPOLLIN);
            }
            sockets.getLast().sendall(new byte[] {1});
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            Connect.closeAll(selector, epoll);
            Connect.closeAll(sockets.toArray(AutoCloseable[]::new));
        }
    }

    @State(Scope.Thread)
    public static class Nio {
        @Param({"10", "100", "1000"})
        public int n;

        final List<SocketChannel> channels = new ArrayList<>();
        Selector selector;

        @Setup(Level.Trial)
        public void setup() throws IOException {
            selector = Selector.open();
            for (int i = 0; i < n / 2; i++) {
                SocketChannel[] p = Connect.nio("unix");
                channels.add(p[0]);
                channels.add(p[1]);
            }
            for (SocketChannel c : channels) {
                c.configureBlocking(false);
                c.register(selector, SelectionKey.OP_READ);
            }
            channels.getLast().write(ByteBuffer.wrap(new byte[] {1}));
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
        for (Object r : select.select(s.sockets, s.none, s.none, 0.0).rlist()) {
            sum += r.hashCode();
        }
        return sum;
    }

    @Benchmark
    public int pysocketPoll(Py s) throws OSError {
        int sum = 0;
        for (select.PollEvent e : s.poll.poll(0L)) {
            sum += e.events();
        }
        return sum;
    }

    @Benchmark
    public int pysocketEpoll(Py s) throws OSError {
        int sum = 0;
        for (select.EpollEvent e : s.epoll.poll(0L)) {
            sum += (int) e.events();
        }
        return sum;
    }

    @Benchmark
    public int pysocketSelector(Py s) throws OSError {
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
