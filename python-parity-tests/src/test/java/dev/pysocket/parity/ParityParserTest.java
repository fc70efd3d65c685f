// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.parity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pysocket.parity.Ast.Attr;
import dev.pysocket.parity.Ast.Bytes;
import dev.pysocket.parity.Ast.Call;
import dev.pysocket.parity.Ast.Case;
import dev.pysocket.parity.Ast.Lit;
import dev.pysocket.parity.Ast.Name;
import dev.pysocket.parity.Ast.Repeat;
import dev.pysocket.parity.Ast.Stmt;
import dev.pysocket.parity.Ast.Sub;
import dev.pysocket.parity.Ast.Tuple;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParityParserTest {
    private static Stmt p(String src) throws Exception {
        return CaseParser.parseStep(src, "test");
    }

    /**
     * Every case header and every step line of the case files becomes a case and a step: the
     * counts are taken from the files' text, independently of the parser.
     */
    @Test
    void parsesEveryCaseAndStepOfTheSuite() throws Exception {
        Path dir = Path.of("cases");
        List<Case> cases = CaseParser.collect(List.of(dir));
        int headers = 0;
        int steps = 0;
        int pyOnly = 0;
        try (var files = java.nio.file.Files.list(dir)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".case")).toList()) {
                for (String line : java.nio.file.Files.readAllLines(f)) {
                    String t = line.strip();
                    if (t.startsWith("== ")) {
                        headers++;
                        pyOnly += t.contains("#~py-only") ? 1 : 0;
                    } else if (!t.isEmpty() && !t.startsWith("#")) {
                        steps++;
                    }
                }
            }
        }
        assertTrue(headers > 400, "the suite has " + headers + " cases");
        assertEquals(headers, cases.size());
        assertEquals(steps, cases.stream().mapToInt(c -> c.steps().size()).sum());
        assertEquals(pyOnly, cases.stream().filter(Case::pyOnly).count());
        assertEquals("accept/basic", cases.get(0).id());
        assertEquals("accept", cases.get(0).area());
    }

    @Test
    void assignmentsAndUnpacking() throws Exception {
        Stmt s = p("s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)");
        assertEquals(List.of("s"), s.targets());
        assertFalse(s.unpack());
        Call c = assertInstanceOf(Call.class, s.expr());
        assertEquals(new Attr(new Name("socket"), "socket"), c.fn());
        assertEquals(2, c.args().size());

        Stmt u = p("conn, addr = srv.accept()");
        assertEquals(List.of("conn", "addr"), u.targets());
        assertTrue(u.unpack());
        assertFalse(p("s.close()").isAssign());
    }

    @Test
    void keywordsLiteralsAndSubscripts() throws Exception {
        Call c = (Call) p("socket.create_server(('', 0), family=socket.AF_INET6, dualstack_ipv6=True)").expr();
        assertEquals(1, c.args().size());
        assertEquals(new Tuple(List.of(new Lit(""), new Lit(0L))), c.args().get(0));
        assertEquals("family", c.keywords().get(0).name());
        assertEquals(new Lit(Boolean.TRUE), c.keywords().get(1).value());

        assertEquals(new Sub(new Call(new Attr(new Name("s"), "getsockname"), List.of(), List.of()), 1),
                p("s.getsockname()[1]").expr());
        assertEquals(-1, ((Sub) p("x[-1]").expr()).index());
        assertEquals(new Lit(-1L), p("-1").expr());
        assertEquals(new Lit(-0.5), p("-0.5").expr());
        assertEquals(new Lit(1.5e-3), p("1.5e-3").expr());
        assertEquals(new Lit(10000000000.0), p("10000000000.0").expr());
        assertEquals(new Lit(0x10000000L), p("0x10000000").expr());
        assertEquals(new Lit(new BigInteger("100000000000000000000")), p("100000000000000000000").expr());
        assertNull(((Lit) p("None").expr()).value());
        assertEquals(new Tuple(List.of(new Lit("x"))), p("('x',)").expr());
        assertEquals(new Lit("x"), p("('x')").expr());
        assertEquals(new Tuple(List.of()), p("()").expr());
        assertInstanceOf(Ast.ListExpr.class, p("[a, b,]").expr());
    }

    @Test
    void stringAndBytesEscapes() throws Exception {
        assertArrayEquals(new byte[] {0, 'p', (byte) 0xff, '\n', '\\', '\''},
                ((Bytes) ((Lit) p("b'\\x00p\\xff\\n\\\\\\''").expr()).value()).data());
        assertEquals("a\u0000b\t", ((Lit) p("'a\\x00b\\t'").expr()).value());
        assertEquals("\u0000x", ((Lit) p("'\\0x'").expr()).value());
        assertArrayEquals("z".getBytes(), ((Bytes) ((Lit) p("b\"z\"").expr()).value()).data());
        Repeat r = (Repeat) p("b'x' * 10000000").expr();
        assertEquals(10000000, r.count());
        assertEquals("/x", ((Repeat) p("'/x' * 100").expr()).lit().value());
    }

    @Test
    void markers() throws Exception {
        List<Case> cs = CaseParser.parse("""
                # a comment
                == a/b  #~py-only
                x = s.detach()  #~fd
                s.getsockname()[1]   #~port
                '#~not a marker'
                """, "t.case");
        assertEquals(1, cs.size());
        assertTrue(cs.get(0).pyOnly());
        assertEquals("fd", cs.get(0).steps().get(0).marker());
        assertEquals("x = s.detach()", cs.get(0).steps().get(0).src());
        assertEquals("port", cs.get(0).steps().get(1).marker());
        assertNull(cs.get(0).steps().get(2).marker());
    }

    @Test
    void rejectsWhatDriverPyRejects() {
        for (String bad : new String[] {"a + b", "x == 1", "f(*a)", "a.b = 1", "x[y]", "-x", "a * 3", "b'x' * n",
                "lambda: 1", "x = y = 1", "f(a=1, 2)", "'a' 'b'", "x[1:2]", "a, = f()"}) {
            assertThrows(CaseParser.CaseFormatError.class, () -> p(bad), bad);
        }
        assertThrows(CaseParser.CaseFormatError.class, () -> CaseParser.parse("x = 1\n", "t.case"));
        assertThrows(CaseParser.CaseFormatError.class, () -> CaseParser.parse("== a b\n", "t.case"));
        assertThrows(CaseParser.CaseFormatError.class, () -> CaseParser.parse("== a\nx  #~fd  #~len\n", "t.case"));
        assertThrows(CaseParser.CaseFormatError.class, () -> CaseParser.parse("== a\nx  #~bogus\n", "t.case"));
    }
}
