// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * Python's {@code ssl.SSLSocket}, made by {@link SSLContext#wrap_socket}: TLS over a pysocket
 * {@link SocketType}, whose send and recv it calls, so the socket's timeout, blocking mode,
 * EINTR retry and close behave as they do for plain sockets. On a non-blocking socket the calls
 * raise {@link SSLWantReadError}/{@link SSLWantWriteError}: wait for the socket with
 * {@code select} or a selector (it is {@link FileLike}) and call again. Not thread-safe for two
 * threads doing I/O at once, like CPython's.
 */
public final class SSLSocket extends TlsChannel implements AutoCloseable, FileLike {
    private final SocketType sock;
    private final boolean doHandshakeOnConnect;
    private final boolean suppressRaggedEofs;
    /** CPython's {@code _sslobj is None}: not connected yet, or after unwrap()/shutdown(). */
    private volatile boolean plain;
    /** The timeout and deadline of the TLS call under way ({@link #beginCall()}). */
    private long callTimeout;
    private long callDeadline;

    SSLSocket(SSLContext context, SocketType original, boolean serverSide, boolean doHandshakeOnConnect,
              boolean suppressRaggedEofs, String serverHostname) throws OSError {
        super(context, serverSide, serverHostname);
        long timeout = original.timeoutNanos();
        int family = original.family().value();
        int type = original.type().value();
        int proto = original.proto();
        this.sock = new SocketType(original.detach(), family, type, proto);
        sock.settimeoutNanos(timeout);
        this.doHandshakeOnConnect = doHandshakeOnConnect;
        this.suppressRaggedEofs = suppressRaggedEofs;
        boolean connected;
        try {
            sock.getpeername();
            connected = true;
        } catch (OSError e) {
            connected = false;
        }
        plain = !connected;
        if (connected && doHandshakeOnConnect) {
            if (timeout == 0) {
                sock.close();
                throw new ValueError("do_handshake_on_connect should not be specified for non-blocking sockets");
            }
            try {
                do_handshake();
            } catch (OSError | RuntimeException e) {
                sock.close();
                throw e;
            }
        }
    }

    /**
     * _ssl.c's rule: the socket's timeout is read once per TLS call (do_handshake, read, write,
     * shutdown) and makes one deadline, which every wait for the socket inside the call shares.
     */
    @Override
    void beginCall() {
        callTimeout = sock.timeoutNanos();
        callDeadline = callTimeout > 0 ? PyTime.deadline(callTimeout) : 0;
    }

    @Override
    int transportWrite(ByteBuffer src) throws OSError {
        try {
            int n = sock.sendBy(MemorySegment.ofBuffer(src), callTimeout, callDeadline);
            src.position(src.position() + n);
            return n;
        } catch (BlockingIOError e) {
            return 0;
        }
    }

    @Override
    int transportRead(ByteBuffer dst, int max) throws OSError {
        try {
            int n = sock.recvBy(MemorySegment.ofBuffer(dst).asSlice(0, max), callTimeout, callDeadline);
            if (n == 0) {
                return -1;
            }
            dst.position(dst.position() + n);
            return n;
        } catch (BlockingIOError e) {
            return 0;
        }
    }

    @Override
    boolean raggedEofIsEnd() {
        return suppressRaggedEofs;
    }

    // ---- connections ---------------------------------------------------------------------

    /**
     * {@code ssl_sock.connect(address)}: connects, then handshakes when do_handshake_on_connect.
     *
     * @param address the server's address
     * @throws OSError the socket's connect errors, the handshake's SSLErrors
     * @throws ValueError when already connected
     */
    public void connect(Address address) throws OSError {
        if (!plain || handshakeDone()) {
            throw new ValueError("attempt to connect already-connected SSLSocket!");
        }
        sock.connect(address);
        plain = false;
        if (doHandshakeOnConnect) {
            do_handshake();
        }
    }

