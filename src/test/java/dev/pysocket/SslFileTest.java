// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.socket.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.pysocket.TlsTestSupport.Python;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SSLSocket's makefile() and its timeouts against CPython peers: a line protocol read with
 * {@code readline()} on both sides, and each timeout case (read, handshake, write, a record that
 * trickles in slower than the deadline, non-blocking files) run first with CPython's own client,
 * whose results are the reference, then with pysocket's, against the same CPython server.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SslFileTest {
    static TlsTestSupport.Certs certs;

    @BeforeAll
    static void makeCerts() throws Exception {
        certs = TlsTestSupport.certs();
    }

    /**
     * The CPython peer. Servers: {@code echo} answers each line with {@code echo:LINE.upper()}
     * through makefile('rwb'); {@code silent} handshakes and sends nothing; {@code nohandshake}
     * accepts and sends nothing; {@code noread} handshakes and reads nothing; {@code trickle}
     * sends one record in five pieces 0.3 s apart. Clients print {@code RESULT} lines.
     */
    static final String PEER = """
import ssl, socket, sys, json, time
cfg = json.loads(sys.argv[1])
mode = cfg['mode']
def out(*a): print(*a, flush=True)
def exc(e): return type(e).__name__ + ': ' + str(e)
if cfg['role'] == 'server':
    ls = socket.socket(); ls.bind(('127.0.0.1', 0)); ls.listen(); ls.settimeout(20)
    out('READY', ls.getsockname()[1])
    c, _ = ls.accept(); c.settimeout(20)
    if mode == 'nohandshake':
        while c.recv(100000): pass
        out('EOF'); sys.exit()
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); ctx.load_cert_chain('server.pem', 'server.key')
    if mode == 'trickle':
        inc, outb = ssl.MemoryBIO(), ssl.MemoryBIO()
        o = ctx.wrap_bio(inc, outb, server_side=True)
        while True:
            try:
                o.do_handshake(); c.sendall(outb.read()); break
            except ssl.SSLWantReadError:
                c.sendall(outb.read()); inc.write(c.recv(65536))
        o.write(b'trickled\\n'); rec = outb.read()
        step = (len(rec) + 4) // 5
        for i in range(0, len(rec), step):
            c.sendall(rec[i:i + step]); time.sleep(0.3)
        time.sleep(1.0); out('DONE'); sys.exit()
    t = ctx.wrap_socket(c, server_side=True)
    if mode == 'echo':
        f = t.makefile('rwb'); n = 0
        for line in f:
            f.write(b'echo:' + line.upper()); f.flush(); n += 1
        out('DONE', n)
    elif mode == 'silent':
        out('EOF', repr(t.makefile('rb').read()))
    elif mode == 'noread':
        time.sleep(cfg.get('sleep', 3)); out('DONE')
else:
    ctx = ssl.create_default_context(cafile='ca.pem')
    s = socket.create_connection(('127.0.0.1', cfg['port']))
    if mode == 'handshake':
        s.settimeout(cfg['timeout'])
        try: ctx.wrap_socket(s, server_hostname='localhost')
        except Exception as e: out('RESULT', exc(e))
        sys.exit()
    t = ctx.wrap_socket(s, server_hostname='localhost')
    t.settimeout(cfg.get('timeout'))
    if mode == 'talk':
        f = t.makefile('rwb')
        for line in cfg['lines'] + ['x' * cfg.get('big', 0)]:
            f.write(line.encode() + b'\\n'); f.flush()
            l = f.readline(); out('GOT', len(l), repr(l[:20]))
        f.close(); t.close()
    elif mode == 'readline':
        f = t.makefile('rb')
        for _ in range(2):
            try: out('RESULT', repr(f.readline()))
            except Exception as e: out('RESULT', exc(e))
    elif mode == 'recv':
        try: out('RESULT', repr(t.recv(100)))
        except Exception as e: out('RESULT', exc(e))
    elif mode == 'write':
        n = 0
        try:
            for n in range(1000): t.sendall(b'x' * 65536)
        except Exception as e: out('RESULT', exc(e), n > 0)
    elif mode == 'nonblocking':
        t.setblocking(False)
        for f in (t.makefile('rb'), t.makefile('rb', buffering=0)):
            try: out('RESULT', repr(f.read(5)))
            except Exception as e: out('RESULT', exc(e))
""";

    private static Python server(String mode) throws Exception {
        return new Python(certs.dir(), PEER, SslInteropTest.json("role", "server", "mode", mode));
    }

    private static SSLSocket connect(int port) throws OSError {
        return ssl.create_default_context(certs.file("ca.pem"))
                .wrap_socket(create_connection(new InetAddr("127.0.0.1", port)), "localhost");
    }

    private static String exc(Exception e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** A call's outcome as the peer prints it: {@code RESULT repr} or {@code RESULT Class: str}. */
    interface Probe {
        Object run() throws Exception;
    }

    private static String result(Probe p) {
        try {
            Object v = p.run();
            return "RESULT " + (v instanceof byte[] b ? Py.repr(b) : String.valueOf(v));
        } catch (Exception e) {
            return "RESULT " + exc(e);
        }
    }

    /** CPython's client against CPython's server in {@code serverMode}: the lines it printed. */
    private static List<String> cpython(String serverMode, String clientMode, double timeout) throws Exception {
        try (Python srv = server(serverMode)) {
            int port = srv.ready();
            try (Python cli = new Python(certs.dir(), PEER, SslInteropTest.json("role", "client", "mode", clientMode,
                    "port", port, "timeout", timeout))) {
                String rest = cli.rest();
                return rest.isEmpty() ? List.of() : Arrays.asList(rest.split("\n"));
            }
        }
    }

    // ---- the line protocol -----------------------------------------------------------------

    @Test
    void pysocketClientReadsLinesFromCPythonServer() throws Exception {
        try (Python py = server("echo")) {
            int port = py.ready();
            SSLSocket t = connect(port);
            t.settimeout(20.0);
            BinaryFile f = t.makefile("rwb").binary();
            assertEquals(f.fileno(), t.fileno());
            f.write("hello\n".getBytes());
            f.flush();
            assertArrayEquals("echo:HELLO\n".getBytes(), f.readline());
            byte[] big = new byte[100_001]; // many records, many underlying reads for one line
            Arrays.fill(big, (byte) 'y');
            big[big.length - 1] = '\n';
            f.write(big);
            f.flush();
            byte[] back = f.readline();
            assertEquals(5 + big.length, back.length);
            assertEquals("echo:YYY", new String(back, 0, 8));
            TextFile text = t.makefile("rw", null, "utf-8", null, null).text();
            text.write("caf\u00e9 au lait\n");
            text.flush();
            assertEquals("echo:CAF\u00e9 AU LAIT\n", text.readline()); // bytes.upper() leaves the UTF-8 of é
            // CPython's _io_refs: close() leaves the descriptor to the open files, the last file closes it
            t.close();
            assertTrue(t.fileno() >= 0);
            assertTrue(t.toString().startsWith("<ssl.SSLSocket [closed] fd="), t.toString());
            f.close();
            assertTrue(t.fileno() >= 0);
            text.close();
            assertEquals(-1, t.fileno());
            assertEquals("DONE 3", py.line()); // the server saw our EOF after three lines
        }
    }

    @Test
    void cpythonClientReadsLinesFromPysocketServer() throws Exception {
        try (SocketType listener = create_server(new InetAddr("127.0.0.1", 0))) {
            listener.settimeout(20.0);
            SSLContext ctx = new SSLContext(ssl.PROTOCOL_TLS_SERVER);
            ctx.load_cert_chain(certs.file("server.pem"), certs.file("server.key"));
            CompletableFuture<List<Integer>> served = CompletableFuture.supplyAsync(() -> {
                List<Integer> lengths = new ArrayList<>();
                try (SSLSocket t = ctx.wrap_socket(((Accepted) listener.accept()).conn(), true)) {
                    t.settimeout(20.0);
                    try (BinaryFile f = t.makefile("rwb").binary()) {
                        for (byte[] line : f) {
                            lengths.add(line.length);
                            byte[] answer = new byte[5 + line.length];
                            System.arraycopy("echo:".getBytes(), 0, answer, 0, 5);
                            for (int i = 0; i < line.length; i++) {
                                answer[5 + i] = (byte) Character.toUpperCase(line[i]);
                            }
                            f.write(answer);
                            f.flush();
                        }
                    }
                } catch (OSError e) {
                    throw new AssertionError(e);
                }
                return lengths;
            });
            int port = ((InetAddr) listener.getsockname()).port();
            try (Python py = new Python(certs.dir(), PEER, SslInteropTest.json("role", "client", "mode", "talk",
                    "port", port, "lines", List.of("one", "two"), "big", 70000))) {
                assertEquals("GOT 9 b'echo:ONE\\n'", py.line());
                assertEquals("GOT 9 b'echo:TWO\\n'", py.line());
                assertEquals("GOT 70006 b'echo:XXXXXXXXXXXXXXX'", py.line());
                assertEquals(List.of(4, 4, 70001), served.get(30, TimeUnit.SECONDS));
            }
        }
    }

    // ---- timeouts: CPython's client is the reference -----------------------------------------

    /** The same case with pysocket's client: the lines it gives. */
    private static List<String> pysocket(String serverMode, String clientMode, double timeout) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Python srv = server(serverMode)) {
            int port = srv.ready();
            if (clientMode.equals("handshake")) {
                SocketType s = create_connection(new InetAddr("127.0.0.1", port));
                s.settimeout(timeout);
                lines.add(result(() -> ssl.create_default_context(certs.file("ca.pem")).wrap_socket(s, "localhost")));
                s.close();
                return lines;
            }
            try (SSLSocket t = connect(port)) {
                t.settimeout(timeout);
                switch (clientMode) {
                    case "readline" -> {
                        BinaryFile f = t.makefile("rb").binary();
                        lines.add(result(f::readline));
                        lines.add(result(f::readline));
                        f.close();
                    }
                    case "recv" -> lines.add(result(() -> t.recv(100)));
                    case "write" -> {
                        int[] n = {0};
                        String r = result(() -> {
                            for (n[0] = 0; n[0] < 1000; n[0]++) {
                                t.sendall(new byte[65536]);
                            }
                            return null;
                        });
                        lines.add(r + " " + (n[0] > 0 ? "True" : "False"));
                    }
                    case "nonblocking" -> {
                        t.setblocking(false);
                        for (Integer buffering : new Integer[] {null, 0}) {
                            BinaryFile f = t.makefile("rb", buffering).binary();
                            lines.add(result(() -> f.read(5)));
                            f.close();
                        }
                    }
                    default -> throw new AssertionError(clientMode);
                }
            }
        }
        return lines;
    }

    @ParameterizedTest
    @CsvSource({"silent,readline,0.5", "nohandshake,handshake,0.5", "noread,write,0.5", "trickle,recv,1.0",
            "silent,nonblocking,1.0"})
    void timeoutsAsCPython(String serverMode, String clientMode, double timeout) throws Exception {
        List<String> expected = cpython(serverMode, clientMode, timeout);
        assertFalse(expected.isEmpty(), "CPython's client printed nothing");
        long start = System.nanoTime();
        List<String> got = pysocket(serverMode, clientMode, timeout);
        double took = (System.nanoTime() - start) / 1e9;
        assertEquals(expected, got);
        assertTrue(took < 15, "took " + took + " s");
    }
}
