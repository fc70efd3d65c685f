// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.util.function.Supplier;

/** Python's {@code socketserver.ThreadingUDPServer}: {@code class ThreadingUDPServer(ThreadingMixIn, UDPServer)}. */
public class ThreadingUDPServer extends UDPServer implements ThreadingMixIn {
    /**
     * {@code ThreadingUDPServer(server_address, RequestHandlerClass)}.
     *
     * @param serverAddress the address
     * @param requestHandlerClass makes one handler per request, each run on a virtual thread
     * @throws OSError socket, bind or listen errors
     */
    public ThreadingUDPServer(Address serverAddress, Supplier<? extends BaseRequestHandler> requestHandlerClass) throws OSError {
        super(serverAddress, requestHandlerClass, true);
    }

    /**
     * {@code ThreadingUDPServer(server_address, RequestHandlerClass, bind_and_activate)}.
     *
     * @param serverAddress the address
     * @param requestHandlerClass makes one handler per request, each run on a virtual thread
     * @param bindAndActivate false to bind and activate yourself
     * @throws OSError socket, bind or listen errors
     */
    public ThreadingUDPServer(Address serverAddress, Supplier<? extends BaseRequestHandler> requestHandlerClass,
              boolean bindAndActivate) throws OSError {
        super(serverAddress, requestHandlerClass, bindAndActivate);
    }
}
