// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Python's {@code selectors} module (Lib/selectors.py of CPython 3.11), class for class:
 * {@link BaseSelector}, {@link _BaseSelectorImpl}, {@link SelectSelector},
 * {@link _PollLikeSelector}, {@link PollSelector}, {@link EpollSelector} and
 * {@link DefaultSelector} (EpollSelector on Linux). Each class can be made as in Java
 * ({@code new selectors.EpollSelector()}) or as in Python ({@code selectors.EpollSelector()}).
 *
 * <p>A file object is an {@link Integer}/{@link Long} descriptor or a {@link FileLike}
 * (an object with {@code fileno()}, such as {@link SocketType}). Event masks are
 * {@link #EVENT_READ} | {@link #EVENT_WRITE}. Timeouts are in seconds: a {@code Double} (null
 * is None: block), or a Java integer.
 */
public final class selectors {
    private selectors() {
    }

    /** {@code EVENT_READ}: the file object is readable. */
    public static final int EVENT_READ = 1;
    /** {@code EVENT_WRITE}: the file object is writable. */
    public static final int EVENT_WRITE = 1 << 1;

    /**
     * {@code selectors.DefaultSelector()}: the best selector here, an {@link EpollSelector}.
     *
     * @return a new selector on its own epoll descriptor: close it (or use try-with-resources)
     * @throws OSError when epoll_create1(2) fails, e.g. EMFILE
     *     ({@code [Errno 24] Too many open files})
     */
    public static DefaultSelector DefaultSelector() throws OSError {
        return new DefaultSelector();
    }

    /**
     * {@code selectors.SelectSelector()}.
     *
     * @return a new selector on select(2), which holds no descriptor of its own
     */
    public static SelectSelector SelectSelector() {
        return new SelectSelector();
    }

    /**
     * {@code selectors.PollSelector()}.
     *
     * @return a new selector on poll(2), which holds no descriptor of its own
     */
    public static PollSelector PollSelector() {
        return new PollSelector();
    }

    /**
     * {@code selectors.EpollSelector()}.
     *
     * @return a new selector on its own epoll descriptor: close it (or use try-with-resources)
     * @throws OSError when epoll_create1(2) fails, e.g. EMFILE
     */
    public static EpollSelector EpollSelector() throws OSError {
        return new EpollSelector();
    }

    /**
     * Python's {@code SelectorKey} namedtuple {@code (fileobj, fd, events, data)}; prints as
     * {@code SelectorKey(fileobj=..., fd=3, events=1, data=None)}.
     *
     * @param fileobj the object registered, as passed to {@code register}
     * @param fd      its descriptor
     * @param events  the events waited for: EVENT_READ and/or EVENT_WRITE
     * @param data    the caller's object kept with the registration, or null (None)
     */
    public record SelectorKey(Object fileobj, int fd, int events, Object data) {
        /** namedtuple's {@code _replace(events=..., data=...)}. */
        SelectorKey with(int newEvents, Object newData) {
            return new SelectorKey(fileobj, fd, newEvents, newData);
        }

        @Override
        public String toString() {
            return "SelectorKey(fileobj=" + Py.repr(fileobj) + ", fd=" + fd + ", events=" + events
                    + ", data=" + Py.repr(data) + ")";
        }
    }

    /**
     * One {@code (key, events)} pair of {@code select()}'s result; prints as the tuple.
     *
     * @param key    the registration that is ready
     * @param events the events ready now: EVENT_READ and/or EVENT_WRITE, a subset of
     *     {@code key.events()}
     */
    public record Ready(SelectorKey key, int events) {
        @Override
        public String toString() {
            return Py.tuple(key, events);
        }
    }

    /** Lib/selectors.py's {@code _fileobj_to_fd}. */
    static int _fileobj_to_fd(Object fileobj) throws OSError {
        Long raw = Fds.rawFd(fileobj);
        if (raw == null) {
            throw new ValueError("Invalid file object: " + Py.repr(fileobj));
        }
        long fd = raw;
        if (fd < 0) {
            throw new ValueError("Invalid file descriptor: " + fd);
        }
        if (fd > Integer.MAX_VALUE) {
            throw new OverflowError("Python int too large to convert to C int");
        }
        return (int) fd;
    }

    /**
     * Python's {@code BaseSelector}: register file objects for I/O events and wait for them.
     * {@link AutoCloseable}: try-with-resources is Python's {@code with}.
     */
    public abstract static class BaseSelector implements AutoCloseable {
        /**
         * For subclasses, as Python's {@code BaseSelector} is subclassed: it keeps no state of
         * its own. (Written out only to carry this comment; it is the implicit constructor.)
         */
        public BaseSelector() {
        }