    /**
     * {@code ssl_sock.connect_ex(address)}: as connect, but a connect error is returned as its
     * errno (handshake errors still raise).
     *
     * @param address the server's address
     * @return 0, or the errno of the failed connect
     * @throws OSError the handshake's SSLErrors
     */
    public int connect_ex(Address address) throws OSError {
        if (!plain || handshakeDone()) {
            throw new ValueError("attempt to connect already-connected SSLSocket!");
        }
        int err = sock.connect_ex(address);
        if (err == 0) {
            plain = false;
            if (doHandshakeOnConnect) {
                do_handshake();
            }
        }
        return err;
    }

    /**
     * {@code ssl_sock.accept()} on a listening TLS socket: the connection, wrapped server-side
     * with this socket's context and settings.
     *
     * @return {@code (conn, address)}
     * @throws OSError accept's errors, the handshake's SSLErrors
     */
    public SSLAccepted accept() throws OSError {
        if (sock.accept() instanceof Accepted(SocketType conn, Address address)) {
            return new SSLAccepted(new SSLSocket(context, conn, true, doHandshakeOnConnect, suppressRaggedEofs,
                    null), address);
        }
        throw new IllegalStateException("accept returned no connection");
    }

    // ---- data ----------------------------------------------------------------------------

    /**
     * {@code ssl_sock.send(data)}: encrypts and sends data (in records of 16 KiB at most).
     *
     * @param data the plain text
     * @return how many bytes were taken
     * @throws OSError SSLWantWriteError (non-blocking; call again with the same data),
     *     TimeoutError {@code The write operation timed out}, SSLError, the socket's errors
     */
    public int send(byte[] data) throws OSError {
        return send(ByteBuffer.wrap(data));
    }

    /**
     * {@code ssl_sock.send(buffer)}: the bytes between position and limit (the position stays).
     *
     * @param data the plain text
     * @return how many bytes were taken
     * @throws OSError as {@link #send(byte[])}
     */
    public int send(ByteBuffer data) throws OSError {
        if (plain) {
            return sock.send(data);
        }
        return write(data, data.remaining());
    }

    /**
     * {@code ssl_sock.sendall(data)}.
     *
     * @param data the plain text, all sent before this returns
     * @throws OSError as {@link #send(byte[])}
     */
    public void sendall(byte[] data) throws OSError {
        sendall(ByteBuffer.wrap(data));
    }

    /**
     * {@code ssl_sock.sendall(buffer)} (the position stays).
     *
     * @param data the plain text, all sent before this returns
     * @throws OSError as {@link #send(byte[])}
     */
    public void sendall(ByteBuffer data) throws OSError {
        if (plain) {
            sock.sendall(data);
            return;
        }
        ByteBuffer view = data.duplicate();
        int end = view.limit();
        while (view.position() < end) {
            view.position(view.position() + write(view, end - view.position()));
        }
    }

    /**
     * {@code ssl_sock.write(data)}: CPython's SSLSocket.write, the same as send.
     *
     * @param data the plain text
     * @return how many bytes were taken
     * @throws OSError as {@link #send(byte[])}
     */
    public int write(byte[] data) throws OSError {
        return send(data);
    }

    /**
     * {@code ssl_sock.recv(bufsize)}: at most bufsize decrypted bytes (one TLS record's worth at
     * most, as OpenSSL reads).
     *
     * @param bufsize the most to return
     * @return the bytes; empty at the peer's close_notify, or at an EOF when suppress_ragged_eofs
     * @throws OSError SSLWantReadError (non-blocking), TimeoutError {@code The read operation
     *     timed out}, SSLEOFError (ragged EOF not suppressed), SSLError, the socket's errors
     */
    public byte[] recv(int bufsize) throws OSError {
        if (bufsize < 0) {
            throw new ValueError("negative buffersize in recv");
        }
        if (plain) {
            return sock.recv(bufsize);
        }
        byte[] b = new byte[bufsize];
        int n = bufsize == 0 ? 0 : read(ByteBuffer.wrap(b), bufsize);
        return n == bufsize ? b : java.util.Arrays.copyOf(b, n);
    }

