// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.bindings.posix_h.*;

import dev.pysocket.syscall.Posix;
import dev.pysocket.syscall.Scratch;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Python's socket object, {@code socket.socket} (whose other Python name, {@code SocketType},
 * this class takes, as Java cannot nest a class named like the {@code socket} module class).
 * Made by {@code socket.socket(family, type, proto, fileno)} and friends; every method keeps its
 * Python name, arguments and errors. {@code toString()} is Python's {@code repr()}.
 *
 * <p>A socket is {@link AutoCloseable}: try-with-resources is Python's {@code with}. A socket that
 * is garbage-collected while open closes its descriptor and logs {@code unclosed <socket ...>},
 * like CPython's ResourceWarning.
 *
 * <p>Unlike CPython, closing a socket that another thread is blocked on wakes that thread, which
 * then raises {@code OSError(EBADF)}; see docs/mapping.md.
 */
public final class SocketType implements AutoCloseable, FileLike {
    /** One cleaner thread for sockets and their makefile() objects. */
    static final Cleaner CLEANER = Cleaner.create();

    private final FdHandle handle;
    private final int family;
    private final int type;
    private final int proto;
    private final Cleaner.Cleanable cleanable;
    /** Nanoseconds; -1 is Python's None (blocking), 0 non-blocking. */
    private volatile long timeoutNanos;
    /** Python's {@code _closed} and {@code _io_refs}: makefile() streams keep the fd open. */
    private boolean closed;
    private int ioRefs;

    /**
     * Wraps a descriptor as CPython's {@code init_sockobject} does: SOCK_NONBLOCK in {@code type}
     * means timeout 0, else the default timeout applies (a descriptor made non-blocking when it
     * is not None). The flags are stripped from {@link #type()}.
     */
    SocketType(int fd, int family, int type, int proto) throws OSError {
        this.handle = new FdHandle(fd);
        this.family = family;
        this.type = type & ~(SOCK_NONBLOCK() | SOCK_CLOEXEC());
        this.proto = proto;
        if ((type & SOCK_NONBLOCK()) != 0) {
            timeoutNanos = 0;
        } else {
            timeoutNanos = socket.defaultTimeoutNanos();
            if (timeoutNanos >= 0) {
                handle.setBlocking(false);
            }
        }
        // Last: a constructor that threw leaves the descriptor to its caller, and no cleaner may
        // close that number later, when it may be someone else's.
        this.cleanable = CLEANER.register(this, new Unclosed(handle, family, this.type, proto));
    }

    /** Closes what the garbage collector found open, and says so as CPython's ResourceWarning does. */
    private record Unclosed(FdHandle handle, int family, int type, int proto) implements Runnable {
        @Override
        public void run() {
            if (!handle.isClosed()) {
                String repr = repr(handle, false, family, type, proto);
                try {
                    handle.close();
                } catch (OSError ignored) {
                    // a finalizer has nobody to report to but the log
                }
                // Looked up here, not at class load: slf4j complains once when no provider is
                // present, and a program that closes its sockets should never see that.
                Logger log = LoggerFactory.getLogger(SocketType.class);
                log.warn("ResourceWarning: unclosed {}", repr);
            }
        }
    }

    FdHandle handle() {
        return handle;
    }

    long timeoutNanos() {
        return timeoutNanos;
    }

    /** EBADF when closed: a call that sizes memory for its result checks this first. */
    void checkOpen() throws OSError {
        if (handle.isClosed()) {
            throw Errno.badf();
        }
    }

    // ---- attributes ----------------------------------------------------------------------

    /**
     * {@code sock.family}: the address family, printing as {@code <AddressFamily.AF_INET: 2>}.
     *
     * @return the family given at creation (AF_INET, AF_INET6, AF_UNIX, ...)
     */
    public AddressFamily family() {
        return AddressFamily.convert(family);
    }

    /**
     * {@code sock.type}: the socket type without SOCK_NONBLOCK/SOCK_CLOEXEC.
     *
     * @return the type given at creation (SOCK_STREAM, SOCK_DGRAM, ...), without its flags
     */
    public SocketKind type() {
        return SocketKind.convert(type);
    }

    /**
     * {@code sock.proto}.
     *
     * @return the protocol number given at creation, 0 for the family's default
     */
    public int proto() {
        return proto;
    }

    /**
     * {@code sock.timeout}: the same as {@link #gettimeout()}.
     *
     * @return the timeout in seconds, or null for None (blocking)
     */
    public Double timeout() {
        return gettimeout();
    }

    // ---- addresses, connections ----------------------------------------------------------

    /**
     * {@code sock.bind(address)} — bind(2).
     *
     * @param address the local address to bind: port 0 lets the system pick one, of the socket's
     *     family: an {@link InetAddr} for AF_INET, an {@link Inet6Addr} (or InetAddr) for AF_INET6,
     *     a {@link UnixAddr} for AF_UNIX; another kind is CPython's {@code TypeError}, a name that
     *     does not resolve a {@code socket.gaierror}
     * @throws OSError when bind(2) fails, with its errno (e.g.
     *     {@code [Errno 98] Address already in use} (EADDRINUSE), {@code PermissionError} (EACCES)
     *     for a port below 1024); {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public void bind(Address address) throws OSError {
        MemorySegment addr = Scratch.get().addr;
        int len = SockAddr.encode(family, address, "bind", addr);
        onFd(fd -> Posix.bind(fd, addr, len));
    }

    /**
     * One syscall that never waits (bind, listen, shutdown, options, modes), on the descriptor
     * held for its length: a negative result raises its errno; else the result is returned.
     */
    private int onFd(java.util.function.IntUnaryOperator call) throws OSError {
        int fd = handle.acquire();
        try {
            return Errno.check(call.applyAsInt(fd));
        } finally {
            handle.release();
        }
    }

    /**
     * {@code sock.listen()}: the backlog is min(SOMAXCONN, 128), as CPython picks.
     *
     * @throws OSError when listen(2) fails, with its errno (e.g.
     *     {@code [Errno 95] Operation not supported} (EOPNOTSUPP) for a datagram socket);
     *     {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public void listen() throws OSError {
        listen(Math.min(SOMAXCONN(), 128));
    }

    /**
     * {@code sock.listen(backlog)} — listen(2); a negative backlog is taken as 0, as CPython does.
     *
     * @param backlog how many connections not yet accepted the kernel may queue (capped at
     *     SOMAXCONN by the kernel)
     * @throws OSError when listen(2) fails, with its errno (e.g.
     *     {@code [Errno 95] Operation not supported} (EOPNOTSUPP) for a datagram socket);
     *     {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public void listen(int backlog) throws OSError {
        onFd(fd -> Posix.listen(fd, Math.max(backlog, 0)));
    }

    /**
     * {@code sock.accept()} — accept4(2) with SOCK_CLOEXEC: {@code (conn, address)}. The new
     * socket takes the default timeout, as in CPython (not the listening socket's).
     *
     * @return Python's {@code (conn, address)}: the new connected socket (close-on-exec, the
     *     default timeout) and the peer's address
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     before a connection comes
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and no connection is waiting
     * @throws OSError when accept4(2) fails, with its errno (e.g.
     *     {@code [Errno 22] Invalid argument} (EINVAL) when the socket is not listening, EMFILE
     *     when out of descriptors); {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public Accepted accept() throws OSError {
        SockAddr.checkAddrlen(family);
        Scratch sc = Scratch.get();
        int fd = (int) CallEngine.call(this, false, ACCEPT, MemorySegment.NULL, 0, SOCK_CLOEXEC());
        Address address = SockAddr.decode(sc.addr, sc.len.get(ValueLayout.JAVA_INT, 0));
        SocketType conn;
        try {
            conn = new SocketType(fd, family, type, proto);
        } catch (OSError e) {
            Posix.close(fd);
            throw e;
        }
        return new Accepted(conn, address);
    }

    /**
     * {@code sock.connect(address)} — connect(2), waiting for EINPROGRESS in timeout mode.
     *
     * @param address the peer to connect to, of the socket's family: an {@link InetAddr} for
     *     AF_INET, an {@link Inet6Addr} (or InetAddr) for AF_INET6, a {@link UnixAddr} for AF_UNIX;
     *     another kind is CPython's {@code TypeError}, a name that does not resolve a
     *     {@code socket.gaierror}
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     before the connection is made
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and the connection is under way:
     *     {@code [Errno 115] Operation now in progress} (EINPROGRESS)
     * @throws OSError when connect(2) fails, with its errno (e.g. {@code ConnectionRefusedError}
     *     (ECONNREFUSED) when nobody listens, {@code [Errno 106]} (EISCONN) when already
     *     connected); {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public void connect(Address address) throws OSError {
        internalConnect(address, "connect", true);
    }

    /**
     * {@code sock.connect_ex(address)}: connect, returning the errno instead of raising it (0 on
     * success, EWOULDBLOCK on timeout); address errors still raise, as in CPython.
     *
     * @param address the peer to connect to, of the socket's family: an {@link InetAddr} for
     *     AF_INET, an {@link Inet6Addr} (or InetAddr) for AF_INET6, a {@link UnixAddr} for AF_UNIX;
     *     another kind is CPython's {@code TypeError}, a name that does not resolve a
     *     {@code socket.gaierror}
     * @return 0 when connected, else the errno as an int (ECONNREFUSED, EINPROGRESS on a
     *     non-blocking socket, EWOULDBLOCK when the timeout expires, EBADF once closed)
     * @throws OSError only for what is wrong with the address before any call, e.g. a name that
     *     does not resolve ({@code socket.gaierror}), as in CPython
     */
    public int connect_ex(Address address) throws OSError {
        return internalConnect(address, "connect_ex", false);
    }

