package dev.pysocket;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Python's {@code socketserver.StreamRequestHandler}: {@link #rfile} reads the connection
 * (what {@code connection.makefile("rb")} returns), {@link #wfile} writes it (unbuffered, each
 * write a sendall, as CPython's {@code _SocketWriter} when wbufsize is 0).
 */
public abstract class StreamRequestHandler extends BaseRequestHandler {
    /** {@code StreamRequestHandler.timeout}: the connection's timeout in seconds, or null. */
    public Double timeout;
    /** {@code StreamRequestHandler.disable_nagle_algorithm}: sets TCP_NODELAY when true. */
    public boolean disable_nagle_algorithm;
    /** {@code self.connection}: the request's socket. */
    public SocketType connection;
    /** {@code self.rfile}: reads from the connection. */
    public InputStream rfile;
    /** {@code self.wfile}: writes to the connection. */
    public OutputStream wfile;

    /** For subclasses. */
    protected StreamRequestHandler() {
    }

    /** {@code handler.setup()}: the connection's timeout and TCP_NODELAY, then rfile and wfile. */
    @Override
    public void setup() throws Exception {
        connection = (SocketType) request;
        if (timeout != null) {
            connection.settimeout(timeout);
        }
        if (disable_nagle_algorithm) {
            connection.setsockopt(dev.pysocket.socket.IPPROTO_TCP, dev.pysocket.socket.TCP_NODELAY, 1);
        }
        rfile = reader(connection);
        wfile = new SocketWriter(connection);
    }

    /**
     * The seam to makefile: rfile is what makefile("rb") gives, whatever type that becomes.
     */
    private static InputStream reader(SocketType sock) throws OSError {
        return sock.makefile("rb").binary().asInputStream();
    }

    /** {@code handler.finish()}: flushes wfile and closes both files. */
    @Override
    public void finish() throws Exception {
        try {
            wfile.flush();
        } catch (IOException e) {
            // a closed peer: CPython ignores the flush error too
        }
        wfile.close();
        rfile.close();
    }

    /** CPython's {@code _SocketWriter}: every write is a sendall. */
    private static final class SocketWriter extends OutputStream {
        private final SocketType sock;

        SocketWriter(SocketType sock) {
            this.sock = sock;
        }

        @Override
        public void write(int b) throws IOException {
            sock.sendall(new byte[] {(byte) b});
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            sock.sendall(java.nio.ByteBuffer.wrap(b, off, len));
        }
    }
}