    /**
     * {@code ssl_sock.read(len)}: CPython's SSLSocket.read, the same as recv.
     *
     * @param len the most to return
     * @return the bytes
     * @throws OSError as {@link #recv(int)}
     */
    public byte[] read(int len) throws OSError {
        return recv(len);
    }

    /**
     * {@code ssl_sock.recv_into(buffer)}.
     *
     * @param buffer filled from its start
     * @return how many bytes were stored
     * @throws OSError as {@link #recv(int)}
     */
    public int recv_into(byte[] buffer) throws OSError {
        return recv_into(ByteBuffer.wrap(buffer), 0);
    }

    /**
     * {@code ssl_sock.recv_into(buffer, nbytes)}.
     *
     * @param buffer filled from its start
     * @param nbytes the most to store; 0 for the buffer's length
     * @return how many bytes were stored
     * @throws OSError as {@link #recv(int)}
     */
    public int recv_into(byte[] buffer, int nbytes) throws OSError {
        return recv_into(ByteBuffer.wrap(buffer), nbytes);
    }

    /**
     * {@code ssl_sock.recv_into(buffer, nbytes)} for a ByteBuffer: fills from its position (which
     * stays).
     *
     * @param buffer the buffer
     * @param nbytes the most to store; 0 for the buffer's remaining length
     * @return how many bytes were stored
     * @throws OSError as {@link #recv(int)}
     */
    public int recv_into(ByteBuffer buffer, int nbytes) throws OSError {
        if (nbytes < 0) {
            throw new ValueError("negative buffersize in recv_into");
        }
        if (nbytes > buffer.remaining()) {
            throw new ValueError("buffer too small for requested bytes");
        }
        int n = nbytes == 0 ? buffer.remaining() : nbytes;
        if (plain) {
            return sock.recv_into(buffer, n, 0);
        }
        return n == 0 ? 0 : read(buffer, n);
    }

    // ---- file objects ----------------------------------------------------------------------

    /**
     * {@code ssl_sock.makefile()}: a text file for reading ({@code 'r'}), UTF-8, strict.
     *
     * @return the file object
     * @throws OSError never in practice (the signature matches the other forms)
     */
    public TextFile makefile() throws OSError {
        return makefile("r").text();
    }

    /**
     * {@code ssl_sock.makefile(mode)}: the file objects of {@link SocketType#makefile(String)}
     * (CPython's SSLSocket inherits socket.makefile), reading with this socket's recv_into and
     * writing with its send, so the data is the decrypted stream. A TLS timeout
     * ({@code The read operation timed out}) makes the file unusable for reading, as a socket
     * timeout does; on a non-blocking socket SSLWantReadError and SSLWantWriteError pass through
     * (their errno is not EAGAIN, so there is no None). The descriptor stays open until the socket
     * and every file object are closed.
     *
     * @param mode Python's mode string
     * @return the file object
     * @throws OSError    never in practice (the signature matches the other forms)
     * @throws ValueError for a mode with other letters than r, w, b
     */
    public FileObject makefile(String mode) throws OSError {
        return makefile(mode, null, null, null, null);
    }

    /**
     * {@code ssl_sock.makefile(mode, buffering)}: buffering 0 is the raw SocketIO (binary modes
     * only), a negative value or null the default 8192 bytes.
     *
     * @param mode      Python's mode string
     * @param buffering the buffer size, 0, or null (None)
     * @return the file object
     * @throws OSError    never in practice (the signature matches the other forms)
     * @throws ValueError for a bad mode, or buffering 0 with a text mode
     */
    public FileObject makefile(String mode, Integer buffering) throws OSError {
        return makefile(mode, buffering, null, null, null);
    }

