// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.socket.*;
import static org.junit.jupiter.api.Assertions.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Randomized hostile use of the whole public API (issue 7): families, types, malformed addresses,
 * option levels/names/values/lengths, every buffer kind (closed arenas, another thread's confined
 * segments, read-only views, buffers whose position another thread keeps moving), flags,
 * timeouts, closed, detached and foreign descriptors, null.
 *
 * <p>Allowed outcomes: a value, or a Python-named exception ({@link #PYTHON}). Anything else
 * fails, as does a call that runs past {@link #HANG_NANOS}, a descriptor left open after a round
 * ({@code /proc/self/fd} back to its baseline), or resident memory that keeps growing over the
 * rounds.
 *
 * <p>Seeded: the seed is printed; {@code -Dpysocket.fuzz.seed=N} replays it.
 * {@code -Dpysocket.fuzz.calls=N} sets the number of calls (default 100,000; the long profile
 * passes millions). Every socket is non-blocking or has a timeout of at most 20 ms, and every
 * wait has a descriptor that is always ready, so no call may legitimately wait long.
 */
class FuzzTest {
    static final List<Class<? extends Throwable>> PYTHON = List.of(OSError.class, ValueError.class, TypeError.class,
            OverflowError.class, KeyError.class, RuntimeError.class, ExceptionGroup.class, MemoryError.class,
            AttributeError.class);
    private static final long HANG_NANOS = 10_000_000_000L;
    private static final int ROUNDS = 5;

    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private SplittableRandom rnd;
    private final List<SocketType> socks = new ArrayList<>();
    private final List<Integer> ownedFds = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final List<ByteBuffer> racing = new CopyOnWriteArrayList<>();
    private Path dir;
    private MemorySegment closedSegment;
    private MemorySegment foreignSegment;
    private SocketType listener;
    private int listenPort;
    private SocketType spare; // always writable: keeps every wait short
    private volatile String current = "";
    private volatile long currentStart;

    @Test
    @Timeout(value = 170, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void randomizedHostileCalls() throws Exception {
        long seed = Long.getLong("pysocket.fuzz.seed", System.nanoTime());
        int calls = Integer.getInteger("pysocket.fuzz.calls", 100_000);
        System.out.println("FuzzTest seed=" + seed + " calls=" + calls + " (replay: -Dpysocket.fuzz.seed=" + seed + ")");
        rnd = new SplittableRandom(seed);
        dir = Files.createTempDirectory("pysocket-fuzz");
        Arena gone = Arena.ofShared();
        closedSegment = gone.allocate(64);
        gone.close();
        AtomicReference<MemorySegment> foreign = new AtomicReference<>();
        Thread owner = new Thread(() -> foreign.set(Arena.ofConfined().allocate(64))); // never closed: tiny
        owner.start();
        owner.join();
        foreignSegment = foreign.get();

        AtomicBoolean stop = new AtomicBoolean();
        Thread mover = new Thread(() -> { // moves the positions of racing buffers while calls use them
            SplittableRandom r = new SplittableRandom(seed + 1);
            while (!stop.get()) {
                for (ByteBuffer b : racing) {
                    try {
                        b.position(r.nextInt(b.limit() + 1));
                    } catch (RuntimeException ignored) {
                        // a limit moved by the fuzzer under us
                    }
                }
                Thread.onSpinWait();
            }
        });
        mover.setDaemon(true);
        mover.start();
        Thread watchdog = new Thread(() -> {
            while (!stop.get()) {
                long t = currentStart;
                if (t != 0 && System.nanoTime() - t > HANG_NANOS) {
                    synchronized (failures) {
                        failures.add("hang: " + current);
                    }
                    return;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watchdog.setDaemon(true);
        watchdog.start();

        Double defaultTimeout = getdefaulttimeout();
        Set<Integer> baseline = Hygiene.openFds();
        long[] rss = new long[ROUNDS];
        long start = System.nanoTime();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                setUp();
                for (int i = 0; i < calls / ROUNDS; i++) {
                    step();
                }
                tearDown();
                setdefaulttimeout(defaultTimeout);
                Set<String> leaked = Hygiene.leakedSince(baseline);
                assertEquals(Set.of(), leaked, "descriptors left open after round " + round + " (seed " + seed + ")");
                rss[round] = Hygiene.rss();
                synchronized (failures) {
                    assertEquals(List.of(), failures, "seed " + seed);
                }
            }
        } finally {
            stop.set(true);
            setdefaulttimeout(defaultTimeout);
            tearDown();
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
        double secs = (System.nanoTime() - start) / 1e9;
        int total = outcomes.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("FuzzTest: %d calls in %.1f s, seed %d, rss per round (MiB) %s%n", total, secs, seed,
                java.util.Arrays.stream(rss).map(r -> r >> 20).boxed().toList());
        System.out.println("FuzzTest outcomes: " + outcomes);
        assertTrue(total >= calls, "calls made: " + total);
        long growth = rss[ROUNDS - 1] - rss[1];
        assertTrue(growth < 128L << 20, "resident memory grew by " + (growth >> 20) + " MiB from round 1 to the last");
    }

    // ---- the pool of objects calls are made on -------------------------------------------------

    private void setUp() throws Exception {
        listener = socket(AF_INET, SOCK_STREAM);
        listener.bind(new InetAddr("127.0.0.1", 0));
        listener.listen(64);
        listener.setblocking(false);
        listenPort = ((InetAddr) listener.getsockname()).port();
        spare = socket(AF_INET, SOCK_DGRAM);
        spare.setblocking(false);
        socks.add(listener);
        socks.add(spare);
        for (int i = 0; i < 6; i++) {
            newSocket();
        }
    }

    private void tearDown() throws Exception {
        for (SocketType s : socks) {
            try {
                s.close();
            } catch (OSError ignored) {
                // closing is what matters
            }
        }
        socks.clear();
        for (int fd : ownedFds) {
            try {
                socket.close(fd);
            } catch (OSError ignored) {
                // already closed by the call under test, which then said so
            }
        }
        ownedFds.clear();
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception ignored) {
                // as above
            }
        }
        closeables.clear();
        racing.clear();
    }

    private static final int[] FAMILIES = {AF_INET, AF_INET6, AF_UNIX, AF_UNSPEC, AF_PACKET, AF_NETLINK, -1, 12345};
    private static final int[] TYPES = {SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET, SOCK_RAW, SOCK_STREAM | SOCK_NONBLOCK,
        SOCK_DGRAM | SOCK_CLOEXEC, -1, 999};

    /** A new socket of a random kind, a socketpair, an accepted connection, or a connected client. */
    private void newSocket() throws Exception {
        switch (rnd.nextInt(5)) {
            case 0 -> {
                SocketPair p = socketpair(AF_UNIX, pick(new int[] {SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET}));
                keep(p.a());
                keep(p.b());
            }
            case 1 -> {
                SocketType c = socket(AF_INET, SOCK_STREAM);
                keep(c);
                c.connect_ex(new InetAddr("127.0.0.1", listenPort));
                try {
                    keep(listener.accept().conn());
                } catch (OSError ignored) {
                    // not yet in the queue, or the listener was closed by a call under test
                }
            }
            default -> {
                int family = pick(new int[] {AF_INET, AF_INET6, AF_UNIX});
                int type = pick(new int[] {SOCK_STREAM, SOCK_DGRAM});
                keep(socket(family, type));
            }
        }
    }

    private void keep(SocketType s) throws OSError {
        s.setblocking(false);
        socks.add(s);
    }

    private SocketType anySocket() {
        return socks.get(rnd.nextInt(socks.size()));
    }

    private int pick(int[] values) {
        return values[rnd.nextInt(values.length)];
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[rnd.nextInt(values.length)];
    }

    // ---- random arguments ----------------------------------------------------------------------

    private int size() {
        return switch (rnd.nextInt(10)) {
            case 0 -> 0;
            case 1 -> rnd.nextInt(-3, 0) == -3 ? Integer.MIN_VALUE : -1;
            case 2 -> rnd.nextInt(65_536, 1 << 20);
            case 3 -> pick(new int[] {Integer.MAX_VALUE, 65_536, 65_535, 1 << 20});
            default -> rnd.nextInt(1, 4096);
        };
    }

    private int port() {
        return switch (rnd.nextInt(8)) {
            case 0 -> -1;
            case 1 -> 65_536;
            case 2 -> pick(new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE, 65_535});
            case 3, 4 -> listenPort;
            default -> 0;
        };
    }

    private String host() {
        // Only names that resolve without DNS (numeric, /etc/hosts, refused before any query):
        // the tests talk to loopback only.
        return pick("127.0.0.1", "::1", "0.0.0.0", "", "localhost", "<broadcast>", "127.0.0.1\0evil", null,
                "::ffff:127.0.0.1", "::1%lo", "x".repeat(300), "127.1", "::");
    }

    private Address address() {
        int n = rnd.nextInt(10);
        switch (n) {
            case 0:
                return null;
            case 1, 2:
                return new InetAddr(host(), port());
            case 3:
                return new Inet6Addr(host(), port(), rnd.nextLong(-2, 1 << 21), rnd.nextLong(-2, 3));
            case 4:
                return new RawAddr(pick(FAMILIES), rnd.nextBoolean() ? null : bytes(rnd.nextInt(0, 200)));
            default:
                byte[] path = switch (rnd.nextInt(5)) {
                    case 0 -> new byte[0];
                    case 1 -> ("\0pysocket-fuzz-" + rnd.nextInt(50)).getBytes();
                    case 2 -> bytes(rnd.nextInt(100, 120));
                    case 3 -> "with\0nul".getBytes();
                    default -> dir.resolve("s" + rnd.nextInt(50)).toString().getBytes();
                };
                try {
                    return rnd.nextBoolean() ? new UnixAddr(path) : new UnixAddr(rnd.nextBoolean() ? null : new String(path));
                } catch (TypeError e) {
                    return null;
                }
        }
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) rnd.nextInt();
        }
        return b;
    }

    private int flags() {
        return switch (rnd.nextInt(6)) {
            case 0 -> rnd.nextInt();
            case 1 -> pick(new int[] {MSG_PEEK, MSG_TRUNC, MSG_OOB, MSG_WAITALL, MSG_DONTWAIT, MSG_ERRQUEUE, MSG_CTRUNC});
            case 2 -> MSG_PEEK | MSG_TRUNC;
            default -> 0;
        };
    }

    private Double timeout() {
        return pick(Double.NaN, -1.0, -0.0, 0.0, 1e300, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, null, 0.001,
                1e-12, (double) Long.MAX_VALUE);
    }

    /**
     * The timeout of a poll/epoll/selector wait on {@code s} and the spare: any of
     * {@link #timeout()}, unless {@code s} is the spare itself, whose registration the call may
     * then have replaced with random events: a bounded wait, so that nothing can hang.
     */
    private Double waitTimeout(SocketType s) {
        return s == spare ? pick(0.0, 0.001) : timeout();
    }

    /** Short or no wait: what a socket may keep between calls. */
    private void bound(SocketType s) throws OSError {
        Double t = s.gettimeout();
        if (!s.handle().isClosed() && (t == null || t > 0.02)) {
            s.settimeout(rnd.nextInt(8) == 0 ? 0.001 : 0.0); // timeout mode, rarely: a wait costs its timeout
        }
    }

    private static final String[] KINDS = {"byte[]", "heap ByteBuffer", "direct ByteBuffer", "heap segment",
        "native segment", "closed segment", "foreign segment", "read-only", "racing ByteBuffer", "null"};

    /** A buffer of a random kind: byte[], ByteBuffer or MemorySegment; may be null, closed, foreign or racing. */
    private Object buffer(Arena arena) {
        int n = rnd.nextInt(10) == 0 ? rnd.nextInt(65_536, 300_000) : rnd.nextInt(0, 2048);
        return switch (rnd.nextInt(KINDS.length)) {
            case 0 -> new byte[n];
            case 1 -> ByteBuffer.wrap(new byte[n + 16], rnd.nextInt(16), n);
            case 2 -> arena.allocate(n + 1).asByteBuffer().position(rnd.nextInt(n + 1));
            case 3 -> MemorySegment.ofArray(new byte[n]);
            case 4 -> arena.allocate(Math.max(n, 1)).asSlice(rnd.nextInt(Math.max(n, 1)));
            case 5 -> rnd.nextBoolean() ? closedSegment : closedSegment.asByteBuffer();
            case 6 -> rnd.nextBoolean() ? foreignSegment : foreignSegment.asByteBuffer();
            case 7 -> rnd.nextBoolean() ? ByteBuffer.wrap(new byte[n]).asReadOnlyBuffer() : MemorySegment.ofArray(new byte[n]).asReadOnly();
            case 8 -> {
                ByteBuffer b = rnd.nextBoolean() ? ByteBuffer.allocate(n + 32) : arena.allocate(n + 32).asByteBuffer();
                racing.add(b);
                yield b;
            }
            default -> null;
        };
    }

    // ---- one call ------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Call {
        Object run() throws Throwable;
    }

    private void step() throws Exception {
        if (socks.size() < 4 || rnd.nextInt(200) == 0) {
            newSocket();
        }
        if (socks.size() > 40) {
            SocketType s = socks.remove(rnd.nextInt(2, socks.size()));
            s.close();
        }
        try (Arena arena = Arena.ofConfined()) { // closed after the call: what a call keeps of it is a bug
            SocketType s = anySocket();
            int op = rnd.nextInt(40);
            String name = "op" + op;
            Call call = switch (op) {
                case 0 -> () -> s.recv(size(), flags());
                case 1 -> () -> s.recvfrom(size(), flags());
                case 2 -> into(s, buffer(arena), false);
                case 3 -> into(s, buffer(arena), true);
                case 4 -> send(s, buffer(arena), 0);
                case 5 -> send(s, buffer(arena), 1);
                case 6 -> send(s, buffer(arena), 2);
                case 7 -> () -> s.recvmsg(size(), rnd.nextBoolean() ? CMSG_SPACE(rnd.nextInt(64)) : size(), flags());
                case 8 -> () -> s.recvmsg_into(rnd.nextInt(5) == 0 ? null : List.of(new byte[rnd.nextInt(100)], new byte[rnd.nextInt(3)]),
                        rnd.nextBoolean() ? 64 : size(), flags());
                case 9 -> () -> s.sendmsg(rnd.nextInt(6) == 0 ? null : List.of(bytes(rnd.nextInt(100))),
                        rnd.nextBoolean() ? List.of() : List.of(new AncData(pick(new int[] {SOL_SOCKET, 0, -1}),
                                pick(new int[] {SCM_RIGHTS, 2, -1}), rnd.nextBoolean() ? bytes(rnd.nextInt(12)) : ints(s))),
                        flags(), rnd.nextBoolean() ? null : address());
                case 10 -> () -> send_fds(rnd.nextInt(10) == 0 ? null : s, List.of(bytes(rnd.nextInt(1, 10))), List.of(spare.fileno()));
                case 11 -> () -> recv_fds(s, size(), rnd.nextInt(-1, 5));
                case 12 -> () -> {
                    s.bind(address());
                    return null;
                };
                case 13 -> () -> s.connect_ex(address());
                case 14 -> () -> {
                    s.connect(address());
                    return null;
                };
                case 15 -> () -> s.accept();
                case 16 -> () -> {
                    s.listen(rnd.nextInt(-5, 5));
                    return null;
                };
                case 17 -> () -> {
                    s.setsockopt(pick(new int[] {SOL_SOCKET, IPPROTO_TCP, IPPROTO_IP, IPPROTO_IPV6, -1, 9999}), rnd.nextInt(-2, 80),
                            rnd.nextInt());
                    return null;
                };
                case 18 -> () -> {
                    int level = pick(new int[] {SOL_SOCKET, IPPROTO_TCP, IPPROTO_IP, IPPROTO_IPV6, -1});
                    int opt = rnd.nextInt(-2, 80);
                    if (rnd.nextBoolean()) {
                        s.setsockopt(level, opt, rnd.nextInt(8) == 0 ? null : bytes(rnd.nextInt(0, 300)));
                    } else {
                        s.setsockopt(level, opt, (Void) null, rnd.nextInt(-2, 300));
                    }
                    return null;
                };
                case 19 -> () -> {
                    int level = pick(new int[] {SOL_SOCKET, IPPROTO_TCP, IPPROTO_IP, -1});
                    int opt = rnd.nextInt(-2, 80);
                    Object value = rnd.nextBoolean() ? s.getsockopt(level, opt) : s.getsockopt(level, opt, rnd.nextInt(-2, 2000));
                    if (level == SOL_SOCKET && opt == SO_PEERPIDFD) { // a new descriptor: the caller's, as in CPython
                        ownedFds.add(value instanceof Integer fd ? fd
                                : MemorySegment.ofArray((byte[]) value).get(java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED, 0));
                    }
                    return value;
                };
                case 20 -> () -> {
                    s.settimeout(timeout());
                    return s.gettimeout();
                };
                case 21 -> () -> {
                    s.setblocking(rnd.nextBoolean());
                    return null;
                };
                case 22 -> () -> {
                    s.shutdown(rnd.nextInt(-1, 4));
                    return null;
                };
                case 23 -> () -> {
                    socks.remove(s);
                    int fd = s.detach();
                    if (fd >= 0) {
                        ownedFds.add(fd); // detached: ours to close, and a stale number to use
                        SocketType again = fromfd(fd, pick(FAMILIES), pick(TYPES));
                        keep(again);
                    }
                    socks.add(s); // a detached socket is a closed one: keep calling it
                    return fd;
                };
                case 24 -> () -> {
                    s.close();
                    return s.fileno();
                };
                case 25 -> () -> {
                    SocketType n = socket(pick(FAMILIES), pick(TYPES), rnd.nextInt(-1, 300));
                    int type = n.type().value();
                    if (type == SOCK_RAW || n.family().value() == AF_PACKET) {
                        n.close(); // made and closed: raw packets are not sent on a shared machine
                        return null;
                    }
                    keep(n);
                    return n;
                };
                case 26 -> () -> { // a descriptor that is not a socket: a dup of an epoll
                    select.epoll e = select.epoll();
                    closeables.add(e);
                    int fd = socket.dup(e.fileno());
                    try {
                        SocketType n = socket(pick(FAMILIES), pick(TYPES), 0, fd);
                        keep(n);
                        return n;
                    } catch (OSError | RuntimeException err) {
                        ownedFds.add(fd);
                        throw err;
                    }
                };
                case 27 -> () -> {
                    SocketType n = fromfd(rnd.nextBoolean() ? rnd.nextInt(-2, 64) : s.fileno(), pick(FAMILIES), pick(TYPES));
                    keep(n);
                    return n;
                };
                case 28 -> () -> select.select(fdList(s), List.of(spare), fdList(s), timeout());
                case 29 -> () -> {
                    select.poll p = select.poll();
                    p.register(spare, select.POLLOUT);
                    for (Object o : fdList(s)) {
                        p.register(o, rnd.nextInt());
                    }
                    if (rnd.nextBoolean()) {
                        p.unregister(rnd.nextBoolean() ? s : notSpare(rnd.nextInt(-1, 100)));
                    }
                    return p.poll(waitTimeout(s));
                };
                case 30 -> () -> {
                    try (select.epoll e = rnd.nextInt(10) == 0 ? select.epoll(rnd.nextInt(-2, 5), rnd.nextInt(-1, 2) * select.EPOLL_CLOEXEC)
                            : select.epoll()) {
                        e.register(spare, select.EPOLLOUT);
                        for (Object o : fdList(s)) {
                            e.register(o, rnd.nextLong());
                        }
                        if (rnd.nextBoolean()) {
                            if (rnd.nextBoolean()) {
                                e.modify(s, rnd.nextLong());
                            } else {
                                e.modify(spare, rnd.nextLong() | select.EPOLLOUT); // the spare stays the sure event
                            }
                        }
                        return e.poll(waitTimeout(s), rnd.nextInt(8) == 0 ? size() : pick(new int[] {-1, 1, 10, 0, -2}));
                    }
                };
                case 31 -> () -> {
                    try (selectors.BaseSelector sel = pick(0, 1, 2) == 0 ? selectors.DefaultSelector()
                            : rnd.nextBoolean() ? selectors.PollSelector() : selectors.SelectSelector()) {
                        sel.register(spare, selectors.EVENT_WRITE, null);
                        Object f = pick(s, (Object) s.fileno(), null, -1, "x");
                        sel.register(f, rnd.nextInt(-1, 5), null);
                        if (rnd.nextBoolean()) {
                            sel.modify(f, rnd.nextInt(-1, 5));
                        }
                        if (rnd.nextBoolean()) {
                            sel.unregister(pick(f, s, null)); // never the spare, the sure event of a wait without timeout
                        }
                        return sel.select(waitTimeout(s));
                    }
                };
                case 32 -> () -> getaddrinfo(host(), pick((Object) port(), "http", null, "", "x".repeat(40), 3.5),
                        pick(FAMILIES), pick(TYPES), rnd.nextInt(-1, 20), pick(new int[] {0, AI_NUMERICHOST, AI_PASSIVE, -1, AI_CANONNAME}));
                case 33 -> () -> getnameinfo(address(), pick(new int[] {NI_NUMERICHOST, NI_NUMERICHOST | NI_NUMERICSERV, -1,
                        NI_NUMERICHOST | NI_NAMEREQD}));
                case 34 -> () -> switch (rnd.nextInt(6)) {
                    case 0 -> inet_pton(pick(FAMILIES), host());
                    case 1 -> inet_ntop(pick(FAMILIES), rnd.nextBoolean() ? null : bytes(rnd.nextInt(0, 20)));
                    case 2 -> inet_aton(host());
                    case 3 -> inet_ntoa(rnd.nextBoolean() ? null : bytes(rnd.nextInt(0, 6)));
                    case 4 -> htons(rnd.nextLong()) + ntohl(rnd.nextLong(-5, 1L << 33)) + CMSG_LEN(rnd.nextLong(-5, 1L << 32));
                    default -> CMSG_SPACE(rnd.nextLong(-5, 1L << 32));
                };
                case 35 -> () -> switch (rnd.nextInt(4)) {
                    case 0 -> gethostbyname(pick("127.0.0.1", "::1", "localhost", null, "", "256.0.0.1", "a\0b"));
                    case 1 -> gethostbyaddr(pick("127.0.0.1", "::1", null, "", "a\0b"));
                    case 2 -> if_nametoindex(pick("lo", null, "", "x".repeat(40), "a\0b"));
                    default -> if_indextoname(rnd.nextLong(-2, 1L << 33));
                };
                case 36 -> () -> {
                    SocketType c = create_connection(rnd.nextBoolean() ? new InetAddr("127.0.0.1", port()) : address(),
                            pick(0.001, 0.0, Double.NaN, -1.0), rnd.nextBoolean() ? null : address(), rnd.nextBoolean());
                    keep(c);
                    return c;
                };
                case 37 -> () -> {
                    SocketType c = create_server(rnd.nextBoolean() ? new InetAddr("127.0.0.1", 0) : address(), pick(FAMILIES),
                            rnd.nextBoolean() ? null : rnd.nextInt(-2, 10), rnd.nextBoolean(), rnd.nextBoolean());
                    keep(c);
                    return c;
                };
                case 38 -> () -> {
                    setdefaulttimeout(timeout());
                    return getdefaulttimeout();
                };
                default -> () -> List.of(s.toString(), s.get_inheritable(), s.getsockname(), s.getpeername(), s.dup());
            };
            run(name, s, call);
        }
    }

    /** What recv_into / recvfrom_into do with this buffer kind. */
    private Call into(SocketType s, Object buf, boolean from) {
        int nbytes = rnd.nextInt(4) == 0 ? size() : 0;
        int flags = flags();
        return () -> switch (buf) {
            case byte[] b -> from ? s.recvfrom_into(b, nbytes, flags) : s.recv_into(b, nbytes, flags);
            case ByteBuffer b -> from ? s.recvfrom_into(b, nbytes, flags) : s.recv_into(b, nbytes, flags);
            case MemorySegment m -> from ? s.recvfrom_into(m, nbytes, flags) : s.recv_into(m, nbytes, flags);
            case null, default -> from ? s.recvfrom_into((byte[]) null, nbytes, flags) : s.recv_into((ByteBuffer) null, nbytes, flags);
        };
    }

    /** send (0), sendall (1) or sendto (2) of this buffer kind. */
    private Call send(SocketType s, Object buf, int how) {
        int flags = flags();
        Address to = address();
        return () -> switch (buf) {
            case byte[] b -> how == 0 ? s.send(b, flags) : how == 1 ? sendall(s, b, flags) : s.sendto(b, flags, to);
            case ByteBuffer b -> how == 0 ? s.send(b, flags) : how == 1 ? sendall(s, b, flags) : s.sendto(b, flags, to);
            case MemorySegment m -> how == 0 ? s.send(m, flags) : how == 1 ? sendall(s, m, flags) : s.sendto(m, flags, to);
            case null, default -> s.send((MemorySegment) null, flags);
        };
    }

    private static Object sendall(SocketType s, Object buf, int flags) throws OSError {
        switch (buf) {
            case byte[] b -> s.sendall(b, flags);
            case ByteBuffer b -> s.sendall(b, flags);
            case null, default -> s.sendall((MemorySegment) buf, flags);
        }
        return null;
    }

    /**
     * A random descriptor number other than the spare's: unregistering the spare from a poll
     * object would leave nothing sure to be ready, and a wait without a timeout would then hang.
     */
    private int notSpare(int fd) {
        return fd == spare.fileno() ? -1 : fd;
    }

    /** Things to wait on: sockets, descriptor numbers (some out of range), junk. */
    private List<Object> fdList(SocketType s) {
        List<Object> out = new ArrayList<>();
        for (int i = rnd.nextInt(4); i > 0; i--) {
            out.add(pick(s, (Object) s.fileno(), -1, 1 << 20, FD_SETSIZE_PLUS, "x", null));
        }
        return out;
    }

    private static final Integer FD_SETSIZE_PLUS = 1024;

    /** Descriptor numbers as SCM_RIGHTS data: ours, closed, negative. */
    private byte[] ints(SocketType s) {
        MemorySegment m = MemorySegment.ofArray(new byte[8]);
        m.set(java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED, 0, s.fileno());
        m.set(java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED, 4, rnd.nextInt(-2, 100));
        return m.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
    }

    /** Runs one call and judges its outcome. */
    private void run(String name, SocketType s, Call call) {
        current = name + " on " + s;
        currentStart = System.nanoTime();
        String outcome;
        try {
            Object result = call.run();
            outcome = "value";
            closeReceived(result);
        } catch (Throwable t) {
            outcome = judge(name, t);
        } finally {
            currentStart = 0;
        }
        outcomes.merge(outcome, 1, Integer::sum);
        try {
            for (SocketType each : socks) {
                bound(each);
            }
            Double d = getdefaulttimeout();
            if (d == null || d > 0.02) {
                setdefaulttimeout(0.001);
            }
        } catch (OSError e) {
            // a socket closed or detached by the call: nothing to bound
        }
    }

    private String judge(String name, Throwable t) {
        for (Class<? extends Throwable> ok : PYTHON) {
            if (ok.isInstance(t)) {
                return t instanceof OSError e && e.errno() != null ? t.getClass().getSimpleName() + "(" + e.errno() + ")"
                        : t.getClass().getSimpleName();
            }
        }
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        synchronized (failures) {
            if (failures.size() < 20) {
                failures.add(name + ": " + w);
            }
        }
        return "FORBIDDEN " + t.getClass().getName();
    }

    /** Descriptors a call received (SCM_RIGHTS) or sockets it made are ours to close. */
    private void closeReceived(Object result) throws OSError {
        switch (result) {
            case RecvFds f -> ownedFds.addAll(f.fds());
            case RecvMsg m -> closeRights(m.ancdata());
            case RecvMsgInto m -> closeRights(m.ancdata());
            case Accepted a -> keep(a.conn());
            case List<?> l -> {
                for (Object o : l) {
                    if (o instanceof SocketType dup) {
                        keep(dup);
                    }
                }
            }
            case null, default -> {
            }
        }
    }

    /** SCM_PIDFD: a pidfd the kernel sends once a random setsockopt turned SO_PASSPIDFD on. */
    private static final int SCM_PIDFD = 4;
    /** getsockopt(SOL_SOCKET, SO_PEERPIDFD) opens a pidfd of the peer (Linux 6.5). */
    private static final int SO_PEERPIDFD = 77;

    private void closeRights(List<AncData> items) {
        for (AncData a : items) {
            if (a.cmsg_level() == SOL_SOCKET && (a.cmsg_type() == SCM_RIGHTS || a.cmsg_type() == SCM_PIDFD)) {
                MemorySegment d = MemorySegment.ofArray(a.cmsg_data());
                for (long off = 0; off + 4 <= d.byteSize(); off += 4) {
                    ownedFds.add(d.get(java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED, off));
                }
            }
        }
    }
}
