// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.util.function.Supplier;

/**
 * Python's {@code socketserver.TCPServer}: a stream server. Python's class attributes
 * ({@code address_family}, {@code socket_type}, {@code allow_reuse_address},
 * {@code allow_reuse_port}, {@code request_queue_size}) are methods a subclass overrides, since
 * the constructor reads them before a subclass could set a field.
 */
public class TCPServer extends BaseServer {
    private final SocketType socket;

    /**
     * {@code TCPServer(server_address, RequestHandlerClass)}: binds and listens.
     *
     * @param serverAddress the address; port 0 picks a free port (read server_address after)
     * @param requestHandlerClass makes one handler per request, e.g. {@code MyHandler::new}
     * @throws OSError socket, bind or listen errors (the socket is then closed)
     */
    public TCPServer(Address serverAddress, Supplier<? extends BaseRequestHandler> requestHandlerClass)
            throws OSError {
        this(serverAddress, requestHandlerClass, true);
    }

    /**
     * {@code TCPServer(server_address, RequestHandlerClass, bind_and_activate)}.
     *
     * @param serverAddress the address
     * @param requestHandlerClass makes one handler per request
     * @param bindAndActivate false to call server_bind() and server_activate() yourself
     * @throws OSError socket, bind or listen errors (the socket is then closed)
     */
    public TCPServer(Address serverAddress, Supplier<? extends BaseRequestHandler> requestHandlerClass,
                     boolean bindAndActivate) throws OSError {
        super(serverAddress, requestHandlerClass);
        socket = dev.pysocket.socket.socket(address_family(), socket_type());
        if (bindAndActivate) {
            try {
                server_bind();
                server_activate();
            } catch (OSError | RuntimeException e) {
                server_close();
                throw e;
            }
        }
    }

    /**
     * {@code TCPServer.address_family}.
     *
     * @return AF_INET; override for AF_INET6
     */
    protected int address_family() {
        return dev.pysocket.socket.AF_INET;
    }

    /**
     * {@code TCPServer.socket_type}.
     *
     * @return SOCK_STREAM
     */
    protected int socket_type() {
        return dev.pysocket.socket.SOCK_STREAM;
    }

    /**
     * {@code TCPServer.allow_reuse_address}.
     *
     * @return false; override to set SO_REUSEADDR before bind
     */
    protected boolean allow_reuse_address() {
        return false;
    }

    /**
     * {@code TCPServer.allow_reuse_port}.
     *
     * @return false; override to set SO_REUSEPORT before bind
     */
    protected boolean allow_reuse_port() {
        return false;
    }

    /**
     * {@code TCPServer.request_queue_size}.
     *
     * @return 5, listen()'s backlog
     */
    protected int request_queue_size() {
        return 5;
    }

    @Override
    public SocketType socket() {
        return socket;
    }

    /**
     * {@code server.server_bind()}: the reuse options, bind, and server_address read back.
     *
     * @throws OSError setsockopt or bind errors
     */
    public void server_bind() throws OSError {
        int family = address_family();
        boolean inet = family == dev.pysocket.socket.AF_INET || family == dev.pysocket.socket.AF_INET6;
        if (allow_reuse_address() && inet) {
            socket.setsockopt(dev.pysocket.socket.SOL_SOCKET, dev.pysocket.socket.SO_REUSEADDR, 1);
        }
        if (allow_reuse_port() && inet) {
            socket.setsockopt(dev.pysocket.socket.SOL_SOCKET, dev.pysocket.socket.SO_REUSEPORT, 1);
        }
        socket.bind(server_address);
        server_address = socket.getsockname();
    }

    /** {@code server.server_activate()}: listen(request_queue_size). */
    @Override
    public void server_activate() throws OSError {
        socket.listen(request_queue_size());
    }

    /** {@code server.get_request()}: accept(). */
    @Override
    public ServerRequest get_request() throws OSError {
        Accepted a = socket.accept();
        return new ServerRequest(a.conn(), a.address());
    }

    /** {@code server.shutdown_request(request)}: shutdown(SHUT_WR), errors ignored, then close. */
    @Override
    public void shutdown_request(Object request) {
        try {
            ((SocketType) request).shutdown(dev.pysocket.socket.SHUT_WR);
        } catch (OSError e) {
            // some platforms raise ENOTCONN here, as CPython notes
        }
        close_request(request);
    }

    /** {@code server.close_request(request)}: closes the connection. */
    @Override
    public void close_request(Object request) {
        try {
            ((SocketType) request).close();
        } catch (OSError e) {
            // nothing to report to: CPython's close() does not fail here either
        }
    }

    /** Python's repr shape: {@code <socketserver.TCPServer object at 0x...>}. */
    @Override
    public String toString() {
        return "<socketserver." + getClass().getSimpleName() + " object at 0x"
                + Integer.toHexString(System.identityHashCode(this)) + ">";
    }
}