    /**
     * CPython's {@code internal_connect}: one connect(2); when it is under way (EINPROGRESS, or
     * EINTR, after which the connection goes on asynchronously), the engine waits for POLLOUT and
     * reads SO_ERROR, unless the socket is non-blocking (then the errno is the caller's).
     */
    private int internalConnect(Address address, String caller, boolean raise) throws OSError {
        MemorySegment addr = Scratch.get().addr;
        int len = SockAddr.encode(family, address, caller, addr);
        long timeout = timeoutNanos;
        long deadline = timeout > 0 ? PyTime.deadline(timeout) : 0;
        int fd;
        try {
            fd = handle.acquire();
        } catch (OSError e) {
            return fail(e.errno(), raise); // closed: connect(-1) fails with EBADF in CPython
        }
        int err;
        try {
            long r = CallEngine.attempt(handle, timeout, Thread.currentThread().isVirtual(), CONNECT, fd, addr, len, 0);
            if (r >= 0) {
                return 0;
            }
            err = handle.isClosed() ? EBADF() : (int) -r;
        } finally {
            handle.release();
        }
        if (timeout == 0 || (err != EINPROGRESS() && err != EINTR())) {
            return fail(err, raise);
        }
        try {
            CallEngine.call(handle, timeout, deadline, true, true, CONNECT_RESULT, MemorySegment.NULL, 0, 0);
            return 0;
        } catch (OSError e) {
            if (raise) {
                throw e;
            }
            return e.errno() == null ? EWOULDBLOCK() : e.errno();
        }
    }

    private static int fail(int err, boolean raise) throws OSError {
        if (raise) {
            throw Errno.exception(err);
        }
        return err;
    }

    // ---- the operations the call engine runs: constants, so a call allocates nothing ----------

    /** accept4(2) into the scratch sockaddr; flags are accept4's. */
    private static final CallEngine.Op ACCEPT = (fd, buf, len, flags) -> {
        Scratch sc = Scratch.get();
        sc.len.set(ValueLayout.JAVA_INT, 0, (int) sc.addr.byteSize());
        return CallEngine.check(Posix.accept4(fd, sc.addr, sc.len, flags));
    };

    /** connect(2) to the address in {@code buf} (the scratch sockaddr), {@code len} bytes long. */
    private static final CallEngine.Op CONNECT = (fd, buf, len, flags) ->
            CallEngine.check(Posix.connect(fd, buf, (int) len));

    /** The outcome of a connect in progress: SO_ERROR, where EISCONN also means connected. */
    private static final CallEngine.Op CONNECT_RESULT = (fd, buf, len, flags) -> connectResult(fd);

    /** send(2); MSG_NOSIGNAL so that a closed peer is EPIPE, never SIGPIPE. */
    private static final CallEngine.Op SEND = (fd, buf, len, flags) ->
            CallEngine.check(Posix.send(fd, buf, len, flags | MSG_NOSIGNAL()));

    /** sendto(2) to the scratch sockaddr, whose length is in the scratch length word. */
    private static final CallEngine.Op SENDTO = (fd, buf, len, flags) -> {
        Scratch sc = Scratch.get();
        return CallEngine.check(Posix.sendto(fd, buf, len, flags | MSG_NOSIGNAL(), sc.addr,
                sc.len.get(ValueLayout.JAVA_INT, 0)));
    };

    /** recv(2). */
    private static final CallEngine.Op RECV = (fd, buf, len, flags) ->
            CallEngine.check(Posix.recv(fd, buf, len, flags));

    /** recvfrom(2), the sender's address into the scratch sockaddr. */
    private static final CallEngine.Op RECVFROM = (fd, buf, len, flags) -> {
        Scratch sc = Scratch.get();
        sc.addr.fill((byte) 0);
        sc.len.set(ValueLayout.JAVA_INT, 0, (int) sc.addr.byteSize());
        return CallEngine.check(Posix.recvfrom(fd, buf, len, flags, sc.addr, sc.len));
    };

    private static long connectResult(int fd) {
        Scratch sc = Scratch.get();
        sc.len.set(ValueLayout.JAVA_INT, 0, 4);
        if (Posix.getsockopt(fd, SOL_SOCKET(), SO_ERROR(), sc.word, sc.len) < 0) {
            return -Posix.errno();
        }
        int err = sc.word.get(ValueLayout.JAVA_INT, 0);
        return err == 0 || err == EISCONN() ? 1 : -err;
    }

    /**
     * {@code sock.getsockname()} — getsockname(2).
     *
     * @return the socket's own address: {@code (host, port)} for AF_INET, a path for AF_UNIX (after
     *     {@code bind(("", 0))}, the port the system picked)
     * @throws OSError when getsockname(2) fails, with its errno (rarely);
     *     {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public Address getsockname() throws OSError {
        return name(true);
    }

    /**
     * {@code sock.getpeername()} — getpeername(2).
     *
     * @return the address of the peer this socket is connected to
     * @throws OSError when getpeername(2) fails, with its errno
     *     ({@code [Errno 107] Transport endpoint is not connected} (ENOTCONN) when not connected);
     *     {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public Address getpeername() throws OSError {
        return name(false);
    }

    private Address name(boolean local) throws OSError {
        SockAddr.checkAddrlen(family);
        int fd = handle.acquire();
        try {
            return name(fd, local);
        } finally {
            handle.release();
        }
    }

    private static Address name(int fd, boolean local) throws OSError {
        Scratch sc = Scratch.get();
        sc.addr.fill((byte) 0);
        sc.len.set(ValueLayout.JAVA_INT, 0, (int) sc.addr.byteSize());
        int rc = Errno.check(local ? Posix.getsockname(fd, sc.addr, sc.len) : Posix.getpeername(fd, sc.addr, sc.len));
        return SockAddr.decode(sc.addr, sc.len.get(ValueLayout.JAVA_INT, 0));
    }

    /**
     * {@code sock.shutdown(how)} — shutdown(2) with SHUT_RD, SHUT_WR or SHUT_RDWR.
     *
     * @param how SHUT_RD (no more receiving), SHUT_WR (no more sending: the peer reads EOF) or
     *     SHUT_RDWR
     * @throws OSError when shutdown(2) fails, with its errno
     *     ({@code [Errno 107] Transport endpoint is not connected} (ENOTCONN) when not connected,
     *     EINVAL for a bad how); {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public void shutdown(int how) throws OSError {
        onFd(fd -> Posix.shutdown(fd, how));
    }

    // ---- sending -------------------------------------------------------------------------

    /**
     * {@code sock.send(bytes)}: returns how many bytes were sent.
     *
     * @param data    the bytes to send; null is a {@code TypeError}, as None is in Python
     * @return how many bytes were sent, which may be fewer than given (Python's int)
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and there is no room to send
     * @throws OSError when send(2) fails, with its errno (e.g. {@code BrokenPipeError} (EPIPE) once
     *     the peer has closed, {@code ConnectionResetError} (ECONNRESET));
     *     {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public int send(byte[] data) throws OSError {
        return send(data, 0);
    }

    /**
     * {@code sock.send(bytes, flags)} — send(2); MSG_NOSIGNAL is always added.
     *
     * @param data    the bytes to send; null is a {@code TypeError}, as None is in Python
     * @param flags   MSG_ flags for send(2), or-ed (MSG_OOB, MSG_DONTWAIT, MSG_MORE, ...); 0 for
     *     none
     * @return how many bytes were sent, which may be fewer than given (Python's int)
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and there is no room to send
     * @throws OSError when send(2) fails, with its errno (e.g. {@code BrokenPipeError} (EPIPE) once
     *     the peer has closed, {@code ConnectionResetError} (ECONNRESET));
     *     {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public int send(byte[] data, int flags) throws OSError {
        try (Buffers b = Buffers.forSend(data)) {
            return send(b, flags);
        }
    }

    /**
     * {@code sock.send(buffer)}: the bytes between position and limit (the position stays).
     *
     * @param data    the bytes between its position and limit are sent; its position does not move
     * @return how many bytes were sent, which may be fewer than given (Python's int)
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and there is no room to send
     * @throws OSError when send(2) fails, with its errno (e.g. {@code BrokenPipeError} (EPIPE) once
     *     the peer has closed, {@code ConnectionResetError} (ECONNRESET));
     *     {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public int send(ByteBuffer data) throws OSError {
        return send(data, 0);
    }

    /**
     * {@code sock.send(buffer, flags)} (the position stays).
     *
     * @param data    the bytes between its position and limit are sent; its position does not move
     * @param flags   MSG_ flags for send(2), or-ed (MSG_OOB, MSG_DONTWAIT, MSG_MORE, ...); 0 for
     *     none
     * @return how many bytes were sent, which may be fewer than given (Python's int)
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and there is no room to send
     * @throws OSError when send(2) fails, with its errno (e.g. {@code BrokenPipeError} (EPIPE) once
     *     the peer has closed, {@code ConnectionResetError} (ECONNRESET));
     *     {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public int send(ByteBuffer data, int flags) throws OSError {
        return send(Buffers.segment(data), flags);
    }

    /**
     * {@code sock.send(buffer, flags)} for a memory segment: native memory goes to the kernel as
     * is.
     *
     * @param data    the bytes to send, read in place when the segment is native
     * @param flags   MSG_ flags for send(2), or-ed (MSG_OOB, MSG_DONTWAIT, MSG_MORE, ...); 0 for
     *     none
     * @return how many bytes were sent, which may be fewer than given (Python's int)
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and there is no room to send
     * @throws OSError when send(2) fails, with its errno (e.g. {@code BrokenPipeError} (EPIPE) once
     *     the peer has closed, {@code ConnectionResetError} (ECONNRESET));
     *     {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public int send(MemorySegment data, int flags) throws OSError {
        try (Buffers b = Buffers.forSend(data)) {
            return send(b, flags);
        }
    }

    private int send(Buffers b, int flags) throws OSError {
        return (int) CallEngine.call(this, true, SEND, b.buf, b.len, flags);
    }

    /**
     * {@code sock.sendall(bytes)}.
     *
     * @param data    the bytes to send; null is a {@code TypeError}, as None is in Python
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     before all is sent (how much was sent is then unknown, as in CPython)
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and there is no room to send
     * @throws OSError when send(2) fails, with its errno (e.g. {@code BrokenPipeError} (EPIPE) once
     *     the peer has closed, {@code ConnectionResetError} (ECONNRESET));
     *     {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public void sendall(byte[] data) throws OSError {
        sendall(data, 0);
    }

    /**
     * {@code sock.sendall(bytes, flags)}.
     *
     * @param data    the bytes to send; null is a {@code TypeError}, as None is in Python
     * @param flags   MSG_ flags for send(2), or-ed (MSG_OOB, MSG_DONTWAIT, MSG_MORE, ...); 0 for
     *     none
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     before all is sent (how much was sent is then unknown, as in CPython)
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and there is no room to send
     * @throws OSError when send(2) fails, with its errno (e.g. {@code BrokenPipeError} (EPIPE) once
     *     the peer has closed, {@code ConnectionResetError} (ECONNRESET));
     *     {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public void sendall(byte[] data, int flags) throws OSError {
        try (Buffers b = Buffers.forSend(data)) {
            sendall(b, flags);
        }
    }

    /**
     * {@code sock.sendall(buffer)} (the position stays).
     *
     * @param data    the bytes between its position and limit are sent; its position does not move
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     before all is sent (how much was sent is then unknown, as in CPython)
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and there is no room to send
     * @throws OSError when send(2) fails, with its errno (e.g. {@code BrokenPipeError} (EPIPE) once
     *     the peer has closed, {@code ConnectionResetError} (ECONNRESET));
     *     {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public void sendall(ByteBuffer data) throws OSError {
        sendall(data, 0);
    }

    /**
     * {@code sock.sendall(buffer, flags)} (the position stays).
     *
     * @param data    the bytes between its position and limit are sent; its position does not move
     * @param flags   MSG_ flags for send(2), or-ed (MSG_OOB, MSG_DONTWAIT, MSG_MORE, ...); 0 for
     *     none
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     before all is sent (how much was sent is then unknown, as in CPython)
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and there is no room to send
     * @throws OSError when send(2) fails, with its errno (e.g. {@code BrokenPipeError} (EPIPE) once
     *     the peer has closed, {@code ConnectionResetError} (ECONNRESET));
     *     {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public void sendall(ByteBuffer data, int flags) throws OSError {
        sendall(Buffers.segment(data), flags);
    }

    /**
     * {@code sock.sendall(buffer, flags)}: sends until all is sent. In timeout mode the timeout
     * bounds the whole call, not each send, as in CPython.
     *
     * @param data    the bytes to send, read in place when the segment is native
     * @param flags   MSG_ flags for send(2), or-ed (MSG_OOB, MSG_DONTWAIT, MSG_MORE, ...); 0 for
     *     none
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     before all is sent (how much was sent is then unknown, as in CPython)
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and there is no room to send
     * @throws OSError when send(2) fails, with its errno (e.g. {@code BrokenPipeError} (EPIPE) once
     *     the peer has closed, {@code ConnectionResetError} (ECONNRESET));
     *     {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public void sendall(MemorySegment data, int flags) throws OSError {
        try (Buffers b = Buffers.forSend(data)) {
            sendall(b, flags);
        }
    }

    private void sendall(Buffers b, int flags) throws OSError {
        long timeout = timeoutNanos;
        long deadline = timeout > 0 ? PyTime.deadline(timeout) : 0; // one deadline for the whole call
        long sent = 0;
        do {
            if (sent > 0 && timeout > 0 && PyTime.remaining(deadline) <= 0) {
                throw Errno.timedOut(); // CPython checks the time left before each send
            }
            MemorySegment rest = sent == 0 ? b.buf : b.buf.asSlice(sent); // a slice only after a partial send
            sent += CallEngine.call(handle, timeout, deadline, true, false, SEND, rest, b.len - sent, flags);
        } while (sent < b.len);
    }

    /**
     * {@code sock.sendfile(open(path, 'rb'))}: sends the whole file, with sendfile(2).
     *
     * @param file the file to send
     * @return the number of bytes sent
     * @throws OSError as {@link #sendfile(Path, long, Long)}
     */
    public long sendfile(Path file) throws OSError {
        return SendFile.send(this, file, 0, null);
    }

