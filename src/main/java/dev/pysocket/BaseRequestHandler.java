// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/**
 * Python's {@code socketserver.BaseRequestHandler}: one object per request; the server sets
 * {@link #request}, {@link #client_address} and {@link #server}, then calls setup(), handle()
 * and (always) finish(). Subclass it and override handle(); pass the constructor as the
 * server's handler class ({@code MyHandler::new}).
 */
public abstract class BaseRequestHandler {
    /** {@code self.request}: a connected {@link SocketType}, or a {@link DatagramRequest}. */
    public Object request;
    /** {@code self.client_address}. */
    public Address client_address;
    /** {@code self.server}. */
    public BaseServer server;

    /** For subclasses: the server fills in the fields before setup(). */
    protected BaseRequestHandler() {
    }

    /** CPython's {@code __init__}: setup(), handle(), and finish() even when handle() raised. */
    final void run(Object request, Address clientAddress, BaseServer server) throws Exception {
        this.request = request;
        this.client_address = clientAddress;
        this.server = server;
        setup();
        try {
            handle();
        } finally {
            finish();
        }
    }

    /**
     * {@code handler.setup()}: before handle(); does nothing here.
     *
     * @throws Exception any failure, reported by the server's handle_error()
     */
    public void setup() throws Exception {
    }

    /**
     * {@code handler.handle()}: serves the request; does nothing here.
     *
     * @throws Exception any failure, reported by the server's handle_error()
     */
    public void handle() throws Exception {
    }

    /**
     * {@code handler.finish()}: after handle(); does nothing here.
     *
     * @throws Exception any failure, reported by the server's handle_error()
     */
    public void finish() throws Exception {
    }
}