    /**
     * {@code ssl_sock.makefile(mode, buffering, encoding=, errors=, newline=)}: a text file's
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

    /** The socket underneath, whose {@code _io_refs} makefile() objects count on. */
    SocketType socket() {
        return sock;
    }

    // ---- shutting down -------------------------------------------------------------------

    /**
     * {@code ssl_sock.unwrap()}: the TLS shutdown (close_notify both ways); the connection goes on
     * in plain text, through this object or the socket returned.
     *
     * @return the underlying socket, positioned just after the peer's close_notify
     * @throws OSError SSLWantReadError/SSLWantWriteError (non-blocking; call again), TimeoutError,
     *     SSLError
     * @throws ValueError when no TLS connection is up ({@code No SSL wrapper around ...})
     */
    public SocketType unwrap() throws OSError {
        if (plain) {
            throw new ValueError("No SSL wrapper around " + this);
        }
        shutdownTls();
        plain = true;
        return sock;
    }

    /**
     * {@code ssl_sock.shutdown(how)}: as CPython, drops the TLS layer without close_notify and
     * shuts the socket down.
     *
     * @param how SHUT_RD, SHUT_WR or SHUT_RDWR
     * @throws OSError shutdown(2)'s errors
     */
    public void shutdown(int how) throws OSError {
        plain = true;
        sock.shutdown(how);
    }

    /**
     * {@code ssl_sock.close()}: closes the socket (once makefile() objects are closed too, as
     * for plain sockets). As in CPython no close_notify is sent (use unwrap() for an orderly TLS
     * shutdown); peers see an EOF.
     *
     * @throws OSError close(2)'s errors
     */
    @Override
    public void close() throws OSError {
        sock.close();
    }

    // ---- the socket's own ----------------------------------------------------------------

    /** {@code ssl_sock.fileno()}: the descriptor, -1 once closed. */
    @Override
    public int fileno() {
        return sock.fileno();
    }

    /**
     * {@code ssl_sock.settimeout(value)}: the socket's timeout, which each TLS call's reads and
     * writes wait under.
     *
     * @param value seconds, 0.0 for non-blocking, null to block
     * @throws OSError as {@link SocketType#settimeout(Double)}
     */
    public void settimeout(Double value) throws OSError {
        sock.settimeout(value);
    }

    /**
     * {@code ssl_sock.gettimeout()}.
     *
     * @return seconds, or null for blocking
     */
    public Double gettimeout() {
        return sock.gettimeout();
    }

    /**
     * {@code ssl_sock.setblocking(flag)}.
     *
     * @param flag true to block, false for non-blocking (SSLWantReadError/SSLWantWriteError)
     * @throws OSError as {@link SocketType#setblocking(boolean)}
     */
    public void setblocking(boolean flag) throws OSError {
        sock.setblocking(flag);
    }

    /**
     * {@code ssl_sock.getblocking()}.
     *
     * @return false only when the timeout is 0.0
     */
    public boolean getblocking() {
        return sock.getblocking();
    }

    /**
     * {@code ssl_sock.getsockname()}.
     *
     * @return the local address
     * @throws OSError getsockname(2)'s errors
     */
    public Address getsockname() throws OSError {
        return sock.getsockname();
    }

    /**
     * {@code ssl_sock.getpeername()}.
     *
     * @return the peer's address
     * @throws OSError getpeername(2)'s errors, e.g. ENOTCONN
     */
    public Address getpeername() throws OSError {
        return sock.getpeername();
    }

    /**
     * {@code ssl_sock.family}.
     *
     * @return the address family
     */
    public AddressFamily family() {
        return sock.family();
    }

    /**
     * {@code ssl_sock.type}.
     *
     * @return the socket type
     */
    public SocketKind type() {
        return sock.type();
    }

    /** Python's repr: {@code <ssl.SSLSocket fd=5, family=2, type=1, proto=0, laddr=..., raddr=...>}. */
    @Override
    public String toString() {
        return "<ssl.SSLSocket" + sock.toString().substring("<socket.socket".length());
    }
}
