package dev.pysocket;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.foreign.MemorySegment;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * {@code sock.makefile(mode)}: Lib/socket.py's {@code SocketIO} (the raw stream, with its
 * timeout rule) under Java's buffered streams, which play io.BufferedReader/BufferedWriter and
 * io.TextIOWrapper. Every stream holds a reference on the socket ({@code _io_refs}), so the
 * descriptor stays open until the socket and its last stream are both closed.
 */
final class SocketFile {
    /** io.DEFAULT_BUFFER_SIZE. */
    private static final int BUFFER_SIZE = 8192;

    private SocketFile() {
    }

    /**
     * Opens a stream: "rb" (or "b", "br") an {@link InputStream}, "wb" an {@link OutputStream},
     * "r" (or "") a {@link BufferedReader}, "w" a {@link Writer}; text is UTF-8. Modes that read
     * and write at once ("rw", "rwb") are refused: Java has no single stream type for them.
     */
    @SuppressWarnings("unchecked")
    static <T extends java.io.Closeable> T open(SocketType sock, String mode) throws OSError {
        if (mode == null) {
            throw new TypeError("makefile() argument 'mode' must be str, not None");
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
        if (reading && writing) {
            throw new ValueError("invalid mode " + Py.repr(mode) + " (only r, w, rb, wb)");
        }
        Object stream;
        if (reading) {
            InputStream in = new BinReader(new RawIn(sock));
            stream = binary ? in : new TextReader(in);
        } else {
            OutputStream out = new BinWriter(new RawOut(sock));
            stream = binary ? out : new TextWriter(out);
        }
        return (T) stream;
    }

    /** The raw half shared by both directions: one {@code _io_refs} reference, dropped once. */
    private static final class Ref {
        private final SocketType sock;
        private boolean closed;

        Ref(SocketType sock) {
            this.sock = sock;
            sock.ioRef();
        }

        synchronized boolean closed() {
            return closed;
        }

        void close() throws IOException {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            sock.ioUnref();
        }
    }

    /** SocketIO in "r" mode: recv_into, EOF as -1, and no reading after a timeout. */
    private static final class RawIn extends InputStream {
        private final Ref ref;
        private volatile boolean timeoutOccurred;

        RawIn(SocketType sock) {
            this.ref = new Ref(sock);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (ref.closed()) {
                throw new ValueError("read of closed file");
            }
            if (len == 0) {
                return 0;
            }
            if (timeoutOccurred) {
                throw new OSError("cannot read from timed out object");
            }
            int n;
            try {
                n = ref.sock.recv_into(MemorySegment.ofArray(b).asSlice(off, len), 0, 0);
            } catch (TimeoutError e) {
                if (e.errno() == null) { // the socket's timeout, not ETIMEDOUT
                    timeoutOccurred = true;
                }
                throw e;
            }
            return n == 0 ? -1 : n;
        }

        @Override
        public void close() throws IOException {
            ref.close();
        }
    }

    /** SocketIO in "w" mode: every write is a sendall. */
    private static final class RawOut extends OutputStream {
        private final Ref ref;

        RawOut(SocketType sock) {
            this.ref = new Ref(sock);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (ref.closed()) {
                throw new ValueError("write to closed file");
            }
            if (len > 0) {
                ref.sock.sendall(MemorySegment.ofArray(b).asSlice(off, len), 0);
            }
        }

        @Override
        public void close() throws IOException {
            ref.close();
        }
    }

    /** io.BufferedReader over the raw stream: reads after close raise Python's ValueError. */
    private static final class BinReader extends BufferedInputStream {
        private volatile boolean closed;

        BinReader(InputStream raw) {
            super(raw, BUFFER_SIZE);
        }

        private void check() {
            if (closed) {
                throw new ValueError("read of closed file");
            }
        }

        @Override
        public synchronized int read() throws IOException {
            check();
            return super.read();
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            check();
            return super.read(b, off, len);
        }

        @Override
        public synchronized long skip(long n) throws IOException {
            check();
            return super.skip(n);
        }

        @Override
        public synchronized int available() throws IOException {
            check();
            return super.available();
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }

    /** io.BufferedWriter over the raw stream: flush() (or close()) sends what is buffered. */
    private static final class BinWriter extends BufferedOutputStream {
        private volatile boolean closed;

        BinWriter(OutputStream raw) {
            super(raw, BUFFER_SIZE);
        }

        private void check() {
            if (closed) {
                throw new ValueError("write to closed file");
            }
        }

        @Override
        public synchronized void write(int b) throws IOException {
            check();
            super.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            check();
            super.write(b, off, len);
        }

        @Override
        public synchronized void flush() throws IOException {
            check();
            super.flush();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            try {
                super.close();
            } finally {
                closed = true;
            }
        }
    }

    private static ValueError closedFile() {
        return new ValueError("I/O operation on closed file.");
    }

    /** Text mode "r": strict UTF-8 (a bad byte raises, as Python's strict decoder does). */
    private static final class TextReader extends BufferedReader {
        private volatile boolean closed;

        TextReader(InputStream in) {
            super(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)), BUFFER_SIZE);
        }

        private void check() {
            if (closed) {
                throw closedFile();
            }
        }

        @Override
        public int read() throws IOException {
            check();
            return super.read();
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            check();
            return super.read(cbuf, off, len);
        }

        @Override
        public String readLine() throws IOException {
            check();
            return super.readLine();
        }

        @Override
        public boolean ready() throws IOException {
            check();
            return super.ready();
        }

        @Override
        public long skip(long n) throws IOException {
            check();
            return super.skip(n);
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }

    /** Text mode "w": UTF-8, buffered until flush() or close(). */
    private static final class TextWriter extends BufferedWriter {
        private volatile boolean closed;

        TextWriter(OutputStream out) {
            super(new OutputStreamWriter(out, StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)), BUFFER_SIZE);
        }

        private void check() {
            if (closed) {
                throw closedFile();
            }
        }

        @Override
        public void write(int c) throws IOException {
            check();
            super.write(c);
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            check();
            super.write(cbuf, off, len);
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            check();
            super.write(s, off, len);
        }

        @Override
        public void flush() throws IOException {
            check();
            super.flush();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            try {
                super.close();
            } finally {
                closed = true;
            }
        }
    }
}