    /**
     * {@code sock.sendfile(open(path, 'rb'), offset)}.
     *
     * @param file   the file to send
     * @param offset where in the file to start
     * @return the number of bytes sent
     * @throws OSError as {@link #sendfile(Path, long, Long)}
     */
    public long sendfile(Path file, long offset) throws OSError {
        return SendFile.send(this, file, offset, null);
    }

    /**
     * {@code sock.sendfile(open(path, 'rb'), offset, count)}: Lib/socket.py's
     * {@code _sendfile_use_sendfile}: sendfile(2) from {@code offset} until {@code count} bytes
     * (or the end of the file) are sent, in timeout mode with the socket's timeout for each
     * block; when sendfile(2) refuses the file before anything was sent, CPython's fallback
     * {@code _sendfile_use_send} (reads sent with {@code send}). The file is opened read-only here
     * and closed before returning (Python's file object is the caller's; here the path is).
     *
     * @param file   the file to send
     * @param offset where in the file to start
     * @param count  how many bytes at most, or null (None) for up to the end of the file
     * @return the number of bytes sent (0 for an empty file)
     * @throws OSError open(2)'s errno (e.g. {@code FileNotFoundError}; {@code IsADirectoryError}
     *     for a directory, as Python's {@code open}); send errors such as
     *     {@code BrokenPipeError}; {@code TimeoutError('timed out')} in timeout mode
     * @throws ValueError {@code only SOCK_STREAM type sockets are supported},
     *     {@code count must be a positive integer (got 0)}, {@code non-blocking sockets are not
     *     supported} (timeout 0.0)
     * @throws TypeError for a null file
     */
    public long sendfile(Path file, long offset, Long count) throws OSError {
        return SendFile.send(this, file, offset, count);
    }

    /**
     * {@code sock.sendfile(file)} for a channel: sends from the channel's position to its end.
     *
     * @param file the channel to read
     * @return the number of bytes sent
     * @throws OSError as {@link #sendfile(FileChannel, long, Long)}
     */
    public long sendfile(FileChannel file) throws OSError {
        return SendFile.send(this, file, 0, null);
    }

    /**
     * {@code sock.sendfile(file, offset)} for a channel.
     *
     * @param file   the channel to read
     * @param offset where to start (0: the channel's position, as Python's send path)
     * @return the number of bytes sent
     * @throws OSError as {@link #sendfile(FileChannel, long, Long)}
     */
    public long sendfile(FileChannel file, long offset) throws OSError {
        return SendFile.send(this, file, offset, null);
    }

    /**
     * {@code sock.sendfile(file, offset, count)} for a channel. A {@code FileChannel} has no
     * public descriptor, so this is CPython's {@code _sendfile_use_send}, the path Python takes
     * for a file without {@code fileno()}: a non-zero offset is seeked to, the channel is read in
     * 8192-byte blocks, each sent whole, and afterwards the channel's position is
     * {@code offset + sent} (Python's {@code file.seek}).
     *
     * @param file   the channel to read
     * @param offset where to start (0: the channel's position)
     * @param count  how many bytes at most, or null (None) for up to the end
     * @return the number of bytes sent
     * @throws OSError send errors; {@code [Errno 22] Invalid argument} for a negative offset (as
     *     Python's {@code file.seek}); an OSError with the message of the channel's IOException
     * @throws ValueError as {@link #sendfile(Path, long, Long)}
     * @throws AttributeError for a null file (Python's {@code None.read})
     */
    public long sendfile(FileChannel file, long offset, Long count) throws OSError {
        return SendFile.send(this, file, offset, count);
    }

