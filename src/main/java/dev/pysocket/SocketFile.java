// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;

/**
 * {@code sock.makefile(...)}: Lib/socket.py's makefile and its raw {@code SocketIO}, for plain
 * sockets and (as CPython's SSLSocket inherits makefile) TLS sockets. The raw object takes one
 * {@code _io_refs} reference on the socket and drops it once: on close, or, as CPython's
 * SocketIO finalizer does, when the file object that owns it is garbage-collected unclosed (so a
 * dropped file never keeps a closed socket's descriptor open). Reads and writes go through the
 * socket's own recv_into and send, so timeouts, EINTR and TLS follow the socket.
 */
final class SocketFile {
    /** io.DEFAULT_BUFFER_SIZE. */
    static final int DEFAULT_BUFFER_SIZE = 8192;

    private SocketFile() {
    }

    /**
     * What a SocketIO reads and writes through: {@code self._sock}'s recv_into, send, fileno and
     * {@code _io_refs}.
     */
    interface Endpoint {
        /** {@code sock.recv_into(b[off:off+len])}: the count, 0 at EOF. */
        int recvInto(byte[] b, int off, int len) throws OSError;

        /** {@code sock.send(b[off:off+len])}: the count taken. */
        int send(byte[] b, int off, int len) throws OSError;

        /** {@code sock.fileno()}. */
        int fileno();

        /** {@code sock._io_refs += 1}. */
        void ioRef();

        /** {@code sock._decref_socketios()}: the last reference closes a closed socket. */
        void ioUnref() throws OSError;

        /** The raw object's class, for its repr. */
        default String className() {
            return "socket.SocketIO";
        }
    }

    /** A plain socket as a SocketIO's endpoint. */
    static Endpoint endpoint(SocketType sock) {
        return new Endpoint() {
            @Override
            public int recvInto(byte[] b, int off, int len) throws OSError {
                return sock.recv_into(MemorySegment.ofArray(b).asSlice(off, len), 0, 0);
            }

            @Override
            public int send(byte[] b, int off, int len) throws OSError {
                return sock.send(MemorySegment.ofArray(b).asSlice(off, len), 0);
            }

            @Override
            public int fileno() {
                return sock.fileno();
            }

            @Override
            public void ioRef() {
                sock.ioRef();
            }

            @Override
            public void ioUnref() throws OSError {
                sock.ioUnref();
            }
        };
    }

    /** A TLS socket as a SocketIO's endpoint: its own recv_into and send, its socket's references. */
    static Endpoint endpoint(SSLSocket tls) {
        SocketType refs = tls.socket();
        return new Endpoint() {
            @Override
            public int recvInto(byte[] b, int off, int len) throws OSError {
                return tls.recv_into(ByteBuffer.wrap(b, off, len), len);
            }

            @Override
            public int send(byte[] b, int off, int len) throws OSError {
                return tls.send(ByteBuffer.wrap(b, off, len));
            }

            @Override
            public int fileno() {
                return refs.fileno();
            }

            @Override
            public void ioRef() {
                refs.ioRef();
            }

            @Override
            public void ioUnref() throws OSError {
                refs.ioUnref();
            }
        };
    }

    /**
     * socketserver's {@code _SocketWriter(sock)}: an unbuffered binary writer whose write is one
     * sendall returning the whole length; it holds no {@code _io_refs} reference (closing it
     * leaves the socket alone).
     */
    static BinaryFile socketWriter(SocketType sock) {
        Endpoint plain = endpoint(sock);
        Endpoint writer = new Endpoint() {
            @Override
            public int recvInto(byte[] b, int off, int len) throws OSError {
                return plain.recvInto(b, off, len);
            }

            @Override
            public int send(byte[] b, int off, int len) throws OSError {
                sock.sendall(MemorySegment.ofArray(b).asSlice(off, len), 0);
                return len;
            }

            @Override
            public int fileno() {
                return plain.fileno();
            }

            @Override
            public void ioRef() {
                // _SocketWriter takes no reference
            }

            @Override
            public void ioUnref() {
                // nor drops one
            }

            @Override
            public String className() {
                return "socketserver._SocketWriter";
            }
        };
        return new BinaryFile(new Raw(writer, false, true), 0);
    }