        /**
         * {@code register(fileobj, events, data)}: ValueError for bad events, KeyError if
         * fileobj (or its descriptor) is already registered, OSError from the system.
         *
         * @param fileobj an Integer/Long descriptor or a {@link FileLike} (a socket); anything else
         *     is {@code ValueError('Invalid file object: ...')}, a negative descriptor
         *     {@code ValueError('Invalid file descriptor: -1')}
         * @param events  {@link #EVENT_READ}, {@link #EVENT_WRITE} or both, or-ed; anything else is
         *     {@code ValueError('Invalid events: ...')}
         * @param data    any object to keep with the registration (Python's {@code key.data}); null
         *     is None
         * @return the new key {@code (fileobj, fd, events, data)}
         * @throws OSError when the system refuses the descriptor (for an epoll selector,
         *     epoll_ctl(2)'s errno: {@code PermissionError} for a regular file, {@code [Errno 9]}
         *     for a descriptor that is not open), or what a {@link FileLike}'s {@code fileno()}
         *     raises; a file object already registered is a {@link KeyError}, unchecked
         */
        public abstract SelectorKey register(Object fileobj, int events, Object data) throws OSError;

        /**
         * {@code register(fileobj, events)}: data None.
         *
         * @param fileobj an Integer/Long descriptor or a {@link FileLike} (a socket); anything else
         *     is {@code ValueError('Invalid file object: ...')}, a negative descriptor
         *     {@code ValueError('Invalid file descriptor: -1')}
         * @param events  {@link #EVENT_READ}, {@link #EVENT_WRITE} or both, or-ed; anything else is
         *     {@code ValueError('Invalid events: ...')}
         * @return the new key {@code (fileobj, fd, events, data)}, data None
         * @throws OSError when the system refuses the descriptor (for an epoll selector,
         *     epoll_ctl(2)'s errno: {@code PermissionError} for a regular file, {@code [Errno 9]}
         *     for a descriptor that is not open), or what a {@link FileLike}'s {@code fileno()}
         *     raises; a file object already registered is a {@link KeyError}, unchecked
         */
        public SelectorKey register(Object fileobj, int events) throws OSError {
            return register(fileobj, events, null);
        }

        /**
         * {@code unregister(fileobj)}: KeyError if not registered; works after fileobj closed.
         *
         * @param fileobj the object registered, or its descriptor; an object closed since still
         *     unregisters, being found by identity
         * @return the key the registration had
         * @throws OSError what a {@link FileLike}'s {@code fileno()} raises; a file object not
         *     registered is a {@link KeyError}, unchecked (epoll's own errors on unregister are
         *     ignored, as in Lib/selectors.py)
         */
        public abstract SelectorKey unregister(Object fileobj) throws OSError;

        /**
         * {@code modify(fileobj, events, data)}: unregister, then register.
         *
         * @param fileobj the object registered, or its descriptor
         * @param events  {@link #EVENT_READ}, {@link #EVENT_WRITE} or both, or-ed; anything else is
         *     {@code ValueError('Invalid events: ...')}
         * @param data    any object to keep with the registration (Python's {@code key.data}); null
         *     is None
         * @return the new key
         * @throws OSError when the system refuses the descriptor (for an epoll selector,
         *     epoll_ctl(2)'s errno: {@code PermissionError} for a regular file, {@code [Errno 9]}
         *     for a descriptor that is not open), or what a {@link FileLike}'s {@code fileno()}
         *     raises; a file object not registered is a {@link KeyError}, unchecked
         */
        public SelectorKey modify(Object fileobj, int events, Object data) throws OSError {
            unregister(fileobj);
            return register(fileobj, events, data);
        }

        /**
         * {@code modify(fileobj, events)}: data None.
         *
         * @param fileobj the object registered, or its descriptor
         * @param events  {@link #EVENT_READ}, {@link #EVENT_WRITE} or both, or-ed; anything else is
         *     {@code ValueError('Invalid events: ...')}
         * @return the new key, data None
         * @throws OSError when the system refuses the descriptor (for an epoll selector,
         *     epoll_ctl(2)'s errno: {@code PermissionError} for a regular file, {@code [Errno 9]}
         *     for a descriptor that is not open), or what a {@link FileLike}'s {@code fileno()}
         *     raises; a file object not registered is a {@link KeyError}, unchecked
         */
        public SelectorKey modify(Object fileobj, int events) throws OSError {
            return modify(fileobj, events, null);
        }

