// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.util.function.Supplier;

/** Python's {@code socketserver.ThreadingUnixDatagramServer}: {@code class ThreadingUnixDatagramServer(ThreadingMixIn, UnixDatagramServer)}. */
public class ThreadingUnixDatagramServer extends UnixDatagramServer implements ThreadingMixIn {
    /**
     * {@code ThreadingUnixDatagramServer(server_address, RequestHandlerClass)}.
     *
     * @param serverAddress the address
     * @param requestHandlerClass makes one handler per request, each run on a virtual thread
     * @throws OSError socket, bind or listen errors
     */
    public ThreadingUnixDatagramServer(Address serverAddress, Supplier<? extends BaseRequestHandler> requestHandlerClass) throws OSError {
        super(serverAddress, requestHandlerClass, true);
    }

    /**
     * {@code ThreadingUnixDatagramServer(server_address, RequestHandlerClass, bind_and_activate)}.
     *
     * @param serverAddress the address
     * @param requestHandlerClass makes one handler per request, each run on a virtual thread
     * @param bindAndActivate false to bind and activate yourself
     * @throws OSError socket, bind or listen errors
     */
    public ThreadingUnixDatagramServer(Address serverAddress, Supplier<? extends BaseRequestHandler> requestHandlerClass,
              boolean bindAndActivate) throws OSError {
        super(serverAddress, requestHandlerClass, bindAndActivate);
    }
}
