// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * Python's {@code socketserver.BaseServer}: the request loop ({@code serve_forever},
 * {@code handle_request}, {@code shutdown}) and its hooks. A handler "class" is a
 * {@code Supplier} of handlers, e.g. {@code EchoHandler::new}: each request gets a new one. A
 * server is {@link AutoCloseable} ({@code with server:} closes it with {@link #server_close()}).
 * A server class that also implements {@link ThreadingMixIn} handles each request on a new
 * virtual thread, as Python's {@code class S(ThreadingMixIn, TCPServer)} does on a thread.
 */
public abstract class BaseServer implements AutoCloseable, FileLike {
    /** {@code server.server_address}: the bound address once bound (the real port for port 0). */
    public Address server_address;
    /** {@code server.RequestHandlerClass}: makes one handler per request. */
    public final Supplier<? extends BaseRequestHandler> RequestHandlerClass;
    /** {@code server.timeout}: seconds handle_request() waits, or null (None) for no limit. */
    public Double timeout;
    /** {@code ThreadingMixIn.daemon_threads}: whether server_close() leaves request threads running. */
    public boolean daemon_threads;
    /** {@code ThreadingMixIn.block_on_close}: whether server_close() waits for request threads. */
    public boolean block_on_close = true;

    private volatile boolean shutdownRequest;
    private volatile CountDownLatch isShutDown = new CountDownLatch(0);
    private final List<Thread> threads = new ArrayList<>();

    /**
     * {@code BaseServer(server_address, RequestHandlerClass)}.
     *
     * @param serverAddress the address to serve on
     * @param requestHandlerClass makes one handler per request
     */
    protected BaseServer(Address serverAddress, Supplier<? extends BaseRequestHandler> requestHandlerClass) {
        this.server_address = serverAddress;
        this.RequestHandlerClass = requestHandlerClass;
    }

    /**
     * {@code server.server_activate()}: called by the constructor (TCP servers listen here).
     *
     * @throws OSError listen(2)'s errors
     */
    public void server_activate() throws OSError {
    }

    /**
     * {@code server.serve_forever()}: polls every 0.5 s for shutdown().
     *
     * @throws OSError the selector's errors
     */
    public void serve_forever() throws OSError {
        serve_forever(0.5);
    }

    /**
     * {@code server.serve_forever(poll_interval)}: handles requests until shutdown(), waiting on
     * a {@code selectors.PollSelector} as CPython does, and calling service_actions() each round.
     *
     * @param pollInterval seconds between checks for shutdown()
     * @throws OSError the selector's errors
     */
    public void serve_forever(double pollInterval) throws OSError {
        CountDownLatch done = new CountDownLatch(1);
        isShutDown = done;
        try (selectors.BaseSelector selector = selectors.PollSelector()) {
            selector.register(this, selectors.EVENT_READ);
            while (!shutdownRequest) {
                boolean ready = !selector.select(pollInterval).isEmpty();
                if (shutdownRequest) {
                    break;
                }
                if (ready) {
                    handleRequestNoblock();
                }
                service_actions();
            }
        } finally {
            shutdownRequest = false;
            done.countDown();
        }
    }

    /**
     * {@code server.shutdown()}: stops serve_forever() and waits until it has returned. Must be
     * called from another thread than the one running serve_forever(), or it deadlocks (as in
     * CPython).
     *
     * @throws InterruptedException if this thread is interrupted while waiting
     */
    public void shutdown() throws InterruptedException {
        shutdownRequest = true;
        isShutDown.await();
    }

    /** {@code server.service_actions()}: a hook serve_forever() calls each round; does nothing. */
    public void service_actions() {
    }

    /**
     * {@code server.handle_request()}: handles one request, waiting at most the smaller of
     * {@link #timeout} and the socket's timeout; calls handle_timeout() if none came.
     *
     * @throws OSError the selector's errors
     */
    public void handle_request() throws OSError {
        Double t = socket().gettimeout();
        if (t == null) {
            t = timeout;
        } else if (timeout != null) {
            t = Math.min(t, timeout);
        }
        long deadline = t == null ? 0 : System.nanoTime() + (long) (t * 1e9);
        try (selectors.BaseSelector selector = selectors.PollSelector()) {
            selector.register(this, selectors.EVENT_READ);
            while (true) {
                if (!selector.select(t).isEmpty()) {
                    handleRequestNoblock();
                    return;
                }
                if (t != null) {
                    t = (deadline - System.nanoTime()) / 1e9;
                    if (t < 0) {
                        handle_timeout();
                        return;
                    }
                }
            }
        }
    }

    /** CPython's {@code _handle_request_noblock}: one request whose socket is known readable. */
    private void handleRequestNoblock() {
        ServerRequest r;
        try {
            r = get_request();
        } catch (OSError e) {
            return;
        }
        if (verify_request(r.request(), r.client_address())) {
            try {
                process_request(r.request(), r.client_address());
            } catch (Exception e) {
                handle_error(r.request(), r.client_address(), e);
                shutdown_request(r.request());
            }
        } else {
            shutdown_request(r.request());
        }
    }

    /** {@code server.handle_timeout()}: called when handle_request() timed out; does nothing. */
    public void handle_timeout() {
    }

    /**
     * {@code server.verify_request(request, client_address)}: whether to process the request.
     *
     * @param request the request (a socket, or a datagram request)
     * @param clientAddress the client's address
     * @return true, unless overridden
     */
    public boolean verify_request(Object request, Address clientAddress) {
        return true;
    }

    /**
     * {@code server.process_request(request, client_address)}: finish_request() then
     * shutdown_request(); on a new virtual thread for a {@link ThreadingMixIn} server.
     *
     * @param request the request
     * @param clientAddress the client's address
     * @throws Exception what the handler raised (sent to handle_error())
     */
    public void process_request(Object request, Address clientAddress) throws Exception {
        if (!(this instanceof ThreadingMixIn)) {
            finish_request(request, clientAddress);
            shutdown_request(request);
            return;
        }
        Thread t = Thread.ofVirtual().unstarted(() -> {
            try {
                finish_request(request, clientAddress);
            } catch (Exception e) {
                handle_error(request, clientAddress, e);
            } finally {
                shutdown_request(request);
            }
        });
        if (!daemon_threads && block_on_close) {
            synchronized (threads) {
                threads.removeIf(x -> !x.isAlive()); // CPython's _Threads.reap
                threads.add(t);
            }
        }
        t.start();
    }

    /**
     * {@code server.finish_request(request, client_address)}: runs a new handler on the request.
     *
     * @param request the request
     * @param clientAddress the client's address
     * @throws Exception what the handler raised
     */
    public void finish_request(Object request, Address clientAddress) throws Exception {
        RequestHandlerClass.get().run(request, clientAddress, this);
    }

    /**
     * {@code server.handle_error(request, client_address)}: prints the traceback to stderr
     * between dashed lines, as CPython does, and goes on serving.
     *
     * @param request the request
     * @param clientAddress the client's address
     * @param error what the handler raised (Python finds it with sys.exc_info())
     */
    public void handle_error(Object request, Address clientAddress, Throwable error) {
        System.err.println("-".repeat(40));
        System.err.println("Exception occurred during processing of request from " + clientAddress);
        error.printStackTrace(System.err);
        System.err.println("-".repeat(40));
    }

    /**
     * {@code server.get_request()}: the next request and its client address.
     *
     * @return {@code (request, client_address)}
     * @throws OSError accept's or recvfrom's errors (the request is then skipped)
     */
    public abstract ServerRequest get_request() throws OSError;

    /**
     * {@code server.shutdown_request(request)}: ends a request (stream servers shut the
     * connection down and close it).
     *
     * @param request the request
     */
    public void shutdown_request(Object request) {
        close_request(request);
    }

    /**
     * {@code server.close_request(request)}: cleans up a request; does nothing here.
     *
     * @param request the request
     */
    public void close_request(Object request) {
    }

    /**
     * {@code server.socket}.
     *
     * @return the listening (or datagram) socket
     */
    public abstract SocketType socket();

    /** {@code server.fileno()}: the socket's descriptor, for selectors. */
    @Override
    public int fileno() {
        return socket().fileno();
    }

    /**
     * {@code server.server_close()}: closes the socket; a {@link ThreadingMixIn} server then
     * waits for its request threads unless daemon_threads, or block_on_close is false.
     *
     * @throws OSError close's errors
     */
    public void server_close() throws OSError {
        socket().close();
        List<Thread> running;
        synchronized (threads) {
            running = new ArrayList<>(threads);
            threads.clear();
        }
        for (Thread t : running) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * {@code with server:}'s exit: server_close().
     *
     * @throws OSError close's errors
     */
    @Override
    public void close() throws OSError {
        server_close();
    }
}