    /** Lib/socket.py's makefile, in its order of checks. */
    static FileObject open(Endpoint sock, String mode, Integer buffering, String encoding, String errors,
                           String newline) throws OSError {
        if (mode == null) {
            throw new TypeError("'NoneType' object is not iterable");
        }
        for (int i = 0; i < mode.length(); i++) {
            char c = mode.charAt(i);
            if (c != 'r' && c != 'w' && c != 'b') {
                throw new ValueError("invalid mode " + Py.repr(mode) + " (only r, w, b allowed)");
            }
        }
        boolean writing = mode.indexOf('w') >= 0;
        boolean reading = mode.indexOf('r') >= 0 || !writing;
        boolean binary = mode.indexOf('b') >= 0;
        int size = buffering == null || buffering < 0 ? DEFAULT_BUFFER_SIZE : buffering;
        if (size == 0 && !binary) {
            throw new ValueError("unbuffered streams must be binary");
        }
        TextFile.Options text = binary ? null : new TextFile.Options(encoding, errors, newline);
        Raw raw = new Raw(sock, reading, writing);
        BinaryFile buffer = new BinaryFile(raw, size);
        return binary ? buffer : new TextFile(buffer, mode, text);
    }

    /**
     * Lib/socket.py's SocketIO: readinto is one recv_into (a socket timeout poisons it: later
     * reads raise {@code OSError('cannot read from timed out object')}), write is one send,
     * EAGAIN is None (null).
     */
    static final class Raw {
        final Endpoint sock;
        final boolean reading;
        final boolean writing;
        private final State state;
        private Cleaner.Cleanable cleanable;
        private boolean timeoutOccurred;

        /** What the cleaner needs, and nothing that refers to the file object. */
        private static final class State implements Runnable {
            private final Endpoint sock;
            private volatile boolean closed;

            State(Endpoint sock) {
                this.sock = sock;
            }

            /** Drops the socket reference, once. */
            void release() throws OSError {
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                    closed = true;
                }
                sock.ioUnref();
            }

            @Override
            public void run() {
                try {
                    release();
                } catch (OSError ignored) {
                    // close(2) failing at finalization has nobody to report to
                }
            }
        }

        Raw(Endpoint sock, boolean reading, boolean writing) {
            this.sock = sock;
            this.reading = reading;
            this.writing = writing;
            this.state = new State(sock);
            sock.ioRef();
        }

        /** Releases the socket reference when {@code owner} becomes unreachable unclosed. */
        void own(Object owner) {
            cleanable = SocketType.CLEANER.register(owner, state);
        }

        /** SocketIO's mode: {@code 'rb'}, {@code 'wb'} or {@code 'rwb'}. */
        String mode() {
            return (reading ? "r" : "") + (writing ? "w" : "") + "b";
        }

        boolean closed() {
            return state.closed;
        }

        void checkClosed() {
            if (state.closed) {
                throw new ValueError("I/O operation on closed file.");
            }
        }

        boolean readable() {
            if (state.closed) {
                throw new ValueError("I/O operation on closed socket.");
            }
            return reading;
        }

        boolean writable() {
            if (state.closed) {
                throw new ValueError("I/O operation on closed socket.");
            }
            return writing;
        }

        int fileno() {
            checkClosed();
            return sock.fileno();
        }

        /** SocketIO.name: the descriptor, or -1 once closed. */
        int name() {
            return state.closed ? -1 : sock.fileno();
        }

        /** SocketIO.readinto: the count (0 at EOF), or null when a non-blocking socket has nothing. */
        Integer readinto(byte[] b, int off, int len) throws OSError {
            checkClosed();
            if (!reading) {
                throw new UnsupportedOperation("File or stream is not readable.");
            }
            if (timeoutOccurred) {
                throw new OSError("cannot read from timed out object");
            }
            try {
                return sock.recvInto(b, off, len);
            } catch (TimeoutError e) {
                timeoutOccurred = true; // Lib/socket.py's "except timeout", ETIMEDOUT included
                throw e;
            } catch (OSError e) {
                if (e.is(errno.EAGAIN, errno.EWOULDBLOCK)) {
                    return null;
                }
                throw e;
            }
        }

        /** SocketIO.write: one send; null when a non-blocking socket cannot take anything. */
        Integer write(byte[] b, int off, int len) throws OSError {
            checkClosed();
            if (!writing) {
                throw new UnsupportedOperation("File or stream is not writable.");
            }
            try {
                return sock.send(b, off, len);
            } catch (OSError e) {
                if (e.is(errno.EAGAIN, errno.EWOULDBLOCK)) {
                    return null;
                }
                throw e;
            }
        }

        /** SocketIO.close: drops the socket reference once (closing it if it was the last). */
        void close() throws OSError {
            try {
                state.release();
            } finally {
                if (cleanable != null) {
                    cleanable.clean();
                }
            }
        }
    }
}
