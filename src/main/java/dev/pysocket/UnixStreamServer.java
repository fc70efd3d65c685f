// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.util.function.Supplier;

/** Python's {@code socketserver.UnixStreamServer}: a stream server on AF_UNIX; the address is a {@link UnixAddr}. */
public class UnixStreamServer extends TCPServer {
    /**
     * {@code UnixStreamServer(server_address, RequestHandlerClass)}.
     *
     * @param serverAddress the socket's path (or abstract name)
     * @param requestHandlerClass makes one handler per request
     * @throws OSError socket or bind errors
     */
    public UnixStreamServer(Address serverAddress, Supplier<? extends BaseRequestHandler> requestHandlerClass) throws OSError {
        super(serverAddress, requestHandlerClass, true);
    }

    /**
     * {@code UnixStreamServer(server_address, RequestHandlerClass, bind_and_activate)}.
     *
     * @param serverAddress the socket's path (or abstract name)
     * @param requestHandlerClass makes one handler per request
     * @param bindAndActivate false to bind and activate yourself
     * @throws OSError socket or bind errors
     */
    public UnixStreamServer(Address serverAddress, Supplier<? extends BaseRequestHandler> requestHandlerClass,
              boolean bindAndActivate) throws OSError {
        super(serverAddress, requestHandlerClass, bindAndActivate);
    }

    /** {@code UnixStreamServer.address_family}: AF_UNIX. */
    @Override
    protected int address_family() {
        return dev.pysocket.socket.AF_UNIX;
    }
}