        /**
         * {@code select(timeout)}: the ready {@code (key, events)} pairs. timeout null blocks,
         * &lt;= 0 polls, &gt; 0 waits at most that many seconds.
         *
         * @param timeout the most seconds to wait; null (None) waits without a limit, 0 or less
         *     does not wait
         * @return the {@code (key, events)} pairs that are ready, events being EVENT_READ and/or
         *     EVENT_WRITE; an empty list when the timeout expired or a signal interrupted the wait
         * @throws OSError when the system call fails for another reason than EINTR, with its errno
         */
        public abstract List<Ready> select(Double timeout) throws OSError;

        /**
         * {@code select()}: blocks until something is ready.
         *
         * @return the {@code (key, events)} pairs that are ready, events being EVENT_READ and/or
         *     EVENT_WRITE; an empty list when a signal interrupted the wait
         * @throws OSError when the system call fails for another reason than EINTR, with its errno
         */
        public List<Ready> select() throws OSError {
            return select((Double) null);
        }

        /**
         * {@code select(timeout)} with an int timeout in seconds.
         *
         * @param timeout the most whole seconds to wait; 0 or less does not wait
         * @return the {@code (key, events)} pairs that are ready, events being EVENT_READ and/or
         *     EVENT_WRITE; an empty list when the timeout expired or a signal interrupted the wait
         * @throws OSError when the system call fails for another reason than EINTR, with its errno
         */
        public List<Ready> select(long timeout) throws OSError {
            return select((Double) (double) timeout);
        }

        /** {@code close()}: frees the selector's resources. */
        @Override
        public void close() throws OSError {
        }

        /**
         * {@code get_key(fileobj)}: RuntimeError once closed, KeyError if not registered.
         *
         * @param fileobj the object registered, or its descriptor
         * @return its key
         * @throws RuntimeError {@code 'Selector is closed'} once closed
         * @throws KeyError {@code '<fileobj> is not registered'} when it is not registered
         */
        public SelectorKey get_key(Object fileobj) {
            Map<Object, SelectorKey> mapping = get_map();
            if (mapping == null) {
                throw new RuntimeError("Selector is closed");
            }
            SelectorKey key = mapping.get(fileobj);
            if (key == null) {
                throw new KeyError(Py.repr(fileobj) + " is not registered");
            }
            return key;
        }

        /**
         * {@code get_map()}: a read-only live view of the registrations, or null once closed.
         * Lookups take a file object or a descriptor; iteration, like Python's, yields
         * descriptors as keys.
         *
         * @return the live, read-only mapping from file object (or descriptor) to key; null once
         *     closed
         */
        public abstract Map<Object, SelectorKey> get_map();

        /** The class name Python prints. */
        String pythonName() {
            return getClass().getSimpleName();
        }

        /** Python's repr: {@code <selectors.EpollSelector object at 0x...>}. */
        @Override
        public String toString() {
            return select.objectRepr("selectors." + pythonName(), this);
        }
    }

    /** Python's {@code _SelectorMapping}: the read-only view {@code get_map()} returns. */
    private static final class _SelectorMapping extends AbstractMap<Object, SelectorKey> {
        private final _BaseSelectorImpl selector;

        _SelectorMapping(_BaseSelectorImpl selector) {
            this.selector = selector;
        }

        @Override
        public int size() {
            return selector._fd_to_key.size();
        }

        /** {@code mapping[fileobj]}, except that a missing key gives null (Java's contract). */
        @Override
        public SelectorKey get(Object fileobj) {
            int fd;
            try {
                fd = selector._fileobj_lookup(fileobj);
            } catch (OSError e) {
                throw Sneaky.<RuntimeException>rethrow(e); // what Python raises, unchanged
            }
            return selector._fd_to_key.get(fd);
        }

        @Override
        public boolean containsKey(Object fileobj) {
            return get(fileobj) != null;
        }

        @Override
        public SelectorKey remove(Object key) {
            throw new UnsupportedOperationException("the selector map is read-only");
        }

        @Override
        public void clear() {
            throw new UnsupportedOperationException("the selector map is read-only");
        }

        @Override
        public Set<Entry<Object, SelectorKey>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<Object, SelectorKey>> iterator() {
                    Iterator<Entry<Integer, SelectorKey>> it = selector._fd_to_key.entrySet().iterator();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return it.hasNext();
                        }

