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
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many virtual threads blocked in {@code recv} (issue 9), pysocket against java.nio in the same
 * JVM. Not JMH: one measurement is one wake-up of thousands of threads, which JMH's iteration
 * model does not fit. Run it in a JVM of its own with
 * {@code -Djdk.virtualThreadScheduler.parallelism=2} ({@code ./pysocket bench --virtual-threads}).
 *
 * <p>Each round and variant: {@code pairs} connected stream pairs, a virtual thread blocked in a
 * 1-byte {@code recv} on <em>each end</em> (2 × pairs threads, one socket each; the fd limit
 * here is 20,000, so 10,000 threads need 5,000 pairs, not 10,000). Once every reader is parked
 * (its {@link Thread.State} is WAITING or TIMED_WAITING, which a thread pinned in a syscall
 * never reaches), it measures
 * <ul>
 *   <li><b>probe</b>: the latency of unrelated virtual threads, start() to the first line of
 *       their run(), median of {@link #PROBES} one after another;
 *   <li><b>wake</b>: the time from the first write until every reader has returned, the main
 *       (platform) thread writing one byte on each end, which wakes the reader of the other end.
 * </ul>
 * Variants: pysocket blocking, pysocket {@code settimeout(30.0)}, NIO blocking
 * {@code SocketChannel}s, and over TCP {@code java.net.Socket} with a 30 s {@code soTimeout}
 * (the JDK's timed wait, the like-for-like baseline of timeout mode); the order is shuffled in every round. It prints each round, then the
 * medians and the pysocket/NIO ratios.
 *
 * <p>Arguments: {@code --rounds R} (default 5), {@code --pairs P} (default 5000),
 * {@code --transport unix|tcp} (default unix), {@code --seed S}.
 */
public final class VirtualThreadsBench {
    static final int PROBES = 21;
    static final long PARK_WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);
    static final long WAKE_WAIT_SECONDS = 60;

    private VirtualThreadsBench() {
    }

    /** One end of a connection, whichever library made it. */
    interface End extends AutoCloseable {
        /** Blocks until one byte arrives; returns how many arrived (1, or 0 at EOF). */
        int recv1() throws Exception;

        /** Sends one byte. */
        void send1() throws Exception;
    }

    /** A way of making ends: a library, a transport, a mode. */
    interface Variant {
        String name();

        /** 2 × pairs ends, end 2i connected to end 2i+1. */
        End[] open(int pairs) throws Exception;
    }

    record PyEnd(SocketType s) implements End {
        static final byte[] ONE = {42};

        @Override
        public int recv1() throws OSError {
            return s.recv(1).length;
        }

        @Override
        public void send1() throws OSError {
            s.sendall(ONE);
        }

        @Override
        public void close() throws OSError {
            s.close();
        }
    }

    record NioEnd(SocketChannel c) implements End {
        @Override
        public int recv1() throws IOException {
            ByteBuffer b = ByteBuffer.allocate(1);
            int n = c.read(b);
            return Math.max(n, 0);
        }

        @Override
        public void send1() throws IOException {
            ByteBuffer b = ByteBuffer.wrap(PyEnd.ONE);
            while (b.hasRemaining()) {
                c.write(b);
            }
        }

        @Override
        public void close() throws IOException {
            c.close();
        }
    }

    record Pysocket(String transport, Double timeout) implements Variant {
        @Override
        public String name() {
            return "pysocket " + (timeout == null ? "blocking" : "settimeout(" + timeout + ")");
        }

        @Override
        public End[] open(int pairs) throws OSError {
            End[] ends = new End[2 * pairs];
            SocketType l = null;
            try {
                if (transport.equals("tcp")) {
                    l = socket(AF_INET, SOCK_STREAM);
                    l.bind(new InetAddr("127.0.0.1", 0));
                    l.listen(128);
                }
                for (int i = 0; i < pairs; i++) {
                    SocketType a;
                    SocketType b;
                    if (l == null) {
                        SocketPair p = socketpair(AF_UNIX, SOCK_STREAM);
                        a = p.a();
                        b = p.b();
                    } else {
                        a = socket(AF_INET, SOCK_STREAM);
                        a.connect(l.getsockname());
                        b = l.accept().conn();
                    }
                    a.settimeout(timeout);
                    b.settimeout(timeout);
                    ends[2 * i] = new PyEnd(a);
                    ends[2 * i + 1] = new PyEnd(b);
                }
                return ends;
            } catch (OSError | RuntimeException e) {
                closeAll(ends);
                throw e;
            } finally {
                if (l != null) {
                    l.close();
                }
            }
        }
    }

    record Nio(String transport) implements Variant {
        @Override
        public String name() {
            return "java.nio blocking";
        }

        @Override
        public End[] open(int pairs) throws IOException {
            End[] ends = new End[2 * pairs];
            Path dir = null;
            Path path = null;
            ServerSocketChannel l;
            java.net.SocketAddress at;
            if (transport.equals("unix")) {
                dir = Files.createTempDirectory("pysocket-bench");
                path = dir.resolve("s");
                l = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                l.bind(UnixDomainSocketAddress.of(path), 128);
            } else {
                l = ServerSocketChannel.open();
                l.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
            }
            try {
                at = l.getLocalAddress();
                for (int i = 0; i < pairs; i++) {
                    ends[2 * i] = new NioEnd(SocketChannel.open(at));
                    ends[2 * i + 1] = new NioEnd(l.accept());
                }
                return ends;
            } catch (IOException | RuntimeException e) {
                closeAll(ends);
                throw e;
            } finally {
                l.close();
                if (path != null) {
                    Files.deleteIfExists(path);
                    Files.deleteIfExists(dir);
                }
            }
        }
    }

    record SocketEnd(java.net.Socket s) implements End {
        @Override
        public int recv1() throws IOException {
            return s.getInputStream().read() < 0 ? 0 : 1;
        }

        @Override
        public void send1() throws IOException {
            s.getOutputStream().write(PyEnd.ONE);
        }

        @Override
        public void close() throws IOException {
            s.close();
        }
    }

    /**
     * The JDK's own timeout mode: {@code java.net.Socket} with {@code setSoTimeout}, whose reads
     * on a virtual thread park on the JDK's poller with a deadline, as pysocket's timeout mode
     * does (SocketChannel has no read timeout). TCP only: java.net.Socket has no AF_UNIX.
     */
    record JavaNetSocket(int timeoutMillis) implements Variant {
        @Override
        public String name() {
            return "java.net.Socket soTimeout " + timeoutMillis / 1000 + " s";
        }

        @Override
        public End[] open(int pairs) throws IOException {
            End[] ends = new End[2 * pairs];
            try (java.net.ServerSocket l = new java.net.ServerSocket(0, 128, InetAddress.getLoopbackAddress())) {
                for (int i = 0; i < pairs; i++) {
                    java.net.Socket a = new java.net.Socket(l.getInetAddress(), l.getLocalPort());
                    ends[2 * i] = new SocketEnd(a);
                    java.net.Socket b = l.accept();
                    ends[2 * i + 1] = new SocketEnd(b);
                    for (java.net.Socket x : new java.net.Socket[] {a, b}) {
                        x.setSoTimeout(timeoutMillis);
                    }
                }
                return ends;
            } catch (IOException | RuntimeException e) {
                closeAll(ends);
                throw e;
            }
        }
    }

    /** One round of one variant. */
    record Result(double wakeMillis, double probeMicros) {
    }

    static Result measure(Variant v, int pairs) throws Exception {
        End[] ends = v.open(pairs);
        try {
            int n = ends.length;
            CountDownLatch done = new CountDownLatch(n);
            AtomicInteger received = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            Thread[] readers = new Thread[n];
            for (int i = 0; i < n; i++) {
                End e = ends[i];
                readers[i] = Thread.ofVirtual().start(() -> {
                    try {
                        received.addAndGet(e.recv1());
                    } catch (Exception x) {
                        if (failed.getAndIncrement() == 0) {
                            x.printStackTrace();
                        }
                    } finally {
                        done.countDown();
                    }
                });
            }
            awaitParked(readers, v);

            double probe = probeMicros();

            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                ends[i ^ 1].send1(); // wakes the reader of end i
            }
            if (!done.await(WAKE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException(v.name() + ": " + done.getCount() + " readers still blocked after "
                        + WAKE_WAIT_SECONDS + " s");
            }
            long t1 = System.nanoTime();
            if (failed.get() != 0 || received.get() != n) {
                throw new IllegalStateException(v.name() + ": " + failed.get() + " failed, " + received.get()
                        + " of " + n + " bytes received");
            }
            return new Result((t1 - t0) / 1e6, probe);
        } finally {
            closeAll(ends);
        }
    }

    /** Waits until every reader is parked; a reader pinned in a blocking syscall stays RUNNABLE. */
    static void awaitParked(Thread[] readers, Variant v) throws InterruptedException {
        long end = System.nanoTime() + PARK_WAIT_NANOS;
        int i = 0;
        while (i < readers.length) {
            Thread.State s = readers[i].getState();
            if (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING) {
                i++;
            } else if (System.nanoTime() > end) {
                throw new IllegalStateException(v.name() + ": reader " + i + " of " + readers.length
                        + " not parked (" + s + ") after " + PARK_WAIT_NANOS / 1_000_000_000 + " s");
            } else {
                Thread.sleep(1);
            }
        }
    }

    /** Median start()-to-run latency of unrelated virtual threads, one after another, in µs. */
    static double probeMicros() throws InterruptedException {
        double[] us = new double[PROBES];
        for (int i = 0; i < PROBES; i++) {
            long[] ran = new long[1];
            long t0 = System.nanoTime();
            Thread t = Thread.ofVirtual().start(() -> ran[0] = System.nanoTime());
            if (!t.join(java.time.Duration.ofSeconds(30))) {
                throw new IllegalStateException("an unrelated virtual thread did not run within 30 s");
            }
            us[i] = (ran[0] - t0) / 1e3;
            Thread.sleep(5);
        }
        return median(us);
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    static void closeAll(End[] ends) {
        for (End e : ends) {
            if (e != null) {
                try {
                    e.close();
                } catch (Exception ignored) {
                    // teardown: nothing to report to
                }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = 5;
        int pairs = 5000;
        String transport = "unix";
        long seed = System.nanoTime();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--pairs" -> pairs = Integer.parseInt(args[++i]);
                case "--transport" -> transport = args[++i];
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("usage: VirtualThreadsBench [--rounds R] [--pairs P] [--transport unix|tcp] [--seed S]");
                    System.exit(2);
                }
            }
        }
        if (!transport.equals("unix") && !transport.equals("tcp")) {
            throw new IllegalArgumentException("transport: unix or tcp, not " + transport);
        }
        System.out.printf(Locale.ROOT, "virtual threads: %d readers (%d %s pairs, both ends), parallelism=%s, "
                        + "%d rounds, seed %d, %s%n", 2 * pairs, pairs, transport,
                System.getProperty("jdk.virtualThreadScheduler.parallelism", "default"), rounds, seed,
                Runtime.version());

        List<Variant> variants = new ArrayList<>(List.of(
                new Pysocket(transport, null), new Pysocket(transport, 30.0), new Nio(transport)));
        if (transport.equals("tcp")) {
            variants.add(new JavaNetSocket(30_000));
        }
        Map<String, List<Result>> results = new LinkedHashMap<>();
        variants.forEach(v -> results.put(v.name(), new ArrayList<>()));
        // one untimed pass of each variant: class loading, JIT, the poller threads
        for (Variant v : variants) {
            measure(v, Math.min(pairs, 500));
        }
        Random random = new Random(seed);
        for (int r = 1; r <= rounds; r++) {
            List<Variant> order = new ArrayList<>(variants);
            Collections.shuffle(order, random);
            for (Variant v : order) {
                System.gc();
                Thread.sleep(200);
                Result res = measure(v, pairs);
                results.get(v.name()).add(res);
                System.out.printf(Locale.ROOT, "round %d  %-32s wake %8.1f ms   probe %9.1f µs%n", r, v.name(),
                        res.wakeMillis(), res.probeMicros());
            }
        }

        System.out.printf(Locale.ROOT, "%n| variant | wake: all %d readers done (ms, median) | probe: unrelated "
                + "virtual thread start→run (µs, median) |%n|---|---|---|%n", 2 * pairs);
        Map<String, double[]> med = new LinkedHashMap<>();
        results.forEach((name, rs) -> {
            double w = median(rs.stream().mapToDouble(Result::wakeMillis).toArray());
            double p = median(rs.stream().mapToDouble(Result::probeMicros).toArray());
            med.put(name, new double[] {w, p});
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f |%n", name, w, p);
        });
        System.out.printf(Locale.ROOT, "%n| ratio | wake | probe |%n|---|---|---|%n");
        for (Variant jdk : variants.subList(2, variants.size())) {
            double[] base = med.get(jdk.name());
            for (Variant v : variants.subList(0, 2)) {
                double[] m = med.get(v.name());
                System.out.printf(Locale.ROOT, "| %s / %s | %.2f | %.2f |%n", v.name(), jdk.name(),
                        m[0] / base[0], m[1] / base[1]);
            }
        }
    }
}
