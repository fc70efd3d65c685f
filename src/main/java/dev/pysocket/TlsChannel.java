// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.nio.ByteBuffer;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * What {@link SSLSocket} and {@link SSLObject} share: an {@link SSLEngine} driven as OpenSSL's
 * {@code SSL_do_handshake}/{@code SSL_read}/{@code SSL_write}/{@code SSL_shutdown} behave over a
 * transport that may not be ready (then {@link SSLWantReadError}/{@link SSLWantWriteError}, and
 * the call is repeated later with the same arguments), and the session's attributes.
 */
abstract sealed class TlsChannel permits SSLSocket, SSLObject {
    /** An OpenSSL call as CPython names it in messages: its _ssl.c line and its timeout message. */
    enum Op {
        HANDSHAKE(1006, "_ssl.c:989: The handshake operation timed out"),
        READ(2580, "The read operation timed out"),
        WRITE(2427, "The write operation timed out"),
        SHUTDOWN(2706, "The read operation timed out");

        final int line;
        final String timeoutMessage;

        Op(int line, String timeoutMessage) {
            this.line = line;
            this.timeoutMessage = timeoutMessage;
        }
    }

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    /** How many records netOut and netIn hold: a 64 KiB write or read is then one syscall. */
    private static final int RECORDS = 4;

    final SSLContext context;
    final boolean serverSide;
    final String serverHostname;
    private final SSLEngine engine;
    /** Records from the peer not yet unwrapped; kept in fill mode (data is 0..position). */
    private ByteBuffer netIn;
    /** Records for the peer not yet written; kept in drain mode (data is position..limit). */
    private ByteBuffer netOut;
    /** Plain text unwrapped and not yet read; drain mode. */
    private ByteBuffer appIn;
    private boolean begun;
    private boolean handshakeDone;
    /** Bytes of the caller's data whose records are in netOut, for the retry of a blocked write. */
    private int pendingWrite;
    /** During unwrap(): read one record at a time, so no plain text after close_notify is taken. */
    private boolean recordAtATime;

    TlsChannel(SSLContext context, boolean serverSide, String serverHostname) {
        this.context = context;
        this.serverSide = serverSide;
        this.serverHostname = serverHostname;
        this.engine = context.engine(serverSide, serverHostname);
        SSLSession s = engine.getSession();
        netIn = ByteBuffer.allocateDirect(s.getPacketBufferSize() * RECORDS);
        netOut = ByteBuffer.allocateDirect(s.getPacketBufferSize() * RECORDS).flip();
        appIn = ByteBuffer.allocate(s.getApplicationBufferSize()).flip();
    }

    /** Writes from src (advancing its position): bytes written, 0 when the transport would block. */
    abstract int transportWrite(ByteBuffer src) throws OSError;

    /** Reads at most max bytes into dst (advancing it): the count, 0 when it would block, -1 at EOF. */
    abstract int transportRead(ByteBuffer dst, int max) throws OSError;

    /** Whether an EOF without close_notify reads as the end of data. */
    abstract boolean raggedEofIsEnd();

    /** A TLS call (handshake, read, write, shutdown) begins: the transport takes its deadline. */
    void beginCall() {
        // a memory BIO has no timeout
    }

    // ---- OpenSSL's calls -----------------------------------------------------------------