    /**
     * {@code sock.sendto(bytes, address)}.
     *
     * @param data    the bytes to send; null is a {@code TypeError}, as None is in Python
     * @param address the destination, of the socket's family: an {@link InetAddr} for AF_INET, an
     *     {@link Inet6Addr} (or InetAddr) for AF_INET6, a {@link UnixAddr} for AF_UNIX; another
     *     kind is CPython's {@code TypeError}, a name that does not resolve a
     *     {@code socket.gaierror}
     * @return how many bytes were sent, which may be fewer than given (Python's int)
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and there is no room to send
     * @throws OSError when sendto(2) fails, with its errno (e.g. {@code PermissionError} (EACCES)
     *     for a broadcast address without SO_BROADCAST, {@code [Errno 90] Message too long}
     *     (EMSGSIZE)); {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public int sendto(byte[] data, Address address) throws OSError {
        return sendto(data, 0, address);
    }

    /**
     * {@code sock.sendto(bytes, flags, address)}.
     *
     * @param data    the bytes to send; null is a {@code TypeError}, as None is in Python
     * @param flags   MSG_ flags for send(2), or-ed (MSG_OOB, MSG_DONTWAIT, MSG_MORE, ...); 0 for
     *     none
     * @param address the destination, of the socket's family: an {@link InetAddr} for AF_INET, an
     *     {@link Inet6Addr} (or InetAddr) for AF_INET6, a {@link UnixAddr} for AF_UNIX; another
     *     kind is CPython's {@code TypeError}, a name that does not resolve a
     *     {@code socket.gaierror}
     * @return how many bytes were sent, which may be fewer than given (Python's int)
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and there is no room to send
     * @throws OSError when sendto(2) fails, with its errno (e.g. {@code PermissionError} (EACCES)
     *     for a broadcast address without SO_BROADCAST, {@code [Errno 90] Message too long}
     *     (EMSGSIZE)); {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public int sendto(byte[] data, int flags, Address address) throws OSError {
        try (Buffers b = Buffers.forSend(data)) {
            return sendto(b, flags, address);
        }
    }

    /**
     * {@code sock.sendto(buffer, flags, address)} (the position stays).
     *
     * @param data    the bytes between its position and limit are sent; its position does not move
     * @param flags   MSG_ flags for send(2), or-ed (MSG_OOB, MSG_DONTWAIT, MSG_MORE, ...); 0 for
     *     none
     * @param address the destination, of the socket's family: an {@link InetAddr} for AF_INET, an
     *     {@link Inet6Addr} (or InetAddr) for AF_INET6, a {@link UnixAddr} for AF_UNIX; another
     *     kind is CPython's {@code TypeError}, a name that does not resolve a
     *     {@code socket.gaierror}
     * @return how many bytes were sent, which may be fewer than given (Python's int)
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and there is no room to send
     * @throws OSError when sendto(2) fails, with its errno (e.g. {@code PermissionError} (EACCES)
     *     for a broadcast address without SO_BROADCAST, {@code [Errno 90] Message too long}
     *     (EMSGSIZE)); {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public int sendto(ByteBuffer data, int flags, Address address) throws OSError {
        return sendto(Buffers.segment(data), flags, address);
    }

    /**
     * {@code sock.sendto(buffer, flags, address)} — sendto(2) with MSG_NOSIGNAL.
     *
     * @param data    the bytes to send, read in place when the segment is native
     * @param flags   MSG_ flags for send(2), or-ed (MSG_OOB, MSG_DONTWAIT, MSG_MORE, ...); 0 for
     *     none
     * @param address the destination, of the socket's family: an {@link InetAddr} for AF_INET, an
     *     {@link Inet6Addr} (or InetAddr) for AF_INET6, a {@link UnixAddr} for AF_UNIX; another
     *     kind is CPython's {@code TypeError}, a name that does not resolve a
     *     {@code socket.gaierror}
     * @return how many bytes were sent, which may be fewer than given (Python's int)
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and there is no room to send
     * @throws OSError when sendto(2) fails, with its errno (e.g. {@code PermissionError} (EACCES)
     *     for a broadcast address without SO_BROADCAST, {@code [Errno 90] Message too long}
     *     (EMSGSIZE)); {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public int sendto(MemorySegment data, int flags, Address address) throws OSError {
        try (Buffers b = Buffers.forSend(data)) {
            return sendto(b, flags, address);
        }
    }

    private int sendto(Buffers b, int flags, Address address) throws OSError {
        Scratch sc = Scratch.get();
        sc.len.set(ValueLayout.JAVA_INT, 0, SockAddr.encode(family, address, "sendto", sc.addr));
        return (int) CallEngine.call(this, true, SENDTO, b.buf, b.len, flags);
    }

    // ---- receiving -----------------------------------------------------------------------

    /**
     * {@code sock.recv(bufsize)}.
     *
     * @param bufsize the most bytes to receive (pass a power of 2, say 4096, as Python's docs
     *     advise); negative is {@code ValueError('negative buffersize in recv')}
     * @return the bytes received, at most bufsize; empty when the peer has closed the connection
     *     (EOF)
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and nothing is there to read
     * @throws OSError when recv(2) fails, with its errno (e.g. {@code ConnectionResetError}
     *     (ECONNRESET)); {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public byte[] recv(int bufsize) throws OSError {
        return recv(bufsize, 0);
    }

    /**
     * {@code sock.recv(bufsize, flags)} — recv(2). {@code recv(0)} returns empty bytes without a
     * syscall, even on a closed socket, as CPython does.
     *
     * @param bufsize the most bytes to receive (pass a power of 2, say 4096, as Python's docs
     *     advise); negative is {@code ValueError('negative buffersize in recv')}
     * @param flags   MSG_ flags for recv(2), or-ed (MSG_PEEK, MSG_WAITALL, MSG_DONTWAIT, ...); 0
     *     for none
     * @return the bytes received, at most bufsize; empty when the peer has closed the connection
     *     (EOF)
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and nothing is there to read
     * @throws OSError when recv(2) fails, with its errno (e.g. {@code ConnectionResetError}
     *     (ECONNRESET)); {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public byte[] recv(int bufsize, int flags) throws OSError {
        if (bufsize < 0) {
            throw new ValueError("negative buffersize in recv");
        }
        if (bufsize > 0) {
            checkOpen(); // before sizing memory for the call
        }
        try (Buffers b = Buffers.forRecv(bufsize)) {
            return b.bytes(recv(b, flags));
        }
    }

    /**
     * One recv into {@code dst} (not empty) under a timeout and deadline the caller took at the
     * start of a longer call: a TLS call's, which _ssl.c's PySSL_select waits for with the time
     * left, however many reads it takes.
     */
    int recvBy(MemorySegment dst, long timeout, long deadline) throws OSError {
        try (Buffers b = Buffers.forRecv(dst, dst.byteSize())) {
            return (int) b.received(CallEngine.call(handle, timeout, deadline, false, false, RECV, b.buf, b.len, 0));
        }
    }

    /** One send of {@code src} under the caller's timeout and deadline, as {@link #recvBy}. */
    int sendBy(MemorySegment src, long timeout, long deadline) throws OSError {
        try (Buffers b = Buffers.forSend(src)) {
            return (int) CallEngine.call(handle, timeout, deadline, true, false, SEND, b.buf, b.len, 0);
        }
    }

    /** CPython's {@code sock_recv_guts}: nothing to read is no syscall, even on a closed socket. */
    private long recv(Buffers b, int flags) throws OSError {
        if (b.len == 0) {
            return 0;
        }
        return CallEngine.call(this, false, RECV, b.buf, b.len, flags);
    }

    /**
     * {@code sock.recv_into(buffer)}: fills up to the whole array; returns the count.
     *
     * @param buffer  the array to fill, from index 0
     * @return how many bytes were written into the buffer; 0 when the peer has closed the
     *     connection (EOF)
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and nothing is there to read
     * @throws OSError when recv(2) fails, with its errno (e.g. {@code ConnectionResetError}
     *     (ECONNRESET)); {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public int recv_into(byte[] buffer) throws OSError {
        return recv_into(buffer, 0, 0);
    }

    /**
     * {@code sock.recv_into(buffer, nbytes, flags)}.
     *
     * @param buffer  the array to fill, from index 0
     * @param nbytes  how many bytes at most to receive; 0 means the whole buffer; negative, or more
     *     than the buffer holds, is a {@code ValueError}
     * @param flags   MSG_ flags for recv(2), or-ed (MSG_PEEK, MSG_WAITALL, MSG_DONTWAIT, ...); 0
     *     for none
     * @return how many bytes were written into the buffer; 0 when the peer has closed the
     *     connection (EOF)
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and nothing is there to read
     * @throws OSError when recv(2) fails, with its errno (e.g. {@code ConnectionResetError}
     *     (ECONNRESET)); {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public int recv_into(byte[] buffer, int nbytes, int flags) throws OSError {
        Buffers.checkNotNone(buffer);
        int n = intoLength(buffer.length, false, nbytes, RECV_INTO);
        try (Buffers b = Buffers.forRecv(buffer, n)) {
            return (int) b.received(recv(b, flags));
        }
    }

    /**
     * {@code sock.recv_into(buffer)}: fills from position to limit (the position stays).
     *
     * @param buffer  filled from its position up to its limit; its position does not move
     * @return how many bytes were written into the buffer; 0 when the peer has closed the
     *     connection (EOF)
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and nothing is there to read
     * @throws OSError when recv(2) fails, with its errno (e.g. {@code ConnectionResetError}
     *     (ECONNRESET)); {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public int recv_into(ByteBuffer buffer) throws OSError {
        return recv_into(buffer, 0, 0);
    }

    /**
     * {@code sock.recv_into(buffer, nbytes, flags)} (the position stays).
     *
     * @param buffer  filled from its position up to its limit; its position does not move
     * @param nbytes  how many bytes at most to receive; 0 means the whole buffer; negative, or more
     *     than the buffer holds, is a {@code ValueError}
     * @param flags   MSG_ flags for recv(2), or-ed (MSG_PEEK, MSG_WAITALL, MSG_DONTWAIT, ...); 0
     *     for none
     * @return how many bytes were written into the buffer; 0 when the peer has closed the
     *     connection (EOF)
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and nothing is there to read
     * @throws OSError when recv(2) fails, with its errno (e.g. {@code ConnectionResetError}
     *     (ECONNRESET)); {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public int recv_into(ByteBuffer buffer, int nbytes, int flags) throws OSError {
        return recv_into(Buffers.segment(buffer), nbytes, flags);
    }

    /**
     * {@code sock.recv_into(buffer, nbytes, flags)} — recv(2) into the buffer; nbytes 0 means the
     * buffer's length.
     *
     * @param buffer  the segment to fill, written in place when native; a read-only segment is a
     *     {@code TypeError}
     * @param nbytes  how many bytes at most to receive; 0 means the whole buffer; negative, or more
     *     than the buffer holds, is a {@code ValueError}
     * @param flags   MSG_ flags for recv(2), or-ed (MSG_PEEK, MSG_WAITALL, MSG_DONTWAIT, ...); 0
     *     for none
     * @return how many bytes were written into the buffer; 0 when the peer has closed the
     *     connection (EOF)
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and nothing is there to read
     * @throws OSError when recv(2) fails, with its errno (e.g. {@code ConnectionResetError}
     *     (ECONNRESET)); {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public int recv_into(MemorySegment buffer, int nbytes, int flags) throws OSError {
        Buffers.checkUsable(buffer);
        long n = intoLength(buffer.byteSize(), buffer.isReadOnly(), nbytes, RECV_INTO);
        try (Buffers b = Buffers.forRecv(buffer, n)) {
            return (int) b.received(recv(b, flags));
        }
    }

    /**
     * {@code sock.recv_into(buffer, nbytes)}: the two-argument form, flags 0.
     *
     * @param buffer the array to fill, from index 0
     * @param nbytes how many bytes at most; 0 means the whole buffer
     * @return how many bytes were written; 0 at EOF
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and nothing is there to read
     * @throws OSError when the call fails, with its errno; {@code [Errno 9] Bad file descriptor}
     *     once the socket is closed
     */
    public int recv_into(byte[] buffer, int nbytes) throws OSError {
        return recv_into(buffer, nbytes, 0);
    }

