// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.socket.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.pysocket.TlsTestSupport.Python;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * pysocket's ssl against CPython's, both ways, over TCP on 127.0.0.1 and AF_UNIX: TLS 1.2 and
 * 1.3, client certificates, ALPN, unwrap, and the three verification failures, whose class,
 * verify code and message must be CPython's own for the same case.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SslInteropTest {
    static TlsTestSupport.Certs certs;
    @TempDir
    Path tmp;

    @BeforeAll
    static void makeCerts() throws Exception {
        certs = TlsTestSupport.certs();
    }

    /** What both scripts share: a non-blocking handshake driven by a selector, as Python code does it. */
    static final String PY_PRELUDE = """
            import ssl, socket, sys, json, selectors
            def nb_handshake(t):
                sel = selectors.DefaultSelector(); sel.register(t, selectors.EVENT_READ)
                for _ in range(1000):
                    try:
                        t.do_handshake(); break
                    except ssl.SSLWantReadError: sel.modify(t, selectors.EVENT_READ)
                    except ssl.SSLWantWriteError: sel.modify(t, selectors.EVENT_WRITE)
                    sel.select(5)
                sel.close(); t.setblocking(True)
                return t
            """;

    /** A CPython TLS server for one connection: echoes until EOF or "UNWRAP", then plain text. */
    static final String PY_SERVER = PY_PRELUDE + """
            cfg = json.loads(sys.argv[1])
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(cfg['cert'], cfg['key'])
            if cfg.get('max'): ctx.maximum_version = getattr(ssl.TLSVersion, cfg['max'])
            if cfg.get('cafile'):
                ctx.load_verify_locations(cfg['cafile']); ctx.verify_mode = ssl.CERT_REQUIRED
            if cfg.get('alpn'): ctx.set_alpn_protocols(cfg['alpn'])
            if cfg.get('unix'):
                s = socket.socket(socket.AF_UNIX); s.bind(cfg['unix'])
            else:
                s = socket.socket(); s.bind(('127.0.0.1', 0))
            s.listen(); s.settimeout(20)
            print('READY', 0 if cfg.get('unix') else s.getsockname()[1], flush=True)
            c, _ = s.accept()
            try:
                if cfg.get('nonblocking'):
                    import time; time.sleep(0.5)  # so the client's first do_handshake must wait
                    c.setblocking(False)
                    t = nb_handshake(ctx.wrap_socket(c, server_side=True, do_handshake_on_connect=False))
                else:
                    t = ctx.wrap_socket(c, server_side=True)
            except Exception as e:
                print('ERROR', type(e).__name__, str(e), flush=True); sys.exit()
            cert = t.getpeercert()
            print('OK', t.version(), t.cipher()[0], t.selected_alpn_protocol(),
                  cert['subject'][0][0][1] if cert else None, flush=True)
            while True:
                d = t.recv(65536)
                if not d or d == b'UNWRAP': break
                t.sendall(d)
            if d == b'UNWRAP':
                p = t.unwrap(); p.sendall(b'plain:' + p.recv(100)); p.close()
            else:
                t.close()
            print('DONE', flush=True)
            """;

    /** A CPython TLS client: one connection, prints the outcome, echoes a message. */
    static final String PY_CLIENT = PY_PRELUDE + """
            cfg = json.loads(sys.argv[1])
            ctx = ssl.create_default_context(cafile=cfg['ca'])
            if cfg.get('max'): ctx.maximum_version = getattr(ssl.TLSVersion, cfg['max'])
            if cfg.get('cert'): ctx.load_cert_chain(cfg['cert'], cfg['key'])
            if cfg.get('alpn'): ctx.set_alpn_protocols(cfg['alpn'])
            if cfg.get('unix'):
                s = socket.socket(socket.AF_UNIX); s.connect(cfg['unix'])
            else:
                s = socket.create_connection(('127.0.0.1', cfg['port']))
            try:
                if cfg.get('nonblocking'):
                    s.setblocking(False)
                    t = nb_handshake(ctx.wrap_socket(s, server_hostname=cfg['host'], do_handshake_on_connect=False))
                else:
                    t = ctx.wrap_socket(s, server_hostname=cfg['host'])
            except ssl.SSLCertVerificationError as e:
                print('VERIFY', type(e).__name__, e.verify_code, repr(e.verify_message), str(e), flush=True); sys.exit()
            except Exception as e:
                print('ERROR', type(e).__name__, str(e), flush=True); sys.exit()
            print('OK', t.version(), t.cipher()[0], t.selected_alpn_protocol(), t.getpeercert()['subject'][0][0][1], flush=True)
            t.sendall(cfg.get('msg', 'hello').encode())
            print('ECHO', t.recv(100).decode(), flush=True)
            if cfg.get('unwrap'):
                t.sendall(b'UNWRAP'); p = t.unwrap(); p.sendall(b'text'); print('PLAIN', p.recv(100).decode(), flush=True)
            t.close()
            """;

    static String json(Object... kv) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            String value = switch (v) {
                case String s -> "\"" + s + "\"";
                case List<?> l -> l.stream().map(x -> "\"" + x + "\"").toList().toString();
                default -> String.valueOf(v);
            };
            sb.append(i == 0 ? "" : ", ").append('"').append(kv[i]).append("\": ").append(value);
        }
        return sb.append('}').toString();
    }

    private static SSLContext clientContext() throws OSError {
        return ssl.create_default_context(certs.file("ca.pem"));
    }

    private static SSLContext serverContext(String name) throws OSError {
        SSLContext ctx = new SSLContext(ssl.PROTOCOL_TLS_SERVER);
        ctx.load_cert_chain(certs.file(name + ".pem"), certs.file(name + ".key"));
        return ctx;
    }

    // ---- pysocket client, CPython server ---------------------------------------------------

    @ParameterizedTest
    @CsvSource({"TLSv1_3,tcp", "TLSv1_2,tcp", "TLSv1_3,unix", "TLSv1_2,unix"})
    void pysocketClientToPythonServer(String max, String transport) throws Exception {
        boolean unix = transport.equals("unix");
        String path = tmp.resolve("s.sock").toString();
        try (Python py = new Python(certs.dir(), PY_SERVER, json("cert", "server.pem", "key", "server.key", "max", max,
                "unix", unix ? path : ""))) {
            int port = py.ready();
            SSLContext ctx = clientContext();
            SocketType raw = unix ? socket(AF_UNIX, SOCK_STREAM) : create_connection(new InetAddr("127.0.0.1", port));
            if (unix) {
                raw.connect(new UnixAddr(path));
            }
            try (SSLSocket t = ctx.wrap_socket(raw, "localhost")) {
                assertEquals(-1, raw.fileno(), "wrap_socket detaches the socket, as CPython");
                String expected = max.equals("TLSv1_3") ? "TLSv1.3" : "TLSv1.2";
                assertEquals(expected, t.version());
                assertEquals(expected, t.cipher().protocol());
                assertEquals("localhost", t.server_hostname());
                Map<String, Object> cert = t.getpeercert();
                assertEquals("((('commonName', 'localhost'),),)", Py.repr(cert.get("subject")));
                assertEquals("(('DNS', 'localhost'), ('IP Address', '127.0.0.1'))", Py.repr(cert.get("subjectAltName")));
                byte[] der = (byte[]) t.getpeercert(true);
                assertArrayEquals(ssl.PEM_cert_to_DER_cert(Files.readString(certs.dir().resolve("server.pem"))), der);
                byte[] big = CoreTestSupport.pattern(200_000, 7);
                t.sendall(big);
                byte[] back = new byte[big.length];
                int got = 0;
                while (got < big.length) {
                    int n = t.recv_into(java.nio.ByteBuffer.wrap(back, got, big.length - got), 0);
                    assertTrue(n > 0);
                    got += n;
                }
                assertArrayEquals(big, back);
            }
            String ok = py.line();
            assertTrue(ok.startsWith("OK " + (max.equals("TLSv1_3") ? "TLSv1.3" : "TLSv1.2")), ok);
            assertEquals("DONE", py.line());
        }
    }

    @Test
    void pysocketClientPresentsClientCertificateAndAlpn() throws Exception {
        try (Python py = new Python(certs.dir(), PY_SERVER, json("cert", "server.pem", "key", "server.key",
                "cafile", "ca.pem", "alpn", List.of("h2", "http/1.1")))) {
            int port = py.ready();
            SSLContext ctx = clientContext();
            ctx.load_cert_chain(certs.file("client.pem"), certs.file("client.key"));
            ctx.set_alpn_protocols(List.of("x-unknown", "http/1.1"));
            try (SSLSocket t = ctx.wrap_socket(create_connection(new InetAddr("127.0.0.1", port)), "localhost")) {
                assertEquals("http/1.1", t.selected_alpn_protocol());
                t.sendall("ping".getBytes());
                assertEquals("ping", new String(t.recv(10)));
            }
            assertEquals("OK TLSv1.3 TLS_AES_256_GCM_SHA384 http/1.1 client", py.line());
        }
    }

    @Test
    void unwrapBackToPlainTextWithPythonServer() throws Exception {
        try (Python py = new Python(certs.dir(), PY_SERVER, json("cert", "server.pem", "key", "server.key"))) {
            int port = py.ready();
            SSLSocket t = clientContext().wrap_socket(create_connection(new InetAddr("127.0.0.1", port)), "localhost");
            t.sendall("UNWRAP".getBytes());
            try (SocketType plain = t.unwrap()) {
                plain.sendall("text".getBytes());
                assertEquals("plain:text", new String(CoreTestSupport.recvAll(plain, 10)));
            }
            assertTrue(py.line().startsWith("OK "));
            assertEquals("DONE", py.line());
        }
    }

    @Test
    void nonBlockingHandshakeWithSelectorsBothSides() throws Exception {
        try (Python py = new Python(certs.dir(), PY_SERVER, json("cert", "server.pem", "key", "server.key",
                "nonblocking", "True"))) {
            int port = py.ready();
            SocketType raw = create_connection(new InetAddr("127.0.0.1", port));
            raw.setblocking(false);
            try (SSLSocket t = clientContext().wrap_socket(raw, false, false, true, "localhost");
                 selectors.BaseSelector sel = selectors.DefaultSelector()) {
                sel.register(t, selectors.EVENT_READ);
                int wants = 0;
                for (int i = 0; i < 1000 && !handshake(t); i++) {
                    wants++;
                    assertFalse(sel.select(5.0).isEmpty(), "the selector saw no readiness");
                }
                assertTrue(wants > 0, "a non-blocking handshake must want at least one read: ");
                assertEquals("TLSv1.3", t.version());
                t.setblocking(true);
                t.sendall("nb".getBytes());
                assertEquals("nb", new String(t.recv(10)));
            }
            assertTrue(py.line().startsWith("OK TLSv1.3"));
        }
    }

    private static boolean handshake(SSLSocket t) throws OSError {
        try {
            t.do_handshake();
            return true;
        } catch (SSLWantReadError | SSLWantWriteError e) {
            assertEquals(e instanceof SSLWantReadError ? 2 : 3, e.errno());
            assertTrue(e.getMessage().startsWith("The operation did not complete ("), e.getMessage());
            return false;
        }
    }

    // ---- CPython client, pysocket server ---------------------------------------------------

    /** Runs a pysocket server for one connection on a thread: echoes one message, or unwraps. */
    private CompletableFuture<String> serveOnce(SSLContext ctx, SocketType listener, boolean unwrap) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                listener.settimeout(20.0);
                if (listener.accept() instanceof Accepted(SocketType conn, Address addr)) {
                    try (SSLSocket t = ctx.wrap_socket(conn, true)) {
                        byte[] d = t.recv(100);
                        t.sendall(d);
                        String info = t.version() + " " + t.selected_alpn_protocol() + " "
                                + (t.getpeercert() == null ? null : Py.repr(t.getpeercert().get("subject")));
                        if (unwrap) {
                            assertEquals("UNWRAP", new String(t.recv(100)));
                            SocketType plain = t.unwrap();
                            plain.sendall(("plain:" + new String(plain.recv(100))).getBytes());
                        }
                        return info;
                    }
                }
                return "no connection";
            } catch (Exception e) {
                return e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        });
    }

    @ParameterizedTest
    @CsvSource({"TLSv1_3,tcp", "TLSv1_2,tcp", "TLSv1_3,unix", "TLSv1_2,unix"})
    void pythonClientToPysocketServer(String max, String transport) throws Exception {
        boolean unix = transport.equals("unix");
        String path = tmp.resolve("p.sock").toString();
        try (SocketType listener = unix ? socket(AF_UNIX, SOCK_STREAM) : socket(AF_INET, SOCK_STREAM)) {
            listener.bind(unix ? new UnixAddr(path) : new InetAddr("127.0.0.1", 0));
            listener.listen();
            CompletableFuture<String> server = serveOnce(serverContext("server"), listener, false);
            int port = unix ? 0 : ((InetAddr) listener.getsockname()).port();
            try (Python py = new Python(certs.dir(), PY_CLIENT, json("ca", "ca.pem", "host", "localhost",
                    "port", port, "unix", unix ? path : "", "max", max, "msg", "hi there"))) {
                String v = max.equals("TLSv1_3") ? "TLSv1.3" : "TLSv1.2";
                String ok = py.line();
                assertTrue(ok.startsWith("OK " + v + " "), ok);
                assertEquals("ECHO hi there", py.line());
                assertEquals(v + " null null", server.get(30, TimeUnit.SECONDS));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"false", "true"})
    void pythonClientWithCertificateAlpnAndUnwrap(boolean nonblocking) throws Exception {
        SSLContext ctx = serverContext("server");
        ctx.load_verify_locations(certs.file("ca.pem"));
        ctx.verify_mode(ssl.CERT_REQUIRED);
        ctx.set_alpn_protocols(List.of("http/1.1", "h2"));
        try (SocketType listener = create_server(new InetAddr("127.0.0.1", 0))) {
            CompletableFuture<String> server = serveOnce(ctx, listener, true);
            int port = ((InetAddr) listener.getsockname()).port();
            try (Python py = new Python(certs.dir(), PY_CLIENT, json("ca", "ca.pem", "host", "127.0.0.1",
                    "port", port, "cert", "client.pem", "key", "client.key", "alpn", List.of("h2", "http/1.1"),
                    "unwrap", "True", "nonblocking", nonblocking ? "True" : "False"))) {
                assertEquals("OK TLSv1.3 TLS_AES_256_GCM_SHA384 http/1.1 localhost", py.line());
                assertEquals("ECHO hello", py.line());
                assertEquals("PLAIN plain:text", py.line());
                assertEquals("TLSv1.3 http/1.1 ((('commonName', 'client'),),)", server.get(30, TimeUnit.SECONDS));
            }
        }
    }

    // ---- the three failures, compared with CPython's ---------------------------------------

    @ParameterizedTest
    @CsvSource({"other,localhost", "other,127.0.0.1", "unknown,localhost", "expired,localhost"})
    void verificationFailuresMatchCPython(String cert, String host) throws Exception {
        // CPython's client against a CPython server with that certificate: the reference
        String expected;
        try (Python srv = new Python(certs.dir(), PY_SERVER, json("cert", cert + ".pem", "key", cert + ".key"))) {
            int port = srv.ready();
            try (Python cli = new Python(certs.dir(), PY_CLIENT, json("ca", "ca.pem", "host", host, "port", port))) {
                expected = cli.line();
            }
            String serverSaw = srv.line();
            assertTrue(serverSaw.startsWith("ERROR SSLError"), serverSaw);
        }
        assertTrue(expected.startsWith("VERIFY SSLCertVerificationError"), expected);

        // pysocket's client against a CPython server with the same certificate
        String pythonServerSaw;
        try (Python srv = new Python(certs.dir(), PY_SERVER, json("cert", cert + ".pem", "key", cert + ".key"))) {
            int port = srv.ready();
            SSLCertVerificationError e = assertThrows(SSLCertVerificationError.class,
                    () -> clientContext().wrap_socket(create_connection(new InetAddr("127.0.0.1", port)), host));
            assertEquals(expected, "VERIFY " + e.getClass().getSimpleName() + " " + e.verify_code() + " "
                    + Py.repr(e.verify_message()) + " " + e.getMessage());
            assertEquals(1, e.errno());
            assertEquals("CERTIFICATE_VERIFY_FAILED", e.reason());
            assertEquals("SSL", e.library());
            pythonServerSaw = srv.line();
        }
        // the alert pysocket sent is the one OpenSSL sends for the same failure, but for an
        // unknown CA: the JDK sends certificate_unknown there (docs/mapping.md)
        String sent = cert.equals("unknown") ? "SSLV3_ALERT_CERTIFICATE_UNKNOWN] sslv3 alert certificate unknown" : null;
        String alert = switch (cert) {
            case "unknown" -> "TLSV1_ALERT_UNKNOWN_CA] tlsv1 alert unknown ca";
            case "expired" -> "SSLV3_ALERT_CERTIFICATE_EXPIRED] sslv3 alert certificate expired";
            default -> "SSLV3_ALERT_BAD_CERTIFICATE] sslv3 alert bad certificate";
        };
        assertEquals("ERROR SSLError [SSL: " + (sent != null ? sent : alert) + " (_ssl.c:1006)", pythonServerSaw);

        // CPython's client against a pysocket server with that certificate: same message
        try (SocketType listener = create_server(new InetAddr("127.0.0.1", 0))) {
            CompletableFuture<String> server = serveOnce(serverContext(cert), listener, false);
            int port = ((InetAddr) listener.getsockname()).port();
            try (Python cli = new Python(certs.dir(), PY_CLIENT, json("ca", "ca.pem", "host", host, "port", port))) {
                assertEquals(expected, cli.line());
            }
            String failure = server.get(30, TimeUnit.SECONDS);
            assertEquals("SSLError: [SSL: " + alert + " (_ssl.c:1006)", failure);
        }
    }
}