                        @Override
                        public Entry<Object, SelectorKey> next() {
                            Entry<Integer, SelectorKey> e = it.next();
                            return new SimpleImmutableEntry<>(e.getKey(), e.getValue());
                        }
                    };
                }

                @Override
                public int size() {
                    return selector._fd_to_key.size();
                }
            };
        }
    }

    /** Rethrows a checked exception unchanged, for the Map view that cannot declare it. */
    private static final class Sneaky {
        @SuppressWarnings("unchecked")
        static <T extends Throwable> T rethrow(Throwable t) throws T {
            throw (T) t;
        }
    }

    /** Python's {@code _BaseSelectorImpl}: the fd-to-key bookkeeping every selector shares. */
    abstract static class _BaseSelectorImpl extends BaseSelector {
        /** fd to key, in registration order (a Python dict). */
        final Map<Integer, SelectorKey> _fd_to_key = new LinkedHashMap<>();
        private Map<Object, SelectorKey> _map = new _SelectorMapping(this);

        /** Only the selectors of this module extend it. */
        _BaseSelectorImpl() {
        }

        /**
         * {@code _fileobj_lookup}: {@code _fileobj_to_fd}, or, when that fails with ValueError,
         * the descriptor under which this very object is registered (so a closed socket can
         * still be unregistered).
         */
        int _fileobj_lookup(Object fileobj) throws OSError {
            try {
                return _fileobj_to_fd(fileobj);
            } catch (ValueError e) {
                for (SelectorKey key : _fd_to_key.values()) {
                    if (key.fileobj() == fileobj) {
                        return key.fd();
                    }
                }
                throw e;
            }
        }

        @Override
        public SelectorKey register(Object fileobj, int events, Object data) throws OSError {
            if (events == 0 || (events & ~(EVENT_READ | EVENT_WRITE)) != 0) {
                throw new ValueError("Invalid events: " + events);
            }
            SelectorKey key = new SelectorKey(fileobj, _fileobj_lookup(fileobj), events, data);
            if (_fd_to_key.containsKey(key.fd())) {
                throw new KeyError(Py.repr(fileobj) + " (FD " + key.fd() + ") is already registered");
            }
            _fd_to_key.put(key.fd(), key);
            return key;
        }

        @Override
        public SelectorKey unregister(Object fileobj) throws OSError {
            SelectorKey key = _fd_to_key.remove(_fileobj_lookup(fileobj));
            if (key == null) {
                throw new KeyError(Py.repr(fileobj) + " is not registered");
            }
            return key;
        }

        /** The key registered for fileobj, or KeyError '{fileobj!r} is not registered'. */
        SelectorKey registeredKey(Object fileobj) throws OSError {
            SelectorKey key = _fd_to_key.get(_fileobj_lookup(fileobj));
            if (key == null) {
                throw new KeyError(Py.repr(fileobj) + " is not registered");
            }
            return key;
        }

        @Override
        public SelectorKey modify(Object fileobj, int events, Object data) throws OSError {
            SelectorKey key = registeredKey(fileobj);
            if (events != key.events()) {
                unregister(fileobj);
                key = register(fileobj, events, data);
            } else if (!Objects.equals(data, key.data())) {
                key = key.with(key.events(), data); // the shortcut: only the data changes
                _fd_to_key.put(key.fd(), key);
            }
            return key;
        }

        @Override
        public void close() throws OSError {
            _fd_to_key.clear();
            _map = null;
        }

        @Override
        public Map<Object, SelectorKey> get_map() {
            return _map;
        }

        /** {@code _key_from_fd}: the key for fd, or null. */
        SelectorKey _key_from_fd(int fd) {
            return _fd_to_key.get(fd);
        }
    }

    /** Python's {@code SelectSelector}, on select(2): descriptors must be below FD_SETSIZE. */
    public static class SelectSelector extends _BaseSelectorImpl {
        private final Set<Integer> _readers = new TreeSet<>();
        private final Set<Integer> _writers = new TreeSet<>();

        /** {@code SelectSelector()}. */
        public SelectSelector() {
        }

        @Override
        public SelectorKey register(Object fileobj, int events, Object data) throws OSError {
            SelectorKey key = super.register(fileobj, events, data);
            if ((events & EVENT_READ) != 0) {
                _readers.add(key.fd());
            }
            if ((events & EVENT_WRITE) != 0) {
                _writers.add(key.fd());
            }
            return key;
        }

        @Override
        public SelectorKey unregister(Object fileobj) throws OSError {
            SelectorKey key = super.unregister(fileobj);
            _readers.remove(key.fd());
            _writers.remove(key.fd());
            return key;
        }

        @Override
        public List<Ready> select(Double timeout) throws OSError {
            if (timeout != null && timeout < 0) {
                return doSelect(0L);
            }
            return doSelect(timeout);
        }

        @Override
        public List<Ready> select(long timeout) throws OSError {
            return doSelect(Math.max(timeout, 0));
        }

        private List<Ready> doSelect(Object timeout) throws OSError {
            List<Integer> readers = List.copyOf(_readers);
            List<Integer> writers = List.copyOf(_writers);
            select.Selected r;
            try {
                r = timeout == null ? select.select(readers, writers, List.of())
                        : timeout instanceof Long l ? select.select(readers, writers, List.of(), (long) l)
                        : select.select(readers, writers, List.of(), (Double) timeout);
            } catch (InterruptedError e) {
                return new ArrayList<>();
            }
            Set<Integer> rs = new TreeSet<>();
            Set<Integer> ws = new TreeSet<>();
            for (Object o : r.rlist()) {
                rs.add((Integer) o);
            }
            for (Object o : r.wlist()) {
                ws.add((Integer) o);
            }
            Set<Integer> all = new TreeSet<>(rs);
            all.addAll(ws);
            List<Ready> ready = new ArrayList<>();
            for (int fd : all) {
                int events = 0;
                if (rs.contains(fd)) {
                    events |= EVENT_READ;
                }
                if (ws.contains(fd)) {
                    events |= EVENT_WRITE;
                }
                SelectorKey key = _key_from_fd(fd);
                if (key != null) {
                    ready.add(new Ready(key, events & key.events()));
                }
            }
            return ready;
        }
    }

    /** Python's {@code _PollLikeSelector}: what the poll and epoll selectors share. */
    abstract static class _PollLikeSelector extends _BaseSelectorImpl {
        private final long eventRead;
        private final long eventWrite;

        _PollLikeSelector(long eventRead, long eventWrite) {
            this.eventRead = eventRead;
            this.eventWrite = eventWrite;
        }

        abstract void pollerRegister(int fd, long events) throws OSError;

        abstract void pollerModify(int fd, long events) throws OSError;

        abstract void pollerUnregister(int fd) throws OSError;

        private long pollerEvents(int events) {
            long pe = 0;
            if ((events & EVENT_READ) != 0) {
                pe |= eventRead;
            }
            if ((events & EVENT_WRITE) != 0) {
                pe |= eventWrite;
            }
            return pe;
        }

        @Override
        public SelectorKey register(Object fileobj, int events, Object data) throws OSError {
            SelectorKey key = super.register(fileobj, events, data);
            try {
                pollerRegister(key.fd(), pollerEvents(events));
            } catch (Throwable t) {
                super.unregister(fileobj);
                throw t;
            }
            return key;
        }

        @Override
        public SelectorKey unregister(Object fileobj) throws OSError {
            SelectorKey key = super.unregister(fileobj);
            try {
                pollerUnregister(key.fd());
            } catch (OSError e) {
                // the descriptor was closed since it was registered
            }
            return key;
        }

        @Override
        public SelectorKey modify(Object fileobj, int events, Object data) throws OSError {
            SelectorKey key = registeredKey(fileobj);
            boolean changed = false;
            if (events != key.events()) {
                try {
                    pollerModify(key.fd(), pollerEvents(events));
                } catch (Throwable t) {
                    super.unregister(fileobj);
                    throw t;
                }
                changed = true;
            }
            if (!Objects.equals(data, key.data())) {
                changed = true;
            }
            if (changed) {
                key = key.with(events, data);
                _fd_to_key.put(key.fd(), key);
            }
            return key;
        }

        /** Turns the poller's (fd, events) pairs into (key, events) pairs. */
        List<Ready> ready(int[] fds, long[] events, int n) {
            List<Ready> ready = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int ev = 0;
                if ((events[i] & ~eventRead) != 0) {
                    ev |= EVENT_WRITE;
                }
                if ((events[i] & ~eventWrite) != 0) {
                    ev |= EVENT_READ;
                }
                SelectorKey key = _key_from_fd(fds[i]);
                if (key != null) {
                    ready.add(new Ready(key, ev & key.events()));
                }
            }
            return ready;
        }

        /** Python's {@code math.ceil(x)} for a float, as a long (its errors included). */
        static double ceil(double x) {
            if (Double.isNaN(x)) {
                throw new ValueError("cannot convert float NaN to integer");
            }
            if (Double.isInfinite(x)) {
                throw new OverflowError("cannot convert float infinity to integer");
            }
            return Math.ceil(x);
        }
    }

    /** Python's {@code PollSelector}, on poll(2). */
    public static class PollSelector extends _PollLikeSelector {
        private final select.poll _selector = select.poll();

        /** {@code PollSelector()}. */
        public PollSelector() {
            super(select.POLLIN, select.POLLOUT);
        }

        @Override
        void pollerRegister(int fd, long events) throws OSError {
            _selector.register(fd, (int) events);
        }

        @Override
        void pollerModify(int fd, long events) throws OSError {
            _selector.modify(fd, (int) events);
        }

        @Override
        void pollerUnregister(int fd) throws OSError {
            _selector.unregister(fd);
        }

        /** Timeout rounded up to whole milliseconds, as {@code math.ceil(timeout * 1e3)}. */
        @Override
        public List<Ready> select(Double timeout) throws OSError {
            List<select.PollEvent> events;
            try {
                if (timeout == null) {
                    events = _selector.poll();
                } else if (timeout <= 0) {
                    events = _selector.poll(0L);
                } else {
                    double ms = ceil(timeout * 1e3);
                    if (ms >= 0x1p63) {
                        throw new OverflowError("timestamp too large to convert to C _PyTime_t");
                    }
                    events = _selector.poll((long) ms);
                }
            } catch (InterruptedError e) {
                return new ArrayList<>();
            }
            int n = events.size();
            int[] fds = new int[n];
            long[] evs = new long[n];
            for (int i = 0; i < n; i++) {
                fds[i] = events.get(i).fd();
                evs[i] = events.get(i).events();
            }
            return ready(fds, evs, n);
        }
    }

    /** Python's {@code EpollSelector}, on epoll(7). */
    public static class EpollSelector extends _PollLikeSelector {
        private final select.epoll _selector;

        /**
         * {@code EpollSelector()}.
         *
         * @throws OSError when epoll_create1(2) fails, e.g. EMFILE
         */
        public EpollSelector() throws OSError {
            super(select.EPOLLIN, select.EPOLLOUT);
            _selector = select.epoll();
        }

        /**
         * {@code fileno()}: the epoll descriptor; ValueError once closed.
         *
         * @return the descriptor of the selector's epoll object; {@code ValueError} once closed
         */
        public int fileno() {
            return _selector.fileno();
        }

        @Override
        void pollerRegister(int fd, long events) throws OSError {
            _selector.register(fd, events);
        }

        @Override
        void pollerModify(int fd, long events) throws OSError {
            _selector.modify(fd, events);
        }

        @Override
        void pollerUnregister(int fd) throws OSError {
            _selector.unregister(fd);
        }

        /**
         * Timeout rounded up to a whole millisecond, as
         * {@code math.ceil(timeout * 1e3) * 1e-3}; at most one event per registration.
         */
        @Override
        public List<Ready> select(Double timeout) throws OSError {
            int maxEv = Math.max(_fd_to_key.size(), 1);
            List<select.EpollEvent> events;
            try {
                if (timeout == null) {
                    events = _selector.poll(-1L, maxEv);
                } else if (timeout <= 0) {
                    events = _selector.poll(0L, maxEv);
                } else {
                    events = _selector.poll(ceil(timeout * 1e3) * 1e-3, maxEv);
                }
            } catch (InterruptedError e) {
                return new ArrayList<>();
            }
            int n = events.size();
            int[] fds = new int[n];
            long[] evs = new long[n];
            for (int i = 0; i < n; i++) {
                fds[i] = events.get(i).fd();
                evs[i] = events.get(i).events();
            }
            return ready(fds, evs, n);
        }

        @Override
        public void close() throws OSError {
            _selector.close();
            super.close();
        }
    }

    /**
     * Python's {@code DefaultSelector}, which on Linux is {@link EpollSelector} itself (so it
     * prints as {@code <selectors.EpollSelector object at ...>}). A subclass here only so that
     * {@code new selectors.DefaultSelector()} reads like Python.
     */
    public static final class DefaultSelector extends EpollSelector {
        /**
         * {@code DefaultSelector()}.
         *
         * @throws OSError when epoll_create1(2) fails, e.g. EMFILE
         */
        public DefaultSelector() throws OSError {
        }

        @Override
        String pythonName() {
            return "EpollSelector";
        }
    }
}