    /**
     * {@code sock.recv_into(buffer, nbytes)} for a ByteBuffer (its position does not move).
     *
     * @param buffer filled from its position up to its limit
     * @param nbytes how many bytes at most; 0 means up to the limit
     * @return how many bytes were written; 0 at EOF
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and nothing is there to read
     * @throws OSError when the call fails, with its errno; {@code [Errno 9] Bad file descriptor}
     *     once the socket is closed
     */
    public int recv_into(ByteBuffer buffer, int nbytes) throws OSError {
        return recv_into(buffer, nbytes, 0);
    }

    /**
     * {@code sock.recv_into(buffer)} for a memory segment: fills up to its whole length.
     *
     * @param buffer the segment to fill
     * @return how many bytes were written; 0 at EOF
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and nothing is there to read
     * @throws OSError when the call fails, with its errno; {@code [Errno 9] Bad file descriptor}
     *     once the socket is closed
     */
    public int recv_into(MemorySegment buffer) throws OSError {
        return recv_into(buffer, 0, 0);
    }

    /**
     * {@code sock.recv_into(buffer, nbytes)} for a memory segment.
     *
     * @param buffer the segment to fill
     * @param nbytes how many bytes at most; 0 means the whole segment
     * @return how many bytes were written; 0 at EOF
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and nothing is there to read
     * @throws OSError when the call fails, with its errno; {@code [Errno 9] Bad file descriptor}
     *     once the socket is closed
     */
    public int recv_into(MemorySegment buffer, int nbytes) throws OSError {
        return recv_into(buffer, nbytes, 0);
    }

    /** recv_into's name in messages and its "nbytes too large" message. */
    private static final String[] RECV_INTO = {"recv_into", "buffer too small for requested bytes"};
    /** recvfrom_into's. */
    private static final String[] RECVFROM_INTO = {"recvfrom_into", "nbytes is greater than the length of the buffer"};

    /**
     * CPython's checks of recv_into/recvfrom_into, in its order: how many bytes of a buffer of
     * {@code size} to fill (nbytes 0 means all).
     */
    private static int intoLength(long size, boolean readOnly, int nbytes, String[] names) {
        if (readOnly) {
            throw new TypeError(names[0] + "() argument 1 must be read-write bytes-like object, not bytes");
        }
        if (nbytes < 0) {
            throw new ValueError("negative buffersize in " + names[0]);
        }
        if (nbytes > size) {
            throw new ValueError(names[1]);
        }
        return nbytes == 0 ? (int) Math.min(size, Integer.MAX_VALUE) : nbytes;
    }

    /**
     * {@code sock.recvfrom(bufsize)}.
     *
     * @param bufsize the most bytes to receive (pass a power of 2, say 4096, as Python's docs
     *     advise); negative is {@code ValueError('negative buffersize in recvfrom')}
     * @return Python's {@code (bytes, address)}: the data, at most bufsize, and the sender's
     *     address; the address is null (None) when the kernel gives none, as on a connected TCP
     *     socket
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and nothing is there to read
     * @throws OSError when recv(2) fails, with its errno (e.g. {@code ConnectionResetError}
     *     (ECONNRESET)); {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public RecvFrom recvfrom(int bufsize) throws OSError {
        return recvfrom(bufsize, 0);
    }

    /**
     * {@code sock.recvfrom(bufsize, flags)} — recvfrom(2): {@code (bytes, address)}.
     *
     * @param bufsize the most bytes to receive (pass a power of 2, say 4096, as Python's docs
     *     advise); negative is {@code ValueError('negative buffersize in recvfrom')}
     * @param flags   MSG_ flags for recv(2), or-ed (MSG_PEEK, MSG_WAITALL, MSG_DONTWAIT, ...); 0
     *     for none
     * @return Python's {@code (bytes, address)}: the data, at most bufsize, and the sender's
     *     address; the address is null (None) when the kernel gives none, as on a connected TCP
     *     socket
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and nothing is there to read
     * @throws OSError when recv(2) fails, with its errno (e.g. {@code ConnectionResetError}
     *     (ECONNRESET)); {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public RecvFrom recvfrom(int bufsize, int flags) throws OSError {
        if (bufsize < 0) {
            throw new ValueError("negative buffersize in recvfrom");
        }
        SockAddr.checkAddrlen(family); // CPython's getsockaddrlen comes first, even on a closed socket
        checkOpen();
        try (Buffers b = Buffers.forRecv(bufsize)) {
            byte[] data = b.bytes(CallEngine.call(this, false, RECVFROM, b.buf, b.len, flags));
            return new RecvFrom(data, senderAddress());
        }
    }

    /** The address RECVFROM left in this thread's scratch sockaddr. */
    private static Address senderAddress() {
        Scratch sc = Scratch.get();
        return SockAddr.decode(sc.addr, sc.len.get(ValueLayout.JAVA_INT, 0));
    }

    /**
     * {@code sock.recvfrom_into(buffer)}.
     *
     * @param buffer  the array to fill, from index 0
     * @return Python's {@code (nbytes, address)}: how many bytes were written and the sender's
     *     address (null, None, when the kernel gives none)
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and nothing is there to read
     * @throws OSError when recv(2) fails, with its errno (e.g. {@code ConnectionResetError}
     *     (ECONNRESET)); {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public RecvFromInto recvfrom_into(byte[] buffer) throws OSError {
        return recvfrom_into(buffer, 0, 0);
    }

    /**
     * {@code sock.recvfrom_into(buffer, nbytes, flags)}.
     *
     * @param buffer  the array to fill, from index 0
     * @param nbytes  how many bytes at most to receive; 0 means the whole buffer; negative, or more
     *     than the buffer holds, is a {@code ValueError}
     * @param flags   MSG_ flags for recv(2), or-ed (MSG_PEEK, MSG_WAITALL, MSG_DONTWAIT, ...); 0
     *     for none
     * @return Python's {@code (nbytes, address)}: how many bytes were written and the sender's
     *     address (null, None, when the kernel gives none)
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and nothing is there to read
     * @throws OSError when recv(2) fails, with its errno (e.g. {@code ConnectionResetError}
     *     (ECONNRESET)); {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public RecvFromInto recvfrom_into(byte[] buffer, int nbytes, int flags) throws OSError {
        Buffers.checkNotNone(buffer);
        int n = intoLength(buffer.length, false, nbytes, RECVFROM_INTO);
        try (Buffers b = Buffers.forRecv(buffer, n)) {
            return recvfromInto(b, flags);
        }
    }

    /**
     * {@code sock.recvfrom_into(buffer, nbytes, flags)} (the position stays).
     *
     * @param buffer  filled from its position up to its limit; its position does not move
     * @param nbytes  how many bytes at most to receive; 0 means the whole buffer; negative, or more
     *     than the buffer holds, is a {@code ValueError}
     * @param flags   MSG_ flags for recv(2), or-ed (MSG_PEEK, MSG_WAITALL, MSG_DONTWAIT, ...); 0
     *     for none
     * @return Python's {@code (nbytes, address)}: how many bytes were written and the sender's
     *     address (null, None, when the kernel gives none)
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and nothing is there to read
     * @throws OSError when recv(2) fails, with its errno (e.g. {@code ConnectionResetError}
     *     (ECONNRESET)); {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public RecvFromInto recvfrom_into(ByteBuffer buffer, int nbytes, int flags) throws OSError {
        return recvfrom_into(Buffers.segment(buffer), nbytes, flags);
    }

    /**
     * {@code sock.recvfrom_into(buffer, nbytes, flags)}: {@code (nbytes, address)}.
     *
     * @param buffer  the segment to fill, written in place when native; a read-only segment is a
     *     {@code TypeError}
     * @param nbytes  how many bytes at most to receive; 0 means the whole buffer; negative, or more
     *     than the buffer holds, is a {@code ValueError}
     * @param flags   MSG_ flags for recv(2), or-ed (MSG_PEEK, MSG_WAITALL, MSG_DONTWAIT, ...); 0
     *     for none
     * @return Python's {@code (nbytes, address)}: how many bytes were written and the sender's
     *     address (null, None, when the kernel gives none)
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and nothing is there to read
     * @throws OSError when recv(2) fails, with its errno (e.g. {@code ConnectionResetError}
     *     (ECONNRESET)); {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public RecvFromInto recvfrom_into(MemorySegment buffer, int nbytes, int flags) throws OSError {
        Buffers.checkUsable(buffer);
        long n = intoLength(buffer.byteSize(), buffer.isReadOnly(), nbytes, RECVFROM_INTO);
        try (Buffers b = Buffers.forRecv(buffer, n)) {
            return recvfromInto(b, flags);
        }
    }

    /**
     * {@code sock.recvfrom_into(buffer, nbytes)}: the two-argument form, flags 0.
     *
     * @param buffer the array to fill, from index 0
     * @param nbytes how many bytes at most; 0 means the whole buffer
     * @return {@code (nbytes, address)}
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and nothing is there to read
     * @throws OSError when the call fails, with its errno; {@code [Errno 9] Bad file descriptor}
     *     once the socket is closed
     */
    public RecvFromInto recvfrom_into(byte[] buffer, int nbytes) throws OSError {
        return recvfrom_into(buffer, nbytes, 0);
    }

