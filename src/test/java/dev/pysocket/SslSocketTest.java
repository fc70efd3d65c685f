// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.socket.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** pysocket's ssl against itself over socketpairs: modes, errors and attributes CPython shows. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SslSocketTest {
    static TlsTestSupport.Certs certs;

    @BeforeAll
    static void makeCerts() throws Exception {
        certs = TlsTestSupport.certs();
    }

    @Test
    void nonBlockingHandshakeWantsReadWithNoPeerAnswer() throws Exception {
        SocketPair p = socketpair();
        try (SocketType peer = p.b()) {
            SocketType a = p.a();
            a.setblocking(false);
            try (SSLSocket t = ssl.create_default_context(certs.file("ca.pem")).wrap_socket(a, false, false, true, "localhost")) {
                SSLWantReadError e = assertThrows(SSLWantReadError.class, t::do_handshake);
                assertEquals("SSLWantReadError(2, 'The operation did not complete (read) (_ssl.c:1006)')", e.repr());
                assertTrue(peer.recv(5).length == 5, "the ClientHello was sent");
            }
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"--tlsv1.3", "--tls-max"})
    void curlFetchesFromAPysocketHttpsServer(String versionOption) throws Exception {
        SSLContext ctx = new SSLContext(ssl.PROTOCOL_TLS_SERVER);
        ctx.load_cert_chain(certs.file("server.pem"), certs.file("server.key"));
        ctx.set_alpn_protocols(java.util.List.of("http/1.1"));
        try (SocketType listener = create_server(new InetAddr("127.0.0.1", 0))) {
            int port = ((InetAddr) listener.getsockname()).port();
            var served = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    listener.settimeout(20.0);
                    try (SSLSocket t = ctx.wrap_socket(listener.accept().conn(), true)) {
                        String request = new String(t.recv(4096));
                        byte[] body = ("pysocket over " + t.version() + "\n").getBytes();
                        t.sendall(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length
                                + "\r\nConnection: close\r\n\r\n").getBytes());
                        t.sendall(body);
                        t.unwrap();
                        return request.lines().findFirst().orElse("");
                    }
                } catch (Exception e) {
                    return e.toString();
                }
            });
            java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("curl", "-sS", "--max-time", "20",
                    "--cacert", certs.file("ca.pem")));
            cmd.addAll(versionOption.equals("--tls-max") ? java.util.List.of("--tls-max", "1.2") : java.util.List.of("--tlsv1.3"));
            cmd.add("https://localhost:" + port + "/hello");
            Process curl = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(curl.getInputStream().readAllBytes());
            assertTrue(curl.waitFor(30, TimeUnit.SECONDS));
            String version = versionOption.equals("--tls-max") ? "TLSv1.2" : "TLSv1.3";
            assertEquals("pysocket over " + version + "\n", out);
            assertEquals(0, curl.exitValue());
            assertEquals("GET /hello HTTP/1.1", served.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void memoryBioHandshakeAndData() throws Exception {
        SSLContext sctx = new SSLContext(ssl.PROTOCOL_TLS_SERVER);
        sctx.load_cert_chain(certs.file("ec.pem"), certs.file("ec-sec1.key"));
        SSLContext cctx = ssl.create_default_context(certs.file("ca.pem"));
        MemoryBIO cin = new MemoryBIO(), cout = new MemoryBIO(), sin = new MemoryBIO(), sout = new MemoryBIO();
        SSLObject c = cctx.wrap_bio(cin, cout, false, "localhost");
        SSLObject s = sctx.wrap_bio(sin, sout, true, null);
        boolean cDone = false, sDone = false;
        for (int i = 0; i < 20 && !(cDone && sDone); i++) {
            cDone = cDone || step(c);
            sin.write(cout.read());
            sDone = sDone || step(s);
            cin.write(sout.read());
        }
        assertTrue(cDone && sDone);
        assertEquals("TLSv1.3", c.version());
        c.write("over memory".getBytes());
        sin.write(cout.read());
        assertEquals("over memory", new String(s.read(100)));
        assertThrows(SSLWantReadError.class, () -> s.read(100));
        sin.write_eof();
        SSLEOFError e = assertThrows(SSLEOFError.class, () -> s.read(100));
        assertEquals("SSLEOFError(8, '[SSL: UNEXPECTED_EOF_WHILE_READING] EOF occurred in violation of protocol (_ssl.c:2580)')",
                e.repr());
        assertEquals("SSLError('cannot write() after write_eof()')", assertThrows(SSLError.class, () -> sin.write(new byte[1])).repr());
    }

    private static boolean step(SSLObject o) throws OSError {
        try {
            o.do_handshake();
            return true;
        } catch (SSLWantReadError e) {
            return false;
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"server.key", "server-pkcs1.key", "server-pkcs1-enc.key",
            "server-pkcs8-enc.key", "ec.key", "ec-sec1.key", "combined"})
    void loadCertChainReadsEveryPemKeyForm(String key) throws Exception {
        SSLContext ctx = new SSLContext(ssl.PROTOCOL_TLS_SERVER);
        String cert = key.startsWith("ec") ? "ec.pem" : "server.pem";
        if (key.equals("combined")) {
            ctx.load_cert_chain(certs.file("server-combined.pem"));
        } else {
            ctx.load_cert_chain(certs.file(cert), certs.file(key), key.contains("enc") ? "secret" : null);
        }
        SocketPair p = socketpair();
        var server = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (SSLSocket t = ctx.wrap_socket(p.b(), true)) {
                t.sendall("k".getBytes()); // the client waits for it, so it is open while tickets go out
                return t.version();
            } catch (OSError e) {
                return e.toString();
            }
        });
        try (SSLSocket t = ssl.create_default_context(certs.file("ca.pem")).wrap_socket(p.a(), "localhost")) {
            assertEquals("TLSv1.3", t.version());
            assertEquals("k", new String(t.recv(1)));
        }
        assertEquals("TLSv1.3", server.get(30, TimeUnit.SECONDS));
    }

    @Test
    void pemErrorsAreCPythons() throws Exception {
        SSLContext ctx = new SSLContext(ssl.PROTOCOL_TLS_SERVER);
        assertEquals("FileNotFoundError(2, 'No such file or directory')",
                assertThrows(FileNotFoundError.class, () -> ctx.load_cert_chain(certs.file("missing.pem"))).repr());
        assertEquals("SSLError(116, '[X509: KEY_VALUES_MISMATCH] key values mismatch (_ssl.c:3926)')",
                assertThrows(SSLError.class, () -> ctx.load_cert_chain(certs.file("server.pem"), certs.file("client.key"))).repr());
        assertEquals("SSLError(524297, '[SSL] PEM lib (_ssl.c:3905)')",
                assertThrows(SSLError.class, () -> ctx.load_cert_chain(certs.file("server.key"))).repr());
        assertEquals("SSLError('No cipher can be selected.',)".replace(",)", ")"),
                assertThrows(SSLError.class, () -> ctx.set_ciphers("nonsense")).repr());
        SSLContext client = new SSLContext(ssl.PROTOCOL_TLS_CLIENT);
        assertEquals("Cannot set verify_mode to CERT_NONE when check_hostname is enabled.",
                assertThrows(ValueError.class, () -> client.verify_mode(ssl.CERT_NONE)).getMessage());
        assertEquals("check_hostname requires server_hostname",
                assertThrows(ValueError.class, () -> client.wrap_socket(socket())).getMessage());
        assertEquals("<TLSVersion.TLSv1_2: 771>", client.minimum_version().toString());
    }

    @Test
    void timeoutsAndRaggedEofAreCPythons() throws Exception {
        SSLContext sctx = new SSLContext(ssl.PROTOCOL_TLS_SERVER);
        sctx.load_cert_chain(certs.file("server.pem"), certs.file("server.key"));
        SocketPair p = socketpair();
        var server = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                SSLSocket t = sctx.wrap_socket(p.b(), true);
                t.sendall("x".getBytes());
                return t;
            } catch (OSError e) {
                throw new IllegalStateException(e);
            }
        });
        try (SSLSocket c = ssl.create_default_context(certs.file("ca.pem")).wrap_socket(p.a(), false, true, false, "localhost");
             SSLSocket s = server.get(30, TimeUnit.SECONDS)) {
            assertEquals("x", new String(c.recv(10)));
            c.settimeout(0.05);
            assertEquals("TimeoutError('The read operation timed out')",
                    assertThrows(TimeoutError.class, () -> c.recv(10)).repr());
            s.shutdown(SHUT_WR);
            c.settimeout(5.0);
            SSLEOFError e = assertThrows(SSLEOFError.class, () -> c.recv(10));
            assertEquals("UNEXPECTED_EOF_WHILE_READING", e.reason());
        }
    }
}