    /** SSL_do_handshake. */
    final void handshake(Op op) throws OSError {
        if (handshakeDone) {
            return;
        }
        if (!begun) {
            begin();
        }
        while (true) {
            flush(op);
            switch (engine.getHandshakeStatus()) {
                case NEED_TASK -> runTasks();
                case NEED_WRAP -> wrap(EMPTY, op);
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    if (engine.isInboundDone()) {
                        throw new SSLZeroReturnError(6, "TLS/SSL connection has been closed (EOF) (_ssl.c:"
                                + op.line + ")", null, null);
                    }
                    if (!unwrap(op) && fill(op)) {
                        throw eof(op);
                    }
                }
                default -> {
                    flush(op);
                    handshakeDone = true;
                    return;
                }
            }
        }
    }

    private void begin() throws OSError {
        begun = true;
        try {
            engine.beginHandshake();
        } catch (SSLException e) {
            throw error(e, Op.HANDSHAKE);
        }
    }

    /** SSL_read into dst (at most max bytes): the count; 0 at close_notify or a ragged EOF taken as end. */
    final int read(ByteBuffer dst, int max) throws OSError {
        beginCall();
        handshake(Op.READ);
        while (true) {
            if (appIn.hasRemaining()) {
                int n = Math.min(max, appIn.remaining());
                dst.put(dst.position(), appIn, appIn.position(), n);
                appIn.position(appIn.position() + n);
                return n;
            }
            if (engine.isInboundDone()) {
                return 0;
            }
            flush(Op.READ);
            if (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
                wrap(EMPTY, Op.READ); // a post-handshake message to answer (key update)
                continue;
            }
            if (netIn.position() > 0 && unwrap(Op.READ)) {
                continue;
            }
            if (fill(Op.READ)) {
                if (raggedEofIsEnd()) {
                    return 0;
                }
                throw eof(Op.READ);
            }
        }
    }

    /**
     * SSL_write of src's first len bytes (from its position, which stays): the count taken. A
     * write blocked after its records were made raises SSLWantWriteError, and its retry (with the
     * same data, as OpenSSL requires) sends them and returns their count.
     */
    final int write(ByteBuffer src, int len) throws OSError {
        beginCall();
        if (pendingWrite > 0) {
            flush(Op.WRITE);
            int n = pendingWrite;
            pendingWrite = 0;
            return n;
        }
        handshake(Op.WRITE);
        flush(Op.WRITE);
        ByteBuffer rest = src.slice(src.position(), len);
        int packet = engine.getSession().getPacketBufferSize();
        while (rest.hasRemaining()) {
            if (netOut.capacity() - netOut.remaining() < packet) {
                flushTaken(rest.position());
            }
            wrap(rest, Op.WRITE);
        }
        flushTaken(rest.position());
        return len;
    }

    private void flushTaken(int taken) throws OSError {
        try {
            flush(Op.WRITE);
        } catch (SSLWantWriteError e) {
            pendingWrite = taken;
            throw e;
        }
    }

    /**
     * SSL_shutdown until both close_notify alerts have passed, as CPython's unwrap() does; the
     * transport is then positioned just after the peer's close_notify.
     */
    final void shutdownTls() throws OSError {
        beginCall();
        recordAtATime = true;
        engine.closeOutbound();
        while (!engine.isOutboundDone()) {
            flush(Op.SHUTDOWN);
            wrap(EMPTY, Op.SHUTDOWN);
        }
        flush(Op.SHUTDOWN);
        while (!engine.isInboundDone()) {
            appIn.position(appIn.limit()); // data after our close_notify is dropped, as OpenSSL does
            if (netIn.position() > 0 && unwrap(Op.SHUTDOWN)) {
                continue;
            }
            if (fill(Op.SHUTDOWN)) {
                if (raggedEofIsEnd()) {
                    return;
                }
                throw eof(Op.SHUTDOWN);
            }
        }
    }

    // ---- the engine and the transport ----------------------------------------------------

    private void wrap(ByteBuffer src, Op op) throws OSError {
        SSLEngineResult r;
        netOut.compact();
        try {
            r = engine.wrap(src, netOut);
        } catch (SSLException e) {
            netOut.flip(); // error() sends the alert from netOut, which must be in drain mode
            throw error(e, op);
        }
        netOut.flip();
        if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
            flush(op); // room for the next record
        } else if (r.getStatus() == SSLEngineResult.Status.CLOSED && src.hasRemaining()) {
            throw new SSLZeroReturnError(6, "TLS/SSL connection has been closed (EOF) (_ssl.c:" + op.line + ")",
                    null, null);
        }
        runTasksIf(r);
    }

    /** One unwrap: false when netIn holds no whole record (more must be read). */
    private boolean unwrap(Op op) throws OSError {
        SSLEngineResult r;
        netIn.flip();
        appIn.compact();
        try {
            r = engine.unwrap(netIn, appIn);
        } catch (SSLException e) {
            throw error(e, op);
        } finally {
            netIn.compact();
            appIn.flip();
        }
        runTasksIf(r);
        return switch (r.getStatus()) {
            case BUFFER_UNDERFLOW -> {
                netIn = grow(netIn, engine.getSession().getPacketBufferSize());
                yield false;
            }
            case BUFFER_OVERFLOW -> {
                appIn = grow(appIn.compact(), engine.getSession().getApplicationBufferSize()).flip();
                yield true;
            }
            default -> true;
        };
    }

    /** A buffer (in fill mode) with room for at least size more bytes. */
    private static ByteBuffer grow(ByteBuffer b, int size) {
        if (b.remaining() >= size) {
            return b;
        }
        ByteBuffer bigger = b.isDirect() ? ByteBuffer.allocateDirect(b.position() + size)
                : ByteBuffer.allocate(b.position() + size);
        return bigger.put(b.flip());
    }

    private void runTasksIf(SSLEngineResult r) {
        if (r.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
            runTasks();
        }
    }

    private void runTasks() {
        for (Runnable task; (task = engine.getDelegatedTask()) != null; ) {
            task.run();
        }
    }

    /** Writes all of netOut, or raises SSLWantWriteError when the transport would block. */
    private void flush(Op op) throws OSError {
        while (netOut.hasRemaining()) {
            int n;
            try {
                n = transportWrite(netOut);
            } catch (TimeoutError e) {
                throw timeout(e, op == Op.SHUTDOWN ? Op.WRITE : op);
            }
            if (n == 0) {
                throw want(false, op);
            }
        }
    }

    /** Reads more records into netIn: true at EOF; raises SSLWantReadError when nothing is there yet. */
    private boolean fill(Op op) throws OSError {
        int max = netIn.remaining();
        if (recordAtATime) {
            int have = netIn.position();
            max = have < 5 ? 5 - have : 5 + (netIn.getShort(3) & 0xffff) - have;
        }
        int n;
        try {
            n = transportRead(netIn, max);
        } catch (TimeoutError e) {
            throw timeout(e, op);
        }
        if (n == 0) {
            throw want(true, op);
        }
        return n < 0;
    }

    private static OSError timeout(TimeoutError e, Op op) {
        return e.errno() == null ? new TimeoutError(op.timeoutMessage) : e;
    }

    private static SSLError want(boolean read, Op op) {
        String what = read ? "read" : "write";
        String msg = "The operation did not complete (" + what + ") (_ssl.c:" + op.line + ")";
        return read ? new SSLWantReadError(2, msg, null, null) : new SSLWantWriteError(3, msg, null, null);
    }

    private static SSLEOFError eof(Op op) {
        return new SSLEOFError(8, "[SSL: UNEXPECTED_EOF_WHILE_READING] EOF occurred in violation of protocol (_ssl.c:"
                + op.line + ")", "UNEXPECTED_EOF_WHILE_READING", "SSL");
    }

    /**
     * The engine failed: the alert it made is sent to the peer (best effort, as OpenSSL does),
     * and the failure becomes CPython's exception.
     */
    private OSError error(SSLException e, Op op) {
        try {
            engine.closeOutbound();
            for (int i = 0; i < 4 && !engine.isOutboundDone(); i++) {
                netOut.compact();
                try {
                    engine.wrap(EMPTY, netOut);
                } finally {
                    netOut.flip();
                }
            }
            flush(op);
        } catch (OSError | SSLException | RuntimeException ignored) {
            // the peer may be gone already; the failure to report is e
        }
        return SslErrors.map(e, op.line);
    }

    // ---- the session's attributes (public through SSLSocket and SSLObject) -----------------

    /**
     * {@code ssl.do_handshake()}: runs the TLS handshake (again a no-op once done). On a
     * non-blocking socket or a memory BIO it raises SSLWantReadError or SSLWantWriteError until
     * the peer's messages are there; call it again then.
     *
     * @throws OSError SSLCertVerificationError when the peer's certificate fails verification,
     *     SSLError for other TLS failures, the socket's errors, TimeoutError
     */
    public void do_handshake() throws OSError {
        beginCall();
        handshake(Op.HANDSHAKE);
    }

    /**
     * {@code ssl.version()}.
     *
     * @return the negotiated protocol, {@code TLSv1.3} or {@code TLSv1.2}; null before the handshake
     */
    public String version() {
        return handshakeDone ? engine.getSession().getProtocol() : null;
    }

    /**
     * {@code ssl.cipher()}.
     *
     * @return {@code (name, protocol, secret_bits)} with OpenSSL's suite name; null before the handshake
     */
    public CipherInfo cipher() {
        if (!handshakeDone) {
            return null;
        }
        String suite = engine.getSession().getCipherSuite();
        return new CipherInfo(Certs.openSslCipherName(suite), engine.getSession().getProtocol(),
                Certs.secretBits(suite));
    }

    /**
     * {@code ssl.getpeercert()}: the peer's certificate as CPython's dict (subject, issuer,
     * version, serialNumber, notBefore, notAfter, subjectAltName); an empty dict when it was not
     * verified (verify_mode CERT_NONE), null when the peer sent none.
     *
     * @return the dict, an empty dict, or null
     * @throws ValueError before the handshake ({@code handshake not done yet})
     */
    public Map<String, Object> getpeercert() {
        X509Certificate cert = peer();
        if (cert == null) {
            return null;
        }
        return context.verify_mode() == ssl.CERT_NONE ? Map.of() : Certs.decode(cert);
    }

    /**
     * {@code ssl.getpeercert(binary_form)}.
     *
     * @param binaryForm true for the DER bytes (returned even when not verified), false for the dict
     * @return a {@code byte[]} or the dict of {@link #getpeercert()}; null when the peer sent none
     * @throws ValueError before the handshake
     */
    public Object getpeercert(boolean binaryForm) {
        if (!binaryForm) {
            return getpeercert();
        }
        X509Certificate cert = peer();
        try {
            return cert == null ? null : cert.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new ValueError(e.getMessage());
        }
    }

    private X509Certificate peer() {
        if (!handshakeDone) {
            throw new ValueError("handshake not done yet");
        }
        try {
            Certificate[] certs = engine.getSession().getPeerCertificates();
            return (X509Certificate) certs[0];
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    /**
     * {@code ssl.selected_alpn_protocol()}.
     *
     * @return the protocol ALPN agreed on, or null when none was (or before the handshake)
     */
    public String selected_alpn_protocol() {
        String p = handshakeDone ? engine.getApplicationProtocol() : null;
        return p == null || p.isEmpty() ? null : p;
    }

    /**
     * {@code ssl.pending()}.
     *
     * @return how many decrypted bytes can be read without touching the transport
     */
    public int pending() {
        return appIn.remaining();
    }

    /**
     * {@code ssl.server_side}.
     *
     * @return whether this end is the TLS server
     */
    public boolean server_side() {
        return serverSide;
    }

    /**
     * {@code ssl.server_hostname}.
     *
     * @return the server name given to wrap_socket/wrap_bio, or null
     */
    public String server_hostname() {
        return serverHostname;
    }

    /**
     * {@code ssl.context}.
     *
     * @return the context this connection was made from
     */
    public SSLContext context() {
        return context;
    }

    /**
     * {@code ssl.compression()}: TLS compression is never used.
     *
     * @return null (None)
     */
    public String compression() {
        return null;
    }

    /**
     * {@code ssl.shared_ciphers()}: on the server, the suites both ends support.
     *
     * @return a list of {@code (name, protocol, secret_bits)}, or null on the client or before the handshake
     */
    public java.util.List<CipherInfo> shared_ciphers() {
        if (!serverSide || !handshakeDone) {
            return null;
        }
        Set<String> enabled = Set.of(engine.getEnabledCipherSuites());
        return java.util.Arrays.stream(engine.getSupportedCipherSuites()).filter(enabled::contains)
                .map(s -> new CipherInfo(Certs.openSslCipherName(s),
                        s.startsWith("TLS_AES_") || s.startsWith("TLS_CHACHA20_") ? "TLSv1.3" : "TLSv1.2",
                        Certs.secretBits(s)))
                .toList();
    }

    final boolean handshakeDone() {
        return handshakeDone;
    }
}
