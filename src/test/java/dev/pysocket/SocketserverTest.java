// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.socket.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CPython's Lib/test/test_socketserver.py, ported test by test where Java can express it (the
 * ForkingMixIn tests have no counterpart: docs/mapping.md). Loopback and AF_UNIX only.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SocketserverTest {
    static final byte[] TEST = "hello world\n".getBytes();
    @TempDir
    Path tmp;

    /** test_socketserver's stream handler: {@code self.wfile.write(self.rfile.readline())}. */
    static final class EchoLine extends StreamRequestHandler {
        @Override
        public void handle() throws Exception {
            wfile.write(rfile.readline());
        }
    }

    /** The same through the Java views: a BufferedReader over rfile, an OutputStream over wfile. */
    static final class EchoLineJava extends StreamRequestHandler {
        @Override
        public void handle() throws Exception {
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(rfile.asInputStream())).readLine();
            java.io.OutputStream out = wfile.asOutputStream();
            out.write(line.getBytes());
            out.write('\n');
        }
    }

    /** test_socketserver's datagram handler: echoes the datagram. */
    static final class EchoDatagram extends DatagramRequestHandler {
        @Override
        public void handle() throws Exception {
            wfile.write(rfile.readAllBytes());
        }
    }

    private Address address(boolean unix) {
        return unix ? new UnixAddr(tmp.resolve("s" + System.nanoTime() + ".sock").toString())
                : new InetAddr("127.0.0.1", 0);
    }

    /** CPython's run_server: serve_forever on a thread, the test, shutdown, server_close. */
    private static void runServer(BaseServer server, ThrowingConsumer<Address> examine) throws Exception {
        try (server) {
            Thread t = Thread.ofPlatform().start(() -> {
                try {
                    server.serve_forever(0.01);
                } catch (OSError e) {
                    throw new AssertionError(e);
                }
            });
            for (int i = 0; i < 3; i++) {
                examine.accept(server.server_address);
            }
            server.shutdown();
            t.join(10_000);
            assertFalse(t.isAlive());
        }
        assertEquals(-1, server.fileno(), "server_close closed the socket");
    }

    /** {@code server.handle_request()} on a virtual thread, for a test that then connects. */
    private static Thread handleOneRequest(BaseServer s) {
        return Thread.ofVirtual().start(() -> {
            try {
                s.handle_request();
            } catch (OSError e) {
                throw new AssertionError(e);
            }
        });
    }

    interface ThrowingConsumer<T> {
        void accept(T t) throws Exception;
    }

    private static void streamExamine(Address addr) throws Exception {
        try (SocketType s = socket(addr instanceof UnixAddr ? AF_UNIX : AF_INET, SOCK_STREAM)) {
            s.settimeout(10.0);
            s.connect(addr);
            s.sendall(TEST);
            assertArrayEquals(TEST, CoreTestSupport.recvAll(s, TEST.length));
        }
    }

    private void dgramExamine(Address addr) throws Exception {
        boolean unix = addr instanceof UnixAddr;
        try (SocketType s = socket(unix ? AF_UNIX : AF_INET, SOCK_DGRAM)) {
            s.settimeout(10.0);
            if (unix) {
                s.bind(address(true)); // a reply needs an address to go to
            }
            s.sendto(TEST, addr);
            assertArrayEquals(TEST, s.recv(100));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TCPServer", "ThreadingTCPServer", "UnixStreamServer", "ThreadingUnixStreamServer"})
    void test_stream_servers(String kind) throws Exception {
        BaseServer server = switch (kind) {
            case "TCPServer" -> new TCPServer(address(false), EchoLine::new);
            case "ThreadingTCPServer" -> new ThreadingTCPServer(address(false), EchoLine::new);
            case "UnixStreamServer" -> new UnixStreamServer(address(true), EchoLine::new);
            default -> new ThreadingUnixStreamServer(address(true), EchoLine::new);
        };
        runServer(server, SocketserverTest::streamExamine);
    }

    @Test
    void rfileAndWfileJavaViews() throws Exception {
        runServer(new TCPServer(address(false), EchoLineJava::new), SocketserverTest::streamExamine);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDPServer", "ThreadingUDPServer", "UnixDatagramServer", "ThreadingUnixDatagramServer"})
    void test_datagram_servers(String kind) throws Exception {
        BaseServer server = switch (kind) {
            case "UDPServer" -> new UDPServer(address(false), EchoDatagram::new);
            case "ThreadingUDPServer" -> new ThreadingUDPServer(address(false), EchoDatagram::new);
            case "UnixDatagramServer" -> new UnixDatagramServer(address(true), EchoDatagram::new);
            default -> new ThreadingUnixDatagramServer(address(true), EchoDatagram::new);
        };
        runServer(server, this::dgramExamine);
    }

    @Test
    void test_shutdown() throws Exception {
        // CPython: "Issue #2302: shutdown() should always succeed in making an other thread leave
        // serve_forever()", for several servers at once
        List<TCPServer> servers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            TCPServer s = new TCPServer(address(false), EchoLine::new);
            servers.add(s);
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    s.serve_forever(0.05);
                } catch (OSError e) {
                    throw new AssertionError(e);
                }
            }));
        }
        for (int i = 0; i < servers.size(); i++) {
            servers.get(i).shutdown();
            servers.get(i).server_close();
            threads.get(i).join(10_000);
            assertFalse(threads.get(i).isAlive());
        }
    }

    @Test
    void test_close_immediately() throws Exception {
        TCPServer server = new TCPServer(address(false), EchoLine::new);
        server.server_close();
        assertEquals(-1, server.fileno());
    }

    @Test
    void test_tcpserver_bind_leak() throws Exception {
        // a server that fails to bind closes its socket: no descriptor leaks
        try (SocketType taken = socket(AF_INET, SOCK_STREAM)) {
            taken.bind(new InetAddr("127.0.0.1", 0));
            taken.listen();
            long before = Files.list(Path.of("/proc/self/fd")).count();
            for (int i = 0; i < 200; i++) {
                assertThrows(OSError.class, () -> new TCPServer(taken.getsockname(), EchoLine::new));
            }
            long after = Files.list(Path.of("/proc/self/fd")).count();
            assertTrue(after - before < 5, "leaked " + (after - before) + " descriptors");
        }
    }

    @Test
    void test_context_manager() throws Exception {
        TCPServer server;
        try (TCPServer s = new TCPServer(address(false), EchoLine::new)) {
            server = s;
            assertTrue(s.fileno() >= 0);
        }
        assertEquals(-1, server.fileno());
    }

    @Test
    void test_allow_reuse_address_and_bind_and_activate() throws Exception {
        class Reusing extends TCPServer {
            Reusing(Address a) throws OSError {
                super(a, EchoLine::new, false);
            }

            @Override
            protected boolean allow_reuse_address() {
                return true;
            }
        }
        try (Reusing s = new Reusing(address(false))) {
            assertEquals(0, ((InetAddr) s.server_address).port(), "not bound yet");
            s.server_bind();
            s.server_activate();
            assertEquals(1, s.socket().getsockopt(SOL_SOCKET, SO_REUSEADDR));
            assertNotEquals(0, ((InetAddr) s.server_address).port());
            runServer(s, SocketserverTest::streamExamine);
        }
    }

    @Test
    void test_handle_request_timeout_calls_handle_timeout() throws Exception {
        AtomicInteger timeouts = new AtomicInteger();
        try (TCPServer s = new TCPServer(address(false), EchoLine::new) {
            @Override
            public void handle_timeout() {
                timeouts.incrementAndGet();
            }
        }) {
            s.timeout = 0.05;
            s.handle_request();
            assertEquals(1, timeouts.get());
            Thread client = Thread.ofVirtual().start(() -> {
                try {
                    streamExamine(s.server_address);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            s.timeout = 10.0;
            s.handle_request();
            client.join(10_000);
            assertEquals(1, timeouts.get());
        }
    }

    // ---- ErrorHandlerTest -----------------------------------------------------------------

    /** A handler that fails, to reach handle_error(). */
    static final class Failing extends BaseRequestHandler {
        @Override
        public void handle() {
            throw new ValueError("handler failed");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void test_handled_errors_go_to_handle_error(boolean threading) throws Exception {
        List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch reported = new CountDownLatch(1);
        TCPServer server = threading ? new ErrorServerThreading(address(false), errors, reported)
                : new ErrorServer(address(false), errors, reported);
        try (server) {
            Thread client = Thread.ofVirtual().start(() -> {
                try (SocketType c = create_connection(server.server_address)) {
                    c.settimeout(10.0);
                    assertEquals(0, c.recv(10).length, "the server closed the connection");
                } catch (OSError e) {
                    throw new AssertionError(e);
                }
            });
            server.handle_request();
            assertTrue(reported.await(10, TimeUnit.SECONDS));
            client.join(10_000);
        }
        assertEquals(List.of("ValueError: handler failed"), errors);
    }

    static class ErrorServer extends TCPServer {
        final List<String> errors;
        final CountDownLatch reported;

        ErrorServer(Address a, List<String> errors, CountDownLatch reported) throws OSError {
            super(a, Failing::new);
            this.errors = errors;
            this.reported = reported;
        }

        @Override
        public void handle_error(Object request, Address clientAddress, Throwable error) {
            errors.add(error.getClass().getSimpleName() + ": " + error.getMessage());
            reported.countDown();
        }
    }

    static final class ErrorServerThreading extends ErrorServer implements ThreadingMixIn {
        ErrorServerThreading(Address a, List<String> errors, CountDownLatch reported) throws OSError {
            super(a, errors, reported);
        }
    }

    // ---- MiscTestCase ---------------------------------------------------------------------

    @Test
    void test_shutdown_request_called_if_verify_request_false() throws Exception {
        AtomicInteger shutdowns = new AtomicInteger();
        try (TCPServer s = new TCPServer(address(false), EchoLine::new) {
            @Override
            public boolean verify_request(Object request, Address clientAddress) {
                return false;
            }

            @Override
            public void shutdown_request(Object request) {
                shutdowns.incrementAndGet();
                super.shutdown_request(request);
            }
        }) {
            Thread client = Thread.ofVirtual().start(() -> {
                try (SocketType c = create_connection(s.server_address)) {
                    c.settimeout(10.0);
                    c.recv(10);
                } catch (OSError e) {
                    throw new AssertionError(e);
                }
            });
            s.handle_request();
            client.join(10_000);
        }
        assertEquals(1, shutdowns.get());
    }

    /** A handler that waits, so server_close() has a thread to join (or not). */
    static final class Slow extends BaseRequestHandler {
        static final AtomicInteger done = new AtomicInteger();

        @Override
        public void handle() throws Exception {
            Thread.sleep(300);
            done.incrementAndGet();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void test_threading_block_on_close(boolean block) throws Exception {
        Slow.done.set(0);
        ThreadingTCPServer s = new ThreadingTCPServer(address(false), Slow::new);
        s.block_on_close = block;
        try (SocketType c = create_connection(s.server_address)) {
            s.handle_request();
            s.server_close();
            assertEquals(block ? 1 : 0, Slow.done.get(), "server_close waits for request threads only with block_on_close");
        }
    }

    @Test
    void test_daemon_threads_are_not_joined() throws Exception {
        Slow.done.set(0);
        ThreadingTCPServer s = new ThreadingTCPServer(address(false), Slow::new);
        s.daemon_threads = true;
        try (SocketType c = create_connection(s.server_address)) {
            s.handle_request();
            s.server_close();
            assertEquals(0, Slow.done.get());
        }
    }

    // ---- SocketWriterTest -----------------------------------------------------------------

    @Test
    void test_wfile_is_unbuffered() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        class Writer extends StreamRequestHandler {
            @Override
            public void handle() throws Exception {
                wfile.write("unbuffered".getBytes());
                written.countDown();
                release.await(10, TimeUnit.SECONDS); // no flush: the bytes must already be sent
            }
        }
        try (TCPServer s = new TCPServer(address(false), Writer::new)) {
            Thread serving = handleOneRequest(s);
            try (SocketType c = create_connection(s.server_address)) {
                c.settimeout(10.0);
                assertEquals("unbuffered", new String(CoreTestSupport.recvAll(c, 10)));
                assertTrue(written.await(10, TimeUnit.SECONDS));
            } finally {
                release.countDown();
            }
            serving.join(10_000);
        }
    }

    @Test
    void test_basics() throws Exception {
        java.util.concurrent.atomic.AtomicReference<String> seen = new java.util.concurrent.atomic.AtomicReference<>();
        class Handler extends StreamRequestHandler {
            @Override
            public void handle() {
                seen.set(wfile + " " + wfile.writable() + " " + (wfile.fileno() == connection.fileno()) + " "
                        + rfile + " " + rfile.mode());
            }
        }
        try (TCPServer s = new TCPServer(address(false), Handler::new)) {
            try (SocketType c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)) {
                c.connect(s.server_address);
            }
            s.handle_request();
        }
        // CPython: <socketserver._SocketWriter object at 0x...> True True <_io.BufferedReader name=N> rb
        assertTrue(seen.get().matches("<socketserver\\._SocketWriter object at 0x[0-9a-f]+> true true "
                + "<_io\\.BufferedReader name=\\d+> rb"), seen.get());
    }

    @Test
    void test_write() throws Exception {
        int big = 256 * 1024; // larger than the socket buffers, so sendall loops
        List<Object> results = java.util.Collections.synchronizedList(new ArrayList<>());
        class Handler extends StreamRequestHandler {
            @Override
            public void handle() throws Exception {
                results.add(wfile.write("write data\n".getBytes())); // sent without flush()
                results.add(new String(rfile.readline()));
                results.add(wfile.write(new byte[big]));
            }
        }
        try (TCPServer s = new TCPServer(address(false), Handler::new)) {
            Thread serving = handleOneRequest(s);
            try (SocketType c = create_connection(s.server_address)) {
                c.settimeout(10.0);
                BinaryFile reader = c.makefile("rb").binary();
                assertEquals("write data\n", new String(reader.readline()));
                c.sendall("client response\n".getBytes());
                byte[] all = reader.read();
                assertEquals(big, all.length);
                reader.close();
            }
            serving.join(10_000);
        }
        assertEquals(List.of(11, "client response\n", big), results);
    }

    @Test
    void rbufsizeAndWbufsizeGiveCPythonsFileObjects() throws Exception {
        java.util.concurrent.atomic.AtomicReference<String> seen = new java.util.concurrent.atomic.AtomicReference<>();
        class Handler extends StreamRequestHandler {
            Handler() {
                rbufsize = 0;
                wbufsize = 100;
            }

            @Override
            public void handle() throws Exception {
                wfile.write(rfile.readline());
                seen.set(rfile + " " + wfile);
            }
        }
        try (TCPServer s = new TCPServer(address(false), Handler::new)) {
            Thread serving = handleOneRequest(s);
            try (SocketType c = create_connection(s.server_address)) {
                c.settimeout(10.0);
                c.sendall(TEST);
                // the buffered wfile is flushed by finish()
                assertArrayEquals(TEST, c.makefile("rb").binary().readline());
            }
            serving.join(10_000);
        }
        // CPython: <socket.SocketIO object at 0x...> <_io.BufferedWriter name=N>
        assertTrue(seen.get().matches("<socket\\.SocketIO object at 0x[0-9a-f]+> <_io\\.BufferedWriter name=\\d+>"),
                seen.get());
    }
}