    /**
     * {@code sock.recvfrom_into(buffer)} for a ByteBuffer (its position does not move).
     *
     * @param buffer filled from its position up to its limit
     * @return {@code (nbytes, address)}
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and nothing is there to read
     * @throws OSError when the call fails, with its errno; {@code [Errno 9] Bad file descriptor}
     *     once the socket is closed
     */
    public RecvFromInto recvfrom_into(ByteBuffer buffer) throws OSError {
        return recvfrom_into(buffer, 0, 0);
    }

    /**
     * {@code sock.recvfrom_into(buffer, nbytes)} for a ByteBuffer.
     *
     * @param buffer filled from its position up to its limit
     * @param nbytes how many bytes at most; 0 means up to the limit
     * @return {@code (nbytes, address)}
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and nothing is there to read
     * @throws OSError when the call fails, with its errno; {@code [Errno 9] Bad file descriptor}
     *     once the socket is closed
     */
    public RecvFromInto recvfrom_into(ByteBuffer buffer, int nbytes) throws OSError {
        return recvfrom_into(buffer, nbytes, 0);
    }

    /**
     * {@code sock.recvfrom_into(buffer)} for a memory segment.
     *
     * @param buffer the segment to fill
     * @return {@code (nbytes, address)}
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and nothing is there to read
     * @throws OSError when the call fails, with its errno; {@code [Errno 9] Bad file descriptor}
     *     once the socket is closed
     */
    public RecvFromInto recvfrom_into(MemorySegment buffer) throws OSError {
        return recvfrom_into(buffer, 0, 0);
    }

    /**
     * {@code sock.recvfrom_into(buffer, nbytes)} for a memory segment.
     *
     * @param buffer the segment to fill
     * @param nbytes how many bytes at most; 0 means the whole segment
     * @return {@code (nbytes, address)}
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and nothing is there to read
     * @throws OSError when the call fails, with its errno; {@code [Errno 9] Bad file descriptor}
     *     once the socket is closed
     */
    public RecvFromInto recvfrom_into(MemorySegment buffer, int nbytes) throws OSError {
        return recvfrom_into(buffer, nbytes, 0);
    }

    private RecvFromInto recvfromInto(Buffers b, int flags) throws OSError {
        SockAddr.checkAddrlen(family);
        long n = b.received(CallEngine.call(this, false, RECVFROM, b.buf, b.len, flags));
        return new RecvFromInto((int) n, senderAddress());
    }

    // ---- ancillary-data messages (implemented in SendmsgRecvmsg) --------------------------------

    /**
     * {@code sock.sendmsg(buffers)}: the parts are sent as one message; returns the bytes sent.
     *
     * @param buffers the message's parts ({@code byte[]}, ByteBuffers from position to limit, read
     *     once, or MemorySegments, mixed as in Python), sent together as one message (gathered, no copy joins
     *     them)
     * @return how many bytes were sent, which may be fewer than given (Python's int)
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and there is no room to send
     * @throws OSError when sendmsg(2) fails, with its errno (e.g. {@code BrokenPipeError} (EPIPE),
     *     {@code [Errno 22] Invalid argument} (EINVAL) for a bad control message);
     *     {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public int sendmsg(List<?> buffers) throws OSError {
        return SendmsgRecvmsg.sendmsg(this, buffers, List.of(), 0, null);
    }

    /**
     * {@code sock.sendmsg(buffers, ancdata)}: with {@code (level, type, data)} control messages.
     *
     * @param buffers the message's parts ({@code byte[]}, ByteBuffers from position to limit, read
     *     once, or MemorySegments, mixed as in Python), sent together as one message (gathered, no copy joins
     *     them)
     * @param ancdata {@code (cmsg_level, cmsg_type, cmsg_data)} control messages to send with it,
     *     e.g. {@code SCM_RIGHTS} descriptors; {@code List.of()} for none (null is a
     *     {@code TypeError})
     * @return how many bytes were sent, which may be fewer than given (Python's int)
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and there is no room to send
     * @throws OSError when sendmsg(2) fails, with its errno (e.g. {@code BrokenPipeError} (EPIPE),
     *     {@code [Errno 22] Invalid argument} (EINVAL) for a bad control message);
     *     {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public int sendmsg(List<?> buffers, List<AncData> ancdata) throws OSError {
        return SendmsgRecvmsg.sendmsg(this, buffers, ancdata, 0, null);
    }

    /**
     * {@code sock.sendmsg(buffers, ancdata, flags)}.
     *
     * @param buffers the message's parts ({@code byte[]}, ByteBuffers from position to limit, read
     *     once, or MemorySegments, mixed as in Python), sent together as one message (gathered, no copy joins
     *     them)
     * @param ancdata {@code (cmsg_level, cmsg_type, cmsg_data)} control messages to send with it,
     *     e.g. {@code SCM_RIGHTS} descriptors; {@code List.of()} for none (null is a
     *     {@code TypeError})
     * @param flags   MSG_ flags for send(2), or-ed (MSG_OOB, MSG_DONTWAIT, MSG_MORE, ...); 0 for
     *     none
     * @return how many bytes were sent, which may be fewer than given (Python's int)
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and there is no room to send
     * @throws OSError when sendmsg(2) fails, with its errno (e.g. {@code BrokenPipeError} (EPIPE),
     *     {@code [Errno 22] Invalid argument} (EINVAL) for a bad control message);
     *     {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public int sendmsg(List<?> buffers, List<AncData> ancdata, int flags)
            throws OSError {
        return SendmsgRecvmsg.sendmsg(this, buffers, ancdata, flags, null);
    }

    /**
     * {@code sock.sendmsg(buffers, ancdata, flags, address)} — sendmsg(2) with MSG_NOSIGNAL, as
     * send; a null address is None (no destination). A null ancdata is refused, as Python
     * refuses None: pass {@code List.of()}.
     *
     * @param buffers the message's parts ({@code byte[]}, ByteBuffers from position to limit, read
     *     once, or MemorySegments, mixed as in Python), sent together as one message (gathered, no copy joins
     *     them)
     * @param ancdata {@code (cmsg_level, cmsg_type, cmsg_data)} control messages to send with it,
     *     e.g. {@code SCM_RIGHTS} descriptors; {@code List.of()} for none (null is a
     *     {@code TypeError})
     * @param flags   MSG_ flags for send(2), or-ed (MSG_OOB, MSG_DONTWAIT, MSG_MORE, ...); 0 for
     *     none
     * @param address the destination, or null (None) for a connected socket, of the socket's
     *     family: an {@link InetAddr} for AF_INET, an {@link Inet6Addr} (or InetAddr) for AF_INET6,
     *     a {@link UnixAddr} for AF_UNIX; another kind is CPython's {@code TypeError}, a name that
     *     does not resolve a {@code socket.gaierror}
     * @return how many bytes were sent, which may be fewer than given (Python's int)
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and there is no room to send
     * @throws OSError when sendmsg(2) fails, with its errno (e.g. {@code BrokenPipeError} (EPIPE),
     *     {@code [Errno 22] Invalid argument} (EINVAL) for a bad control message);
     *     {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public int sendmsg(List<?> buffers, List<AncData> ancdata, int flags,
                       Address address) throws OSError {
        return SendmsgRecvmsg.sendmsg(this, buffers, ancdata, flags, address);
    }

    /**
     * {@code sock.recvmsg(bufsize)}: no ancillary data is received (ancbufsize 0).
     *
     * @param bufsize the most bytes to receive (pass a power of 2, say 4096, as Python's docs
     *     advise); negative is {@code ValueError('negative buffer size in recvmsg()')}
     * @return Python's {@code (data, ancdata, msg_flags, address)}: the bytes, the control messages
     *     received, the MSG_ flags of the message (MSG_TRUNC, MSG_CTRUNC, ...) and the sender's
     *     address (null, None, when the kernel gives none)
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and nothing is there to read
     * @throws OSError when recvmsg(2) fails, with its errno (e.g. {@code ConnectionResetError}
     *     (ECONNRESET)); {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public RecvMsg recvmsg(int bufsize) throws OSError {
        return SendmsgRecvmsg.recvmsg(this, bufsize, 0, 0);
    }

    /**
     * {@code sock.recvmsg(bufsize, ancbufsize)}: size ancbufsize with {@code CMSG_SPACE()}.
     *
     * @param bufsize the most bytes to receive (pass a power of 2, say 4096, as Python's docs
     *     advise); negative is {@code ValueError('negative buffer size in recvmsg()')}
     * @param ancbufsize the room for ancillary data in bytes, sized with
     *     {@link socket#CMSG_SPACE(long)} (summed over the messages expected); 0 receives none
     * @return Python's {@code (data, ancdata, msg_flags, address)}: the bytes, the control messages
     *     received, the MSG_ flags of the message (MSG_TRUNC, MSG_CTRUNC, ...) and the sender's
     *     address (null, None, when the kernel gives none)
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and nothing is there to read
     * @throws OSError when recvmsg(2) fails, with its errno (e.g. {@code ConnectionResetError}
     *     (ECONNRESET)); {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public RecvMsg recvmsg(int bufsize, int ancbufsize) throws OSError {
        return SendmsgRecvmsg.recvmsg(this, bufsize, ancbufsize, 0);
    }

    /**
     * {@code sock.recvmsg(bufsize, ancbufsize, flags)} — recvmsg(2): {@code (data, ancdata,
     * msg_flags, address)}. Descriptors received with SCM_RIGHTS are the caller's to close.
     *
     * @param bufsize the most bytes to receive (pass a power of 2, say 4096, as Python's docs
     *     advise); negative is {@code ValueError('negative buffer size in recvmsg()')}
     * @param ancbufsize the room for ancillary data in bytes, sized with
     *     {@link socket#CMSG_SPACE(long)} (summed over the messages expected); 0 receives none
     * @param flags   MSG_ flags for recv(2), or-ed (MSG_PEEK, MSG_WAITALL, MSG_DONTWAIT, ...); 0
     *     for none (MSG_CMSG_CLOEXEC makes received descriptors close-on-exec)
     * @return Python's {@code (data, ancdata, msg_flags, address)}: the bytes, the control messages
     *     received, the MSG_ flags of the message (MSG_TRUNC, MSG_CTRUNC, ...) and the sender's
     *     address (null, None, when the kernel gives none)
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and nothing is there to read
     * @throws OSError when recvmsg(2) fails, with its errno (e.g. {@code ConnectionResetError}
     *     (ECONNRESET)); {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public RecvMsg recvmsg(int bufsize, int ancbufsize, int flags) throws OSError {
        return SendmsgRecvmsg.recvmsg(this, bufsize, ancbufsize, flags);
    }

    /**
     * {@code sock.recvmsg_into(buffers)}: fills the arrays in order.
     *
     * @param buffers the buffers to fill, in order (scattered): {@code byte[]}, writable ByteBuffers
     *     (from position to limit, read once) or writable MemorySegments, mixed as in Python
     * @return Python's {@code (nbytes, ancdata, msg_flags, address)}: how many bytes were written,
     *     the control messages, the message's MSG_ flags and the sender's address (or null)
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and nothing is there to read
     * @throws OSError when recvmsg(2) fails, with its errno (e.g. {@code ConnectionResetError}
     *     (ECONNRESET)); {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public RecvMsgInto recvmsg_into(List<?> buffers) throws OSError {
        return SendmsgRecvmsg.recvmsgInto(this, buffers, 0, 0);
    }

    /**
     * {@code sock.recvmsg_into(buffers, ancbufsize)}.
     *
     * @param buffers the buffers to fill, in order (scattered): {@code byte[]}, writable ByteBuffers
     *     (from position to limit, read once) or writable MemorySegments, mixed as in Python
     * @param ancbufsize the room for ancillary data in bytes, sized with
     *     {@link socket#CMSG_SPACE(long)} (summed over the messages expected); 0 receives none
     * @return Python's {@code (nbytes, ancdata, msg_flags, address)}: how many bytes were written,
     *     the control messages, the message's MSG_ flags and the sender's address (or null)
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and nothing is there to read
     * @throws OSError when recvmsg(2) fails, with its errno (e.g. {@code ConnectionResetError}
     *     (ECONNRESET)); {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public RecvMsgInto recvmsg_into(List<?> buffers, int ancbufsize) throws OSError {
        return SendmsgRecvmsg.recvmsgInto(this, buffers, ancbufsize, 0);
    }

    /**
     * {@code sock.recvmsg_into(buffers, ancbufsize, flags)} — recvmsg(2) scattering into the
     * arrays: {@code (nbytes, ancdata, msg_flags, address)}.
     *
     * @param buffers the buffers to fill, in order (scattered): {@code byte[]}, writable ByteBuffers
     *     (from position to limit, read once) or writable MemorySegments, mixed as in Python
     * @param ancbufsize the room for ancillary data in bytes, sized with
     *     {@link socket#CMSG_SPACE(long)} (summed over the messages expected); 0 receives none
     * @param flags   MSG_ flags for recv(2), or-ed (MSG_PEEK, MSG_WAITALL, MSG_DONTWAIT, ...); 0
     *     for none
     * @return Python's {@code (nbytes, ancdata, msg_flags, address)}: how many bytes were written,
     *     the control messages, the message's MSG_ flags and the sender's address (or null)
     * @throws TimeoutError {@code TimeoutError('timed out')} when the socket's timeout expires
     *     first
     * @throws BlockingIOError {@code [Errno 11] Resource temporarily unavailable} when the socket
     *     is non-blocking (timeout 0.0) and nothing is there to read
     * @throws OSError when recvmsg(2) fails, with its errno (e.g. {@code ConnectionResetError}
     *     (ECONNRESET)); {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public RecvMsgInto recvmsg_into(List<?> buffers, int ancbufsize, int flags) throws OSError {
        return SendmsgRecvmsg.recvmsgInto(this, buffers, ancbufsize, flags);
    }

    // ---- options -------------------------------------------------------------------------

    /**
     * {@code sock.setsockopt(level, optname, value)} with an int value.
     *
     * @param level   the protocol level: SOL_SOCKET, IPPROTO_TCP, IPPROTO_IP, IPPROTO_IPV6, ...
     * @param optname the option at that level: SO_REUSEADDR, TCP_NODELAY, ...
     * @param value   the option's value as a C int (1 turns a flag on, 0 off)
     * @throws OSError when the call fails, with its errno (e.g.
     *     {@code [Errno 92] Protocol not available} for an unknown option, ENOPROTOOPT);
     *     {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public void setsockopt(int level, int optname, int value) throws OSError {
        MemorySegment word = Scratch.get().word;
        word.set(ValueLayout.JAVA_INT, 0, value);
        setsockopt(level, optname, word, 4);
    }

    /**
     * {@code sock.setsockopt(level, optname, value)} with a bool, as Python's {@code True}/{@code
     * False} (the ints 1 and 0).
     *
     * @param level   the option level, e.g. {@code SOL_SOCKET}
     * @param optname the option, e.g. {@code SO_REUSEADDR}
     * @param value   true for 1, false for 0
     * @throws OSError if setsockopt(2) fails
     */
    public void setsockopt(int level, int optname, boolean value) throws OSError {
        setsockopt(level, optname, value ? 1 : 0);
    }

