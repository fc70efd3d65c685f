package dev.pysocket;

import dev.pysocket.bindings.epoll_event;
import dev.pysocket.bindings.fd_set;
import dev.pysocket.bindings.pollfd;
import dev.pysocket.bindings.posix_h;
import dev.pysocket.bindings.timeval;
import dev.pysocket.syscall.Posix;
import dev.pysocket.syscall.Scratch;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Python's {@code select} module on Linux: {@link #select select()}, {@link poll} and
 * {@link epoll}, with CPython 3.11's arguments, results, errors and timeout rounding.
 *
 * <p>A descriptor argument ({@code Object}) is what CPython's {@code PyObject_AsFileDescriptor}
 * takes: an {@link Integer}/{@link Long}, or a {@link FileLike} (an object with
 * {@code fileno()}, such as {@link SocketType}). Timeouts come as {@code Double} (null is
 * Python's None) or as a Java integer, which follows CPython's int path (its overflow message
 * differs from the float one). Python's {@code select.error} is {@link OSError} itself.
 */
public final class select {
    private select() {
    }

    // ---- constants: every integer constant CPython 3.11 exports from select on Linux -----
    /** EPOLLERR. */
    public static final int EPOLLERR = posix_h.EPOLLERR();
    /** EPOLLET. */
    public static final long EPOLLET = posix_h.EPOLLET();
    /** EPOLLEXCLUSIVE. */
    public static final int EPOLLEXCLUSIVE = posix_h.EPOLLEXCLUSIVE();
    /** EPOLLHUP. */
    public static final int EPOLLHUP = posix_h.EPOLLHUP();
    /** EPOLLIN. */
    public static final int EPOLLIN = posix_h.EPOLLIN();
    /** EPOLLMSG. */
    public static final int EPOLLMSG = posix_h.EPOLLMSG();
    /** EPOLLONESHOT. */
    public static final int EPOLLONESHOT = posix_h.EPOLLONESHOT();
    /** EPOLLOUT. */
    public static final int EPOLLOUT = posix_h.EPOLLOUT();
    /** EPOLLPRI. */
    public static final int EPOLLPRI = posix_h.EPOLLPRI();
    /** EPOLLRDBAND. */
    public static final int EPOLLRDBAND = posix_h.EPOLLRDBAND();
    /** EPOLLRDHUP. */
    public static final int EPOLLRDHUP = posix_h.EPOLLRDHUP();
    /** EPOLLRDNORM. */
    public static final int EPOLLRDNORM = posix_h.EPOLLRDNORM();
    /** EPOLLWRBAND. */
    public static final int EPOLLWRBAND = posix_h.EPOLLWRBAND();
    /** EPOLLWRNORM. */
    public static final int EPOLLWRNORM = posix_h.EPOLLWRNORM();
    /** EPOLL_CLOEXEC. */
    public static final int EPOLL_CLOEXEC = posix_h.EPOLL_CLOEXEC();
    /** PIPE_BUF. */
    public static final int PIPE_BUF = posix_h.PIPE_BUF();
    /** POLLERR. */
    public static final int POLLERR = posix_h.POLLERR();
    /** POLLHUP. */
    public static final int POLLHUP = posix_h.POLLHUP();
    /** POLLIN. */
    public static final int POLLIN = posix_h.POLLIN();
    /** POLLMSG. */
    public static final int POLLMSG = posix_h.POLLMSG();
    /** POLLNVAL. */
    public static final int POLLNVAL = posix_h.POLLNVAL();
    /** POLLOUT. */
    public static final int POLLOUT = posix_h.POLLOUT();
    /** POLLPRI. */
    public static final int POLLPRI = posix_h.POLLPRI();
    /** POLLRDBAND. */
    public static final int POLLRDBAND = posix_h.POLLRDBAND();
    /** POLLRDHUP. */
    public static final int POLLRDHUP = posix_h.POLLRDHUP();
    /** POLLRDNORM. */
    public static final int POLLRDNORM = posix_h.POLLRDNORM();
    /** POLLWRBAND. */
    public static final int POLLWRBAND = posix_h.POLLWRBAND();
    /** POLLWRNORM. */
    public static final int POLLWRNORM = posix_h.POLLWRNORM();

    /**
     * Python's {@code select.error}: an alias of {@link OSError} since Python 3.3. Java cannot
     * alias a class, so this is the class object; catch {@link OSError}.
     */
    public static final Class<OSError> error = OSError.class;

    private static final int FD_SETSIZE = posix_h.FD_SETSIZE();
    private static final Cleaner CLEANER = Cleaner.create();

    /** Python's default object repr: {@code <select.poll object at 0x...>}. */
    static String objectRepr(String qualname, Object o) {
        return "<" + qualname + " object at 0x" + Integer.toHexString(System.identityHashCode(o)) + ">";
    }

    // ---- select() ------------------------------------------------------------------------

    /**
     * The result of {@link #select select()}: Python's 3-tuple of lists
     * {@code (rlist, wlist, xlist)}, holding the very objects passed in (a ready object listed
     * twice appears twice), in their order. Prints like the Python tuple.
     */
    public record Selected(List<Object> rlist, List<Object> wlist, List<Object> xlist) {
        @Override
        public String toString() {
            return Py.tuple(rlist, wlist, xlist);
        }
    }

    /** This thread's native fd_sets and timeval for select(2), reused by every call. */
    private static final class SelectMemory {
        final Arena arena = Arena.ofAuto();
        final MemorySegment r = fd_set.allocate(arena);
        final MemorySegment w = fd_set.allocate(arena);
        final MemorySegment x = fd_set.allocate(arena);
        final MemorySegment tv = timeval.allocate(arena);
    }

    private static final ThreadLocal<SelectMemory> SELECT_MEMORY = ThreadLocal.withInitial(SelectMemory::new);

    /** {@code select.select(rlist, wlist, xlist)}: waits without a time limit. */
    public static Selected select(Collection<?> rlist, Collection<?> wlist, Collection<?> xlist) throws OSError {
        return doSelect(rlist, wlist, xlist, -1, false);
    }

    /**
     * {@code select.select(rlist, wlist, xlist, timeout)} with a float timeout in seconds (null:
     * None, no limit); rounded up to microseconds, as CPython does. A negative timeout is a
     * ValueError.
     */
    public static Selected select(Collection<?> rlist, Collection<?> wlist, Collection<?> xlist, Double timeout)
            throws OSError {
        if (timeout == null) {
            return doSelect(rlist, wlist, xlist, -1, false);
        }
        return doSelect(rlist, wlist, xlist, Fds.nanosFromDouble(timeout, 1e9), true);
    }

    /** {@code select.select(rlist, wlist, xlist, timeout)} with an int timeout in seconds. */
    public static Selected select(Collection<?> rlist, Collection<?> wlist, Collection<?> xlist, long timeout)
            throws OSError {
        return doSelect(rlist, wlist, xlist, Fds.nanosFromLong(timeout, 1_000_000_000L), true);
    }

    private static Selected doSelect(Collection<?> rlist, Collection<?> wlist, Collection<?> xlist,
                                     long timeoutNanos, boolean timed) throws OSError {
        if (timed && timeoutNanos < 0) {
            throw new ValueError("timeout must be non-negative");
        }
        if (rlist == null || wlist == null || xlist == null) {
            throw new TypeError("arguments 1-3 must be sequences");
        }
        Object[] robj = rlist.toArray();
        Object[] wobj = wlist.toArray();
        Object[] xobj = xlist.toArray();
        int[] rfd = selectable(robj);
        int[] wfd = selectable(wobj);
        int[] xfd = selectable(xobj);
        int max = Math.max(maxFd(rfd), Math.max(maxFd(wfd), maxFd(xfd))) + 1;
        SelectMemory mem = SELECT_MEMORY.get();
        long deadline = timed ? System.nanoTime() + timeoutNanos : 0;
        long remaining = timeoutNanos;
        for (;;) {
            fill(mem.r, rfd);
            fill(mem.w, wfd);
            fill(mem.x, xfd);
            MemorySegment tv = MemorySegment.NULL;
            if (timed) {
                long micros = Fds.divideUp(remaining, 1000);
                timeval.tv_sec(mem.tv, micros / 1_000_000);
                timeval.tv_usec(mem.tv, micros % 1_000_000);
                tv = mem.tv;
            }
            int n = Posix.select(max,
                    rfd.length > 0 ? mem.r : MemorySegment.NULL,
                    wfd.length > 0 ? mem.w : MemorySegment.NULL,
                    xfd.length > 0 ? mem.x : MemorySegment.NULL, tv);
            if (n >= 0) {
                break;
            }
            int err = Posix.errno();
            if (err != posix_h.EINTR()) {
                throw Errno.exception(err);
            }
            if (timed) {
                remaining = deadline - System.nanoTime();
                if (remaining < 0) { // bpo-35310: nothing is ready
                    return new Selected(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
                }
            }
        }
        return new Selected(collect(robj, rfd, mem.r), collect(wobj, wfd, mem.w), collect(xobj, xfd, mem.x));
    }

    private static int[] selectable(Object[] objs) throws OSError {
        int[] fds = new int[objs.length];
        for (int i = 0; i < objs.length; i++) {
            int fd = Fds.asFileDescriptor(objs[i]);
            if (fd >= FD_SETSIZE) {
                throw new ValueError("filedescriptor out of range in select()");
            }
            fds[i] = fd;
        }
        return fds;
    }

    private static int maxFd(int[] fds) {
        int max = -1;
        for (int fd : fds) {
            max = Math.max(max, fd);
        }
        return max;
    }

    private static void fill(MemorySegment set, int[] fds) {
        set.fill((byte) 0);
        for (int fd : fds) {
            long offset = (fd >>> 6) * 8L;
            set.set(ValueLayout.JAVA_LONG, offset, set.get(ValueLayout.JAVA_LONG, offset) | (1L << (fd & 63)));
        }
    }

    private static boolean isSet(MemorySegment set, int fd) {
        return (set.get(ValueLayout.JAVA_LONG, (fd >>> 6) * 8L) & (1L << (fd & 63))) != 0;
    }

    private static List<Object> collect(Object[] objs, int[] fds, MemorySegment set) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < objs.length; i++) {
            if (isSet(set, fds[i])) {
                out.add(objs[i]);
            }
        }
        return out;
    }

    // ---- shared timeout handling for poll and epoll --------------------------------------

    /** A timeout converted as CPython does: nanoseconds (negative: none) and the syscall's ms. */
    private record Wait(long nanos, int millis) {
        static final Wait FOREVER = new Wait(-1, -1);

        static Wait of(long nanos, long millis) {
            if (millis < Integer.MIN_VALUE || millis > Integer.MAX_VALUE) {
                throw new OverflowError("timeout is too large");
            }
            return new Wait(nanos, millis < 0 ? -1 : (int) millis);
        }

        /**
         * Runs a waiting syscall, given the milliseconds to wait, retrying EINTR with the time
         * left (PEP 475). Returns its result, or 0 when the deadline passed during a retry.
         */
        int retrying(java.util.function.IntUnaryOperator call) throws OSError {
            long deadline = nanos >= 0 ? System.nanoTime() + nanos : 0;
            int ms = millis;
            for (;;) {
                int n = call.applyAsInt(ms);
                if (n >= 0) {
                    return n;
                }
                int err = Posix.errno();
                if (err != posix_h.EINTR()) {
                    throw Errno.exception(err);
                }
                if (nanos >= 0) {
                    long left = deadline - System.nanoTime();
                    if (left < 0) {
                        return 0;
                    }
                    ms = (int) Math.min(Integer.MAX_VALUE, Fds.divideCeiling(left, 1_000_000));
                }
            }
        }
    }

    // ---- poll ----------------------------------------------------------------------------

    /** {@code select.poll()}: a new poll object. */
    public static poll poll() {
        return new poll();
    }

    /** One {@code (fd, events)} pair of {@code poll.poll()}'s result; prints as the tuple. */
    public record PollEvent(int fd, int events) {
        @Override
        public String toString() {
            return Py.tuple(fd, events);
        }
    }

    /**
     * Python's {@code select.poll} object: a set of descriptors with event masks, waited on with
     * poll(2). The native pollfd array is rebuilt only after registrations change (CPython's
     * {@code ufd_uptodate}), so a steady-state {@link #poll()} allocates no native memory.
     * Registration is thread-safe; two threads polling one object at once get CPython's
     * {@code RuntimeError('concurrent poll() invocation')}.
     */
    public static final class poll {
        private static final long STRIDE = pollfd.sizeof();
        private static final long FD = pollfd.fd$offset();
        private static final long EVENTS = pollfd.events$offset();
        private static final long REVENTS = pollfd.revents$offset();

        /** fd to event mask, in registration order (a Python dict). Guarded by this. */
        private final Map<Integer, Integer> fds = new LinkedHashMap<>();
        private boolean uptodate;
        private final AtomicBoolean running = new AtomicBoolean();
        /** Touched only by the thread that holds {@link #running}. */
        private MemorySegment ufds = MemorySegment.NULL;
        private int ufdLen;

        private poll() {
        }

        private static int eventmask(int eventmask) {
            if (eventmask < 0) {
                throw new ValueError("value must be positive");
            }
            if (eventmask > 0xffff) {
                throw new OverflowError("Python int too large for C unsigned short");
            }
            return eventmask;
        }

        /** {@code register(fd)}: waits for POLLIN | POLLPRI | POLLOUT. */
        public void register(Object fd) throws OSError {
            register(fd, POLLIN | POLLPRI | POLLOUT);
        }

        /** {@code register(fd, eventmask)}: registering a descriptor again replaces its mask. */
        public void register(Object fd, int eventmask) throws OSError {
            int key = Fds.asFileDescriptor(fd);
            int mask = eventmask(eventmask);
            synchronized (this) {
                fds.put(key, mask);
                uptodate = false;
            }
        }

        /** {@code modify(fd, eventmask)}: FileNotFoundError (ENOENT) if fd is not registered. */
        public void modify(Object fd, int eventmask) throws OSError {
            int key = Fds.asFileDescriptor(fd);
            int mask = eventmask(eventmask);
            synchronized (this) {
                if (!fds.containsKey(key)) {
                    throw Errno.exception(posix_h.ENOENT());
                }
                fds.put(key, mask);
                uptodate = false;
            }
        }

        /** {@code unregister(fd)}: KeyError(fd) if fd is not registered. */
        public void unregister(Object fd) throws OSError {
            int key = Fds.asFileDescriptor(fd);
            synchronized (this) {
                if (fds.remove(key) == null) {
                    throw new KeyError(key);
                }
                uptodate = false;
            }
        }

        /** {@code poll()}: waits without a time limit. */
        public List<PollEvent> poll() throws OSError {
            return doPoll(Wait.FOREVER);
        }

        /**
         * {@code poll(timeout)}, timeout in milliseconds as a float (null or negative: no
         * limit), rounded up to whole milliseconds as CPython does.
         */
        public List<PollEvent> poll(Double timeout) throws OSError {
            if (timeout == null) {
                return doPoll(Wait.FOREVER);
            }
            long ns = Fds.nanosFromDouble(timeout, 1e6);
            return doPoll(Wait.of(ns, Fds.divideUp(ns, 1_000_000)));
        }

        /** {@code poll(timeout)}, timeout in milliseconds as an int (negative: no limit). */
        public List<PollEvent> poll(long timeout) throws OSError {
            long ns = Fds.nanosFromLong(timeout, 1_000_000);
            return doPoll(Wait.of(ns, Fds.divideUp(ns, 1_000_000)));
        }

        private List<PollEvent> doPoll(Wait wait) throws OSError {
            if (!running.compareAndSet(false, true)) {
                throw new RuntimeError("concurrent poll() invocation");
            }
            try {
                synchronized (this) {
                    if (!uptodate) {
                        rebuild();
                    }
                }
                int n = wait.retrying(ms -> Posix.poll(ufds, ufdLen, ms));
                if (n == 0) {
                    return new ArrayList<>();
                }
                List<PollEvent> out = new ArrayList<>(n);
                for (int i = 0; i < ufdLen && out.size() < n; i++) {
                    long base = i * STRIDE;
                    int revents = ufds.get(ValueLayout.JAVA_SHORT, base + REVENTS) & 0xffff;
                    if (revents != 0) {
                        out.add(new PollEvent(ufds.get(ValueLayout.JAVA_INT, base + FD), revents));
                    }
                }
                return out;
            } finally {
                running.set(false);
            }
        }

        /** Rewrites the pollfd array from the registrations (caller holds this and running). */
        private void rebuild() {
            int len = fds.size();
            if (ufds.byteSize() < len * STRIDE) {
                int capacity = Math.max(8, Integer.highestOneBit(Math.max(len - 1, 1)) << 1);
                ufds = Arena.ofAuto().allocate(capacity * STRIDE, 8);
            }
            int i = 0;
            for (Map.Entry<Integer, Integer> e : fds.entrySet()) {
                long base = i++ * STRIDE;
                ufds.set(ValueLayout.JAVA_INT, base + FD, e.getKey());
                ufds.set(ValueLayout.JAVA_SHORT, base + EVENTS, (short) (int) e.getValue());
                ufds.set(ValueLayout.JAVA_SHORT, base + REVENTS, (short) 0);
            }
            ufdLen = len;
            uptodate = true;
        }

        /** Python's repr: {@code <select.poll object at 0x...>}. */
        @Override
        public String toString() {
            return objectRepr("select.poll", this);
        }
    }

    // ---- epoll ---------------------------------------------------------------------------

    /** {@code select.epoll()}: a new epoll object (close-on-exec, as always in CPython). */
    public static epoll epoll() throws OSError {
        return epoll(-1, 0);
    }

    /** {@code select.epoll(sizehint)}: sizehint -1 or positive; it is ignored by the kernel. */
    public static epoll epoll(int sizehint) throws OSError {
        return epoll(sizehint, 0);
    }

    /** {@code select.epoll(sizehint, flags)}: flags 0 or EPOLL_CLOEXEC (which is always set). */
    public static epoll epoll(int sizehint, int flags) throws OSError {
        if (sizehint != -1 && sizehint <= 0) {
            throw new ValueError("negative sizehint");
        }
        if (flags != 0 && flags != EPOLL_CLOEXEC) {
            throw new OSError("invalid flags");
        }
        int fd = Posix.epoll_create1(EPOLL_CLOEXEC);
        if (fd < 0) {
            throw Errno.last();
        }
        return new epoll(fd);
    }

    /** One {@code (fd, events)} pair of {@code epoll.poll()}'s result; prints as the tuple. */
    public record EpollEvent(int fd, long events) {
        @Override
        public String toString() {
            return Py.tuple(fd, events);
        }
    }

    /**
     * Python's {@code select.epoll} object. Event masks are {@code long}, since EPOLLET is
     * 2<sup>31</sup>; like CPython, only their low 32 bits are used. The native epoll_event
     * array for up to FD_SETSIZE - 1 events is kept and reused by every {@link #poll()} (two
     * threads polling at once, which CPython allows, make the second one use a temporary array);
     * a larger maxevents gets memory for that one call, as in CPython.
     *
     * <p>{@link AutoCloseable}: try-with-resources is Python's {@code with}. An epoll object
     * that is garbage-collected while open closes its descriptor, as CPython's does. Closing it
     * while another thread waits in {@link #poll()} closes the descriptor when that wait ends
     * (CPython closes it at once), so its number is never reused under the waiting thread.
     */
    public static final class epoll implements AutoCloseable, FileLike {
        private static final long STRIDE = epoll_event.sizeof();
        private static final long EVENTS = epoll_event.events$offset();
        private static final long DATA = epoll_event.data$offset();

        private final FdHandle handle;
        private final Cleaner.Cleanable cleanable;
        private final AtomicReference<MemorySegment> buffer = new AtomicReference<>(MemorySegment.NULL);

        private epoll(int fd) {
            this.handle = new FdHandle(fd);
            this.cleanable = CLEANER.register(this, new Closer(handle));
        }

        private record Closer(FdHandle handle) implements Runnable {
            @Override
            public void run() {
                try {
                    handle.close();
                } catch (OSError ignored) {
                    // CPython ignores close(2) errors of an epoll object too
                }
            }
        }

        /**
         * {@code select.epoll.fromfd(fd)}: wraps an existing epoll descriptor (not checked, as
         * in CPython; -1 makes a new epoll object, as CPython does).
         */
        public static epoll fromfd(int fd) throws OSError {
            if (fd == -1) {
                return select.epoll();
            }
            if (fd < 0) {
                throw new OSError(0, "Error"); // CPython: PyErr_SetFromErrno with errno 0
            }
            return new epoll(fd);
        }

        private static ValueError closedError() {
            return new ValueError("I/O operation on closed epoll object");
        }

        private int acquire() {
            try {
                return handle.acquire();
            } catch (OSError e) {
                throw closedError();
            }
        }

        /** {@code e.closed}: whether close() was called. */
        public boolean closed() {
            return handle.isClosed();
        }

        /** {@code e.fileno()}: the epoll descriptor; ValueError once closed. */
        @Override
        public int fileno() {
            int fd = handle.fileno();
            if (fd < 0) {
                throw closedError();
            }
            return fd;
        }

        /** {@code e.close()}: closes the descriptor; a second close does nothing. Never raises. */
        @Override
        public void close() {
            cleanable.clean();
        }

        private void ctl(int op, Object fd, long eventmask) throws OSError {
            int target = Fds.asFileDescriptor(fd);
            int epfd = acquire();
            try {
                MemorySegment ev = Scratch.get().word;
                ev.set(ValueLayout.JAVA_INT_UNALIGNED, EVENTS, (int) eventmask);
                ev.set(ValueLayout.JAVA_LONG_UNALIGNED, DATA, target & 0xffffffffL);
                if (Posix.epoll_ctl(epfd, op, target, ev) < 0) {
                    throw Errno.last();
                }
            } finally {
                handle.release();
            }
        }

        /** {@code register(fd)}: waits for EPOLLIN | EPOLLPRI | EPOLLOUT. */
        public void register(Object fd) throws OSError {
            register(fd, EPOLLIN | EPOLLPRI | EPOLLOUT);
        }

        /** {@code register(fd, eventmask)}: FileExistsError if fd is already registered. */
        public void register(Object fd, long eventmask) throws OSError {
            ctl(posix_h.EPOLL_CTL_ADD(), fd, eventmask);
        }

        /** {@code modify(fd, eventmask)}: FileNotFoundError if fd is not registered. */
        public void modify(Object fd, long eventmask) throws OSError {
            ctl(posix_h.EPOLL_CTL_MOD(), fd, eventmask);
        }

        /** {@code unregister(fd)}: FileNotFoundError if fd is not registered. */
        public void unregister(Object fd) throws OSError {
            ctl(posix_h.EPOLL_CTL_DEL(), fd, 0);
        }

        /** {@code poll()}: waits without a time limit for up to FD_SETSIZE - 1 events. */
        public List<EpollEvent> poll() throws OSError {
            return poll((Double) null, -1);
        }

        /** {@code poll(timeout)}, timeout in seconds (null or negative: no limit). */
        public List<EpollEvent> poll(Double timeout) throws OSError {
            return poll(timeout, -1);
        }

        /** {@code poll(timeout)} with an int timeout in seconds. */
        public List<EpollEvent> poll(long timeout) throws OSError {
            return poll(timeout, -1);
        }

        /**
         * {@code poll(timeout, maxevents)}: timeout in seconds, rounded up to milliseconds (null
         * or negative: no limit); maxevents -1 means FD_SETSIZE - 1, other values below 1 are a
         * ValueError.
         */
        public List<EpollEvent> poll(Double timeout, int maxevents) throws OSError {
            int epfd = acquire();
            try {
                Wait wait = Wait.FOREVER;
                if (timeout != null) {
                    long ns = Fds.nanosFromDouble(timeout, 1e9);
                    wait = Wait.of(ns, Fds.divideCeiling(ns, 1_000_000));
                }
                return doPoll(epfd, wait, maxevents);
            } finally {
                handle.release();
            }
        }

        /** {@code poll(timeout, maxevents)} with an int timeout in seconds. */
        public List<EpollEvent> poll(long timeout, int maxevents) throws OSError {
            int epfd = acquire();
            try {
                long ns = Fds.nanosFromLong(timeout, 1_000_000_000L);
                return doPoll(epfd, Wait.of(ns, Fds.divideCeiling(ns, 1_000_000)), maxevents);
            } finally {
                handle.release();
            }
        }

        private List<EpollEvent> doPoll(int epfd, Wait wait, int maxeventsArg) throws OSError {
            if (maxeventsArg != -1 && maxeventsArg < 1) {
                throw new ValueError("maxevents must be greater than 0, got " + maxeventsArg);
            }
            int maxevents = maxeventsArg == -1 ? FD_SETSIZE - 1 : maxeventsArg;
            if (maxevents > FD_SETSIZE - 1) {
                // As CPython: malloc'd for this call (not zeroed: the kernel writes only the
                // events it returns), freed after it; MemoryError where malloc refuses.
                try (Arena call = Arena.ofConfined()) {
                    return wait(epfd, wait, Buffers.unzeroed(call, maxevents * STRIDE), maxevents);
                }
            }
            MemorySegment evs = buffer.getAndSet(MemorySegment.NULL);
            if (evs.byteSize() < maxevents * STRIDE) {
                // first use, a larger maxevents, or another thread is polling with the kept array
                evs = Arena.ofAuto().allocate((FD_SETSIZE - 1) * STRIDE, 8);
            }
            try {
                return wait(epfd, wait, evs, maxevents);
            } finally {
                buffer.compareAndSet(MemorySegment.NULL, evs);
            }
        }

        /** One epoll_wait(2) (EINTR retried) into {@code evs}, room for maxevents events. */
        private static List<EpollEvent> wait(int epfd, Wait wait, MemorySegment evs, int maxevents) throws OSError {
            int n = wait.retrying(ms -> Posix.epoll_wait(epfd, evs, maxevents, ms));
            List<EpollEvent> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long base = i * STRIDE;
                out.add(new EpollEvent((int) evs.get(ValueLayout.JAVA_LONG_UNALIGNED, base + DATA),
                        evs.get(ValueLayout.JAVA_INT_UNALIGNED, base + EVENTS) & 0xffffffffL));
            }
            return out;
        }

        /** Python's repr: {@code <select.epoll object at 0x...>}. */
        @Override
        public String toString() {
            return objectRepr("select.epoll", this);
        }
    }

}
