// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.util.function.Supplier;

/** Python's {@code socketserver.UDPServer}: a datagram server; each datagram is a request. */
public class UDPServer extends TCPServer {
    /** {@code UDPServer.max_packet_size}: the most a request's datagram holds. */
    public int max_packet_size = 8192;

    /**
     * {@code UDPServer(server_address, RequestHandlerClass)}.
     *
     * @param serverAddress the address
     * @param requestHandlerClass makes one handler per datagram
     * @throws OSError socket or bind errors
     */
    public UDPServer(Address serverAddress, Supplier<? extends BaseRequestHandler> requestHandlerClass)
            throws OSError {
        this(serverAddress, requestHandlerClass, true);
    }

    /**
     * {@code UDPServer(server_address, RequestHandlerClass, bind_and_activate)}.
     *
     * @param serverAddress the address
     * @param requestHandlerClass makes one handler per datagram
     * @param bindAndActivate false to call server_bind() yourself
     * @throws OSError socket or bind errors
     */
    public UDPServer(Address serverAddress, Supplier<? extends BaseRequestHandler> requestHandlerClass,
                     boolean bindAndActivate) throws OSError {
        super(serverAddress, requestHandlerClass, bindAndActivate);
    }

    /** {@code UDPServer.socket_type}: SOCK_DGRAM. */
    @Override
    protected int socket_type() {
        return dev.pysocket.socket.SOCK_DGRAM;
    }

    /** {@code server.server_activate()}: nothing to do for datagrams. */
    @Override
    public void server_activate() {
    }

    /** {@code server.get_request()}: recvfrom(max_packet_size) as {@code ((data, socket), address)}. */
    @Override
    public ServerRequest get_request() throws OSError {
        RecvFrom r = socket().recvfrom(max_packet_size);
        return new ServerRequest(new DatagramRequest(r.data(), socket()), r.address());
    }

    /** {@code server.shutdown_request(request)}: nothing to shut down for a datagram. */
    @Override
    public void shutdown_request(Object request) {
        close_request(request);
    }

    /** {@code server.close_request(request)}: nothing to close for a datagram. */
    @Override
    public void close_request(Object request) {
    }
}