    /**
     * {@code sock.setsockopt(level, optname, value)} with a bytes value (a C struct, say).
     *
     * @param level   the protocol level: SOL_SOCKET, IPPROTO_TCP, IPPROTO_IP, IPPROTO_IPV6, ...
     * @param optname the option at that level: SO_REUSEADDR, TCP_NODELAY, ...
     * @param value   the option's value as the bytes of its C type (a {@code struct linger}, an
     *     {@code ip_mreq}, ...), passed as is
     * @throws OSError when the call fails, with its errno (e.g.
     *     {@code [Errno 92] Protocol not available} for an unknown option, ENOPROTOOPT);
     *     {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public void setsockopt(int level, int optname, byte[] value) throws OSError {
        try (Buffers b = Buffers.forSend(value)) {
            setsockopt(level, optname, b.buf, (int) b.len);
        }
    }

    /**
     * {@code sock.setsockopt(level, optname, None, optlen)}: a NULL value of optlen bytes.
     *
     * @param level   the protocol level: SOL_SOCKET, IPPROTO_TCP, IPPROTO_IP, IPPROTO_IPV6, ...
     * @param optname the option at that level: SO_REUSEADDR, TCP_NODELAY, ...
     * @param none    Python's None: pass null (the value pointer is NULL)
     * @param optlen  the option length passed with the NULL value (used by AF_ALG's
     *     ALG_SET_AEAD_AUTHSIZE)
     * @throws OSError when the call fails, with its errno (e.g.
     *     {@code [Errno 92] Protocol not available} for an unknown option, ENOPROTOOPT);
     *     {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public void setsockopt(int level, int optname, Void none, int optlen) throws OSError {
        setsockopt(level, optname, MemorySegment.NULL, optlen);
    }

    private void setsockopt(int level, int optname, MemorySegment value, int optlen) throws OSError {
        onFd(fd -> Posix.setsockopt(fd, level, optname, value, optlen));
    }

    /**
     * {@code sock.getsockopt(level, optname)}: the option as an int.
     *
     * @param level   the protocol level: SOL_SOCKET, IPPROTO_TCP, IPPROTO_IP, IPPROTO_IPV6, ...
     * @param optname the option at that level: SO_REUSEADDR, TCP_NODELAY, ...
     * @return the option's value read as a C int
     * @throws OSError when the call fails, with its errno (e.g.
     *     {@code [Errno 92] Protocol not available} for an unknown option, ENOPROTOOPT);
     *     {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public int getsockopt(int level, int optname) throws OSError {
        Scratch sc = Scratch.get();
        sc.word.set(ValueLayout.JAVA_INT, 0, 0);
        getsockopt(level, optname, sc.word, 4);
        return sc.word.get(ValueLayout.JAVA_INT, 0);
    }

    /**
     * {@code sock.getsockopt(level, optname, buflen)}: the option as at most buflen bytes
     * (1-1024). Python's {@code buflen=0} returns an int: in Java call
     * {@link #getsockopt(int, int)} for that.
     *
     * @param level   the protocol level: SOL_SOCKET, IPPROTO_TCP, IPPROTO_IP, IPPROTO_IPV6, ...
     * @param optname the option at that level: SO_REUSEADDR, TCP_NODELAY, ...
     * @param buflen  the room for the value, 1-1024 bytes; outside that,
     *     {@code OSError('getsockopt buflen out of range')}
     * @return the bytes the kernel wrote, at most buflen (the C struct, to decode with
     *     {@code ByteBuffer})
     * @throws OSError for a bad buflen, or when the call fails, with its errno (e.g.
     *     {@code [Errno 92] Protocol not available} for an unknown option, ENOPROTOOPT);
     *     {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public byte[] getsockopt(int level, int optname, int buflen) throws OSError {
        if (buflen <= 0 || buflen > 1024) {
            throw new OSError("getsockopt buflen out of range");
        }
        try (Buffers b = Buffers.forRecv(buflen)) {
            return b.bytes(getsockopt(level, optname, b.buf, buflen));
        }
    }

    private int getsockopt(int level, int optname, MemorySegment value, int size) throws OSError {
        MemorySegment len = Scratch.get().len;
        len.set(ValueLayout.JAVA_INT, 0, size);
        onFd(fd -> Posix.getsockopt(fd, level, optname, value, len));
        return len.get(ValueLayout.JAVA_INT, 0);
    }

    // ---- modes ---------------------------------------------------------------------------

    /**
     * {@code sock.setblocking(flag)}: True is timeout None, False is timeout 0.0.
     *
     * @param flag true for blocking (timeout None), false for non-blocking (timeout 0.0)
     * @throws OSError when ioctl(FIONBIO) fails; {@code [Errno 9] Bad file descriptor} once the
     *     socket is closed
     */
    public void setblocking(boolean flag) throws OSError {
        settimeoutNanos(flag ? -1 : 0);
    }

