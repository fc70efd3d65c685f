// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pysocket.InetAddr;
import dev.pysocket.UnixAddr;
import dev.pysocket.parity.PyValues.ByteArray;
import dev.pysocket.parity.PyValues.PyTuple;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Java normaliser against driver.py's own Normaliser, on raw (unnormalised) results. */
class ParityNormaliserTest {
    static final String TMP = "/tmp/pypab12cd_3";

    /** Raw result strings, in the order one case would produce them. */
    static final List<String> RAW = List.of(
            "<socket.socket fd=7, family=2, type=1, proto=0, laddr=('127.0.0.1', 41234)>",
            "('127.0.0.1', 41234)",
            "('127.0.0.1', 80)",
            "<socket.socket fd=9, family=2, type=1, proto=6, laddr=('127.0.0.1', 50000), raddr=('127.0.0.1', 41234)>",
            "(<socket.socket fd=10, family=10, type=1, proto=0, laddr=('::1', 41234, 0, 0)>, ('::1', 50001, 0, 0))",
            "<socket.socket [closed] fd=-1, family=2, type=1, proto=0>",
            "'" + TMP + "/r.sock'",
            "<socket.socket fd=7, family=1, type=2, proto=0, laddr=" + TMP + "/r.sock>",
            "KeyError: errno=None: '9 (FD 9) is already registered'",
            "KeyError: errno=None: '(FD 12) is already registered'",
            "KeyError: errno=None: '11 is not registered'",
            "SelectorKey(fileobj=12, fd=12, events=1, data=None)",
            "b'\\x00a1b2c'",
            "(b'hi', b'\\x00a1b2c')",
            "b'\\x00fffff'",
            "b'\\x00a1b2c3'",
            "<select.epoll object at 0x7f3a2b1c0d90>",
            "Obj(fd=7)",
            "OSError: errno=98: [Errno 98] Address already in use",
            "('10.0.0.1', 32768) ('x', 60999) ('y', 61000) ('z', 32767)",
            "('it\\'s', 40000)",
            "[(<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, '', ('127.0.0.1', 45000))]",
            "gaierror: errno=-2: [Errno -2] Name or service not known");

    @Test
    void textRulesMatchDriverPy() throws Exception {
        String script = """
                import json, sys
                sys.path.insert(0, '.')
                import driver
                n = driver.Normaliser(sys.argv[1])
                raw = json.load(sys.stdin)
                print(json.dumps([n.text(s) for s in raw]))
                """;
        Process p = new ProcessBuilder("python3", "-c", script, TMP).start();
        p.getOutputStream().write(Json.write(RAW).getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), err);
        @SuppressWarnings("unchecked")
        List<Object> expected = (List<Object>) Json.parse(out);

        Normaliser n = new Normaliser(TMP);
        List<Object> actual = new ArrayList<>();
        for (String s : RAW) {
            actual.add(n.text(s));
        }
        for (int i = 0; i < RAW.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "raw: " + RAW.get(i));
        }
    }

    @Test
    void markerRules() {
        Normaliser n = new Normaliser(TMP);
        assertEquals("FD1", n.value(7, "fd"));
        assertEquals("-1", n.value(-1, "fd"));
        assertEquals("[(FD2, 4), (FD1, 1)]", n.value(List.of(new PyTuple(new Object[] {9, 4}),
                new PyTuple(new Object[] {7L, 1})), "fd"));
        assertEquals("([FD1], [], [])", n.value(new PyTuple(new Object[] {List.of(7), List.of(), List.of()}), "fd"));
        assertEquals("(FD2,)", n.value(new PyTuple(new Object[] {9}), "fd"));
        assertEquals("PORT1", n.value(41000, "port"));
        assertEquals("PORT1", n.value(41000L, "port"));
        assertEquals("80", n.value(80, "port"));
        assertEquals("('127.0.0.1', PORT2)", n.value(new InetAddr("127.0.0.1", 42000), "port"));
        assertEquals("int", n.value(5, "any"));
        assertEquals("bool", n.value(true, "any"));
        assertEquals("tuple", n.value(new InetAddr("a", 1), "any"));
        assertEquals("bytes", n.value(new UnixAddr(new byte[] {0, 1}), "any"));
        assertEquals("str", n.value(new UnixAddr("/x"), "any"));
        assertEquals("list", n.value(List.of(), "any"));
        assertEquals("NoneType", n.value(null, "any"));
        assertEquals("4", n.value(new dev.pysocket.Inet6Addr("::1", 1, 0, 0), "len"));
        assertEquals("3", n.value(new UnixAddr(new byte[] {0, 'a', 'b'}), "len"));
        assertEquals("bytearray(b'\\x00\\x00')", n.value(new ByteArray(new byte[2]), null));
        assertEquals("True", n.value(true, null));
        assertEquals("1e-06", n.value(0.000001, null));
    }

    @Test
    void exceptionEncoding() {
        Normaliser n = new Normaliser(TMP);
        assertEquals("ConnectionRefusedError: errno=111: [Errno 111] Connection refused",
                CaseRunner.encode(n, new dev.pysocket.ConnectionRefusedError(111, "Connection refused")));
        assertEquals("OSError: errno=None: AF_UNIX path too long",
                CaseRunner.encode(n, new dev.pysocket.OSError("AF_UNIX path too long")));
        assertEquals("gaierror: errno=-2: [Errno -2] Name or service not known",
                CaseRunner.encode(n, new dev.pysocket.socket.gaierror(-2, "Name or service not known")));
        assertEquals("KeyError: errno=None: 999", CaseRunner.encode(n, new dev.pysocket.KeyError(999)));
        assertEquals("ValueError: errno=None: negative buffersize in recv",
                CaseRunner.encode(n, new dev.pysocket.ValueError("negative buffersize in recv")));
    }
}
