// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pysocket.parity.CaseRunner.CaseResult;
import dev.pysocket.parity.CaseRunner.StepResult;
import dev.pysocket.parity.Comparison.CaseCmp;
import dev.pysocket.parity.Comparison.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParityComparisonTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> pyDoc() {
        return (Map<String, Object>) Json.parse("""
                {"python": "3.11.7", "cases": [
                 {"id": "a/same", "file": "a.case", "py_only": false, "hung": false,
                  "steps": [{"src": "x", "result": "1"}, {"src": "y", "result": "2"}]},
                 {"id": "a/diff", "file": "a.case", "py_only": false, "hung": false,
                  "steps": [{"src": "x", "result": "1"}, {"src": "y", "result": "2"}]},
                 {"id": "a/doc", "file": "a.case", "py_only": false, "hung": false,
                  "steps": [{"src": "x", "result": "1"}, {"src": "y", "result": "2"}]},
                 {"id": "b/short", "file": "b.case", "py_only": false, "hung": false,
                  "steps": [{"src": "x", "result": "1"}, {"src": "y", "result": "2"}]},
                 {"id": "b/py", "file": "b.case", "py_only": true, "hung": false,
                  "steps": [{"src": "x", "result": "1"}]}
                ]}""");
    }

    private static CaseResult jr(String id, String file, boolean pyOnly, String... results) {
        List<StepResult> steps = new java.util.ArrayList<>();
        String[] srcs = {"x", "y"};
        for (int i = 0; i < results.length; i++) {
            steps.add(new StepResult(srcs[i], results[i], srcs[i] + ";"));
        }
        return new CaseResult(id, file, pyOnly, steps, false);
    }

    @Test
    void statusesAndSummary() {
        KnownDifferences known = KnownDifferences.parse("""
                # comment
                a/doc  2  deliberate
                a/same *  stale entry
                """, "kd");
        List<CaseResult> java = List.of(
                jr("a/same", "a.case", false, "1", "2"),
                jr("a/diff", "a.case", false, "1", "3"),
                jr("a/doc", "a.case", false, "1", "3"),
                jr("b/short", "b.case", false, "1"),
                jr("b/py", "b.case", true, CaseRunner.PY_ONLY_RESULT));
        List<CaseCmp> cmp = Comparison.compare(pyDoc(), java, known);
        assertEquals(List.of(Status.SAME, Status.DIFFERENT, Status.DOCUMENTED, Status.DIFFERENT, Status.DOCUMENTED),
                cmp.stream().map(CaseCmp::status).toList());
        assertEquals(Comparison.MISSING, cmp.get(3).steps().get(1).java());
        assertTrue(cmp.get(2).steps().get(1).documented());
        assertFalse(cmp.get(1).steps().get(1).documented());
        assertEquals("parity: 5 cases, 1 identical, 2 different, 2 documented",
                Comparison.summary(cmp).line());
        List<String> stale = Comparison.staleEntries(cmp, known);
        assertEquals(1, stale.size());
        assertTrue(stale.get(0).contains("a/same"), stale.toString());

        String table = Report.table(cmp);
        assertTrue(table.contains("DIFFERENT  a/diff #2"), table);
        assertTrue(table.contains("== b: 2 cases, 0 identical, 1 different, 1 documented"), table);
        String html = Report.html(cmp, Comparison.summary(cmp), "3.11.7", "25", stale);
        assertTrue(html.contains("parity: 5 cases, 1 identical, 2 different, 2 documented"));
        assertTrue(html.contains("class=\"diff\""));
    }

    @Test
    void truncatesLongResults() {
        String t = Report.truncate("x".repeat(200), 20);
        assertEquals(20, t.length());
        assertTrue(t.endsWith("..."));
    }

    @Test
    void knownDifferencesFormat() {
        KnownDifferences k = KnownDifferences.parse("a/b  3  why not\nc/d * all of it\n", "kd");
        assertEquals("why not", k.reason("a/b", 3));
        assertEquals(null, k.reason("a/b", 2));
        assertEquals("all of it", k.reason("c/d", 7));
        for (String bad : new String[] {"a/b 3", "a/b x reason", "a/b 0 reason"}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> KnownDifferences.parse(bad, "kd"), bad);
        }
    }
}