    /**
     * {@code sock.getblocking()}: False only when the timeout is 0.0.
     *
     * @return false when the timeout is 0.0, true for None and for a positive timeout
     */
    public boolean getblocking() {
        return timeoutNanos != 0;
    }

    /**
     * {@code sock.settimeout(value)}: null (None) blocks, 0.0 is non-blocking, a positive number
     * of seconds sets a timeout (the descriptor is then non-blocking).
     *
     * @param value seconds, or null for None; negative is
     *     {@code ValueError('Timeout value out of range')}, NaN a {@code ValueError}
     * @throws OSError when ioctl(FIONBIO) fails; {@code [Errno 9] Bad file descriptor} once the
     *     socket is closed
     */
    public void settimeout(Double value) throws OSError {
        settimeoutNanos(socket.parseTimeout(value));
    }

    /**
     * {@code sock.settimeout(value)} with a number of seconds, so that {@code settimeout(5)}
     * compiles as it does in Python (an int does not box to {@code Double}).
     *
     * @param value seconds; 0 is non-blocking
     * @throws OSError    if the descriptor's mode cannot be changed
     * @throws ValueError for a negative value or NaN: {@code Timeout value out of range}
     */
    public void settimeout(double value) throws OSError {
        settimeout(Double.valueOf(value));
    }

    /**
     * {@code sock.settimeout(value)} with the value already parsed to nanoseconds (-1 is None),
     * for callers that hold a parsed timeout (create_connection).
     */
    void settimeoutNanos(long timeout) throws OSError {
        timeoutNanos = timeout; // set first, as CPython does, even if the mode change fails
        handle.setBlocking(timeout < 0);
    }

    /**
     * {@code sock.gettimeout()}: seconds, or null for None.
     *
     * @return the timeout in seconds, or null for None (blocking)
     */
    public Double gettimeout() {
        return socket.timeoutSeconds(timeoutNanos);
    }

    /**
     * {@code sock.get_inheritable()}: whether FD_CLOEXEC is clear.
     *
     * @return true when a child process started by exec would inherit the descriptor (off by
     *     default, PEP 446)
     * @throws OSError when fcntl(2) fails; {@code [Errno 9] Bad file descriptor} once the socket is
     *     closed
     */
    public boolean get_inheritable() throws OSError {
        return (onFd(fd -> Posix.fcntl(fd, F_GETFD(), 0)) & FD_CLOEXEC()) == 0;
    }

    /**
     * {@code sock.set_inheritable(inheritable)}: clears or sets FD_CLOEXEC.
     *
     * @param inheritable true to let child processes inherit the descriptor, false for
     *     close-on-exec
     * @throws OSError when fcntl(2) fails; {@code [Errno 9] Bad file descriptor} once the socket is
     *     closed
     */
    public void set_inheritable(boolean inheritable) throws OSError {
        int flags = onFd(fd -> Posix.fcntl(fd, F_GETFD(), 0));
        int wanted = inheritable ? flags & ~FD_CLOEXEC() : flags | FD_CLOEXEC();
        if (wanted != flags) {
            onFd(fd -> Posix.fcntl(fd, F_SETFD(), wanted));
        }
    }

    // ---- descriptor life -----------------------------------------------------------------

    /** {@code sock.fileno()}: the descriptor, or -1 once closed or detached. */
    public int fileno() {
        return handle.fileno();
    }

    /**
     * {@code sock.close()}: closes the descriptor (once; later calls do nothing), unless
     * makefile() streams are still open, in which case the last of them closes it.
     */
    @Override
    public void close() throws OSError {
        synchronized (this) {
            closed = true;
            if (ioRefs > 0) {
                return;
            }
        }
        realClose();
    }

    private void realClose() throws OSError {
        try {
            handle.close();
        } finally {
            cleanable.clean();
        }
    }

    /**
     * {@code sock.detach()}: the socket is closed without closing the descriptor, which is
     * returned.
     *
     * @return the descriptor, now the caller's to close; -1 if the socket was already closed
     */
    public int detach() {
        synchronized (this) {
            closed = true;
        }
        int fd = handle.detach();
        cleanable.clean();
        return fd;
    }

    /**
     * {@code sock.dup()}: a new socket on a duplicate descriptor, with this socket's timeout.
     *
     * @return the new socket, close-on-exec, of the same family, type and protocol; close it
     *     separately
     * @throws OSError when fcntl(F_DUPFD_CLOEXEC) fails, e.g. EMFILE;
     *     {@code [Errno 9] Bad file descriptor} once the socket is closed
     */
    public SocketType dup() throws OSError {
        int fd = socket.dup(fileno());
        SocketType copy;
        try {
            copy = new SocketType(fd, family, type, proto);
        } catch (OSError e) {
            Posix.close(fd);
            throw e;
        }
        copy.handle.inheritBlocking(handle);
        copy.settimeout(gettimeout());
        return copy;
    }

    /** Called by a makefile() stream when it opens and closes. */
    synchronized void ioRef() {
        ioRefs++;
    }

    void ioUnref() throws OSError {
        boolean last;
        synchronized (this) {
            last = --ioRefs <= 0 && closed;
        }
        if (last) {
            realClose();
        }
    }

    /**
     * {@code sock.makefile()}: a text file for reading ({@code 'r'}), UTF-8, strict.
     *
     * @return the file object
     * @throws OSError never in practice (the signature matches the other forms)
     */
    public TextFile makefile() throws OSError {
        return makefile("r").text();
    }

    /**
     * {@code sock.makefile(mode)}: a file object on the socket that keeps the descriptor open
     * until it is closed: a {@link BinaryFile} for modes with {@code b} ({@code 'rb'},
     * {@code 'wb'}, {@code 'rwb'}), else a {@link TextFile} ({@code 'r'}, {@code 'w'},
     * {@code 'rw'}). Take the typed object with {@code .binary()} / {@code .text()}.
     *
     * @param mode Python's mode string
     * @return the file object
     * @throws OSError    never in practice (the signature matches the other forms)
     * @throws ValueError for a mode with other letters than r, w, b
     */
    public FileObject makefile(String mode) throws OSError {
        return SocketFile.open(SocketFile.endpoint(this), mode, null, null, null, null);
    }

    /**
     * {@code sock.makefile(mode, buffering)}: buffering 0 is the raw SocketIO (binary modes
     * only), a negative value or null the default 8192 bytes.
     *
     * @param mode      Python's mode string
     * @param buffering the buffer size, 0, or null (None)
     * @return the file object
     * @throws OSError    never in practice (the signature matches the other forms)
     * @throws ValueError for a bad mode, or buffering 0 with a text mode
     */
    public FileObject makefile(String mode, Integer buffering) throws OSError {
        return SocketFile.open(SocketFile.endpoint(this), mode, buffering, null, null, null);
    }

    /**
     * {@code sock.makefile(mode, buffering, encoding=, errors=, newline=)}: a text file's
     * options (each null for Python's None; see {@link TextFile}).
     *
     * @param mode      Python's mode string
     * @param buffering the buffer size, 0, or null (None)
     * @param encoding  the codec's name, null for {@code 'UTF-8'}
     * @param errors    the error handler's name, null for {@code 'strict'}
     * @param newline   null, {@code ""}, {@code "\n"}, {@code "\r"} or {@code "\r\n"}
     * @return the file object
     * @throws OSError     never in practice (the signature matches the other forms)
     * @throws ValueError  for a bad mode or newline, or text options with a binary mode
     * @throws LookupError for an unknown encoding
     */
    public FileObject makefile(String mode, Integer buffering, String encoding, String errors, String newline)
            throws OSError {
        return SocketFile.open(SocketFile.endpoint(this), mode, buffering, encoding, errors, newline);
    }

    /** Python's {@code repr(sock)}. */
    @Override
    public String toString() {
        boolean isClosed;
        synchronized (this) {
            isClosed = closed;
        }
        return repr(handle, isClosed, family, type, proto);
    }

    private static String repr(FdHandle handle, boolean closed, int family, int type, int proto) {
        StringBuilder sb = new StringBuilder("<socket.socket");
        if (closed) {
            sb.append(" [closed]");
        }
        sb.append(" fd=").append(handle.fileno()).append(", family=").append(family)
                .append(", type=").append(type).append(", proto=").append(proto);
        if (!closed) {
            for (boolean local : new boolean[] {true, false}) {
                try {
                    int fd = handle.acquire();
                    try {
                        Address a = name(fd, local);
                        if (SockAddr.truthy(a)) {
                            sb.append(local ? ", laddr=" : ", raddr=").append(SockAddr.str(a));
                        }
                    } finally {
                        handle.release();
                    }
                } catch (OSError ignored) {
                    // repr shows only the addresses it can read, as CPython's does
                }
            }
        }
        return sb.append('>').toString();
    }
}
