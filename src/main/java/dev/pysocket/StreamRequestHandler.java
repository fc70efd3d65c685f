// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/**
 * Python's {@code socketserver.StreamRequestHandler}: {@link #rfile} reads the connection
 * ({@code connection.makefile('rb', rbufsize)}), {@link #wfile} writes it (CPython's
 * {@code _SocketWriter} when wbufsize is 0: unbuffered, each write a sendall; else
 * {@code connection.makefile('wb', wbufsize)}). Both are Python's file objects
 * ({@link BinaryFile}); Java code reads and writes them through
 * {@code rfile.asInputStream()} and {@code wfile.asOutputStream()}.
 */
public abstract class StreamRequestHandler extends BaseRequestHandler {
    /** {@code StreamRequestHandler.rbufsize}: rfile's buffer size; -1 (the default) is 8192, 0 unbuffered. */
    public int rbufsize = -1;
    /** {@code StreamRequestHandler.wbufsize}: 0 (the default) is the unbuffered {@code _SocketWriter}. */
    public int wbufsize;
    /** {@code StreamRequestHandler.timeout}: the connection's timeout in seconds, or null. */
    public Double timeout;
    /** {@code StreamRequestHandler.disable_nagle_algorithm}: sets TCP_NODELAY when true. */
    public boolean disable_nagle_algorithm;
    /** {@code self.connection}: the request's socket. */
    public SocketType connection;
    /** {@code self.rfile}: reads from the connection. */
    public BinaryFile rfile;
    /** {@code self.wfile}: writes to the connection. */
    public BinaryFile wfile;

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
        rfile = connection.makefile("rb", rbufsize).binary();
        wfile = wbufsize == 0 ? SocketFile.socketWriter(connection) : connection.makefile("wb", wbufsize).binary();
    }

    /** {@code handler.finish()}: flushes wfile (a socket error is ignored, as CPython does) and closes both files. */
    @Override
    public void finish() throws Exception {
        if (!wfile.closed()) {
            try {
                wfile.flush();
            } catch (OSError e) {
                // the peer may be gone: CPython's finish() passes on socket.error
            }
        }
        wfile.close();
        rfile.close();
    }
}
