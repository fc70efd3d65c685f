// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pysocket.parity.CaseRunner.CaseResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java side's evaluation, guard and clean-up on small cases. */
class ParityRunnerTest {
    private static CaseResult run(String text, long timeoutMillis) throws Exception {
        return new CaseRunner(timeoutMillis).run(CaseParser.parse(text, "t.case").get(0));
    }

    private static List<String> results(CaseResult r) {
        return r.steps().stream().map(CaseRunner.StepResult::result).toList();
    }

    @Test
    void evaluatesConvertsAndRecordsExceptions() throws Exception {
        CaseResult r = run("""
                == t/basic
                a, b = socket.socketpair()
                a.send(b'hello')
                buf = bytearray(8)
                b.recv_into(buf, 2)
                buf
                a.fileno()  #~fd
                nosuch
                s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                s.bind(('127.0.0.1', 0))
                s.getsockname()[1]  #~port
                len(s.getsockname())
                s.bind(('127.0.0.1', 0))
                socket.htonl(4294967296)
                """, 10_000);
        List<String> res = results(r);
        assertEquals("5", res.get(1));
        assertEquals("2", res.get(3));
        assertEquals("bytearray(b'he\\x00\\x00\\x00\\x00\\x00\\x00')", res.get(4));
        assertEquals("FD1", res.get(5));
        assertEquals("NameError: errno=None: name 'nosuch' is not defined", res.get(6));
        assertEquals("PORT1", res.get(9));
        assertEquals("2", res.get(10));
        assertEquals("OSError: errno=22: [Errno 22] Invalid argument", res.get(11));
        assertEquals("OverflowError: errno=None: htonl: Python int too large to convert to C unsigned long"
                .substring(0, 13), res.get(12).substring(0, 13));
        assertEquals("s.bind(new InetAddr(\"127.0.0.1\", 0));", r.steps().get(8).java());
        assertEquals("var a_b = socket.socketpair(); var a = a_b.a(); var b = a_b.b();", r.steps().get(0).java());
    }

    @Test
    void notExpressibleSteps() throws Exception {
        CaseResult r = run("""
                == t/nx
                s = socket.socket()
                s.listen(2147483648)
                s.no_such_method()
                """, 10_000);
        assertTrue(results(r).get(1).startsWith("NOT-EXPRESSIBLE: "), results(r).toString());
        assertTrue(results(r).get(2).startsWith("NOT-EXPRESSIBLE: "), results(r).toString());
    }

    @Test
    void hungCaseIsStoppedAndCleanedUp() throws Exception {
        java.util.Set<Integer> before = CaseRunner.openFds();
        long t0 = System.nanoTime();
        CaseResult r = run("""
                == t/hang
                a, b = socket.socketpair()
                b.recv(10)
                a.send(b'never runs')
                """, 500);
        assertTrue(r.hung());
        assertEquals(2, r.steps().size());
        assertEquals("HUNG", r.steps().get(1).result());
        assertTrue((System.nanoTime() - t0) / 1e9 < 5);
        // The hung worker releases its descriptor when its interrupted call returns: allow it 2 s.
        java.util.Set<Integer> after = CaseRunner.openFds();
        after.removeAll(before);
        for (int i = 0; i < 20 && !after.isEmpty(); i++) {
            Thread.sleep(100);
            after = CaseRunner.openFds();
            after.removeAll(before);
        }
        assertTrue(after.isEmpty(), "leaked fds " + after + ": " + after.stream().map(fd -> {
            try {
                return java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/" + fd)).toString();
            } catch (java.io.IOException e) {
                return "gone";
            }
        }).toList());
    }

    @Test
    void pyOnlyCasesAreNotRun() throws Exception {
        CaseResult r = run("""
                == t/py  #~py-only
                socket.htonl(100000000000000000000)
                """, 10_000);
        assertTrue(r.pyOnly());
        assertEquals(CaseRunner.PY_ONLY_RESULT, r.steps().get(0).result());
    }
}
