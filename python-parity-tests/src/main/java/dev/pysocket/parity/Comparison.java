// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.parity;

import dev.pysocket.parity.CaseRunner.CaseResult;
import dev.pysocket.parity.CaseRunner.StepResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compares CPython's results with pysocket's, step by step. */
final class Comparison {
    enum Status { SAME, DIFFERENT, DOCUMENTED }

    /** One step of both sides; number is 1-based. */
    record StepCmp(int number, String src, String python, String java, String javaCode, boolean same,
                   String reason) {
        boolean documented() {
            return !same && reason != null;
        }
    }

    /** One case of both sides. */
    record CaseCmp(String id, String file, boolean pyOnly, Status status, List<StepCmp> steps) {
        String area() {
            return file.endsWith(".case") ? file.substring(0, file.length() - 5) : file;
        }
    }

    /** The totals of the final line. */
    record Summary(int cases, int identical, int different, int documented) {
        String line() {
            return "parity: " + cases + " cases, " + identical + " identical, " + different + " different, "
                    + documented + " documented";
        }
    }

    static final String MISSING = "<no such step>";

    private Comparison() {
    }

    /** Python's parsed JSON (driver.py's output) against the Java side's results. */
    @SuppressWarnings("unchecked")
    static List<CaseCmp> compare(Map<String, Object> pythonDoc, List<CaseResult> java, KnownDifferences known) {
        Map<String, Map<String, Object>> py = new LinkedHashMap<>();
        for (Object o : (List<Object>) pythonDoc.get("cases")) {
            Map<String, Object> c = (Map<String, Object>) o;
            py.put((String) c.get("id"), c);
        }
        List<CaseCmp> out = new ArrayList<>();
        for (CaseResult j : java) {
            Map<String, Object> p = py.get(j.id());
            List<String> pySrc = new ArrayList<>();
            List<String> pyRes = new ArrayList<>();
            if (p != null) {
                for (Object so : (List<Object>) p.get("steps")) {
                    Map<String, Object> s = (Map<String, Object>) so;
                    pySrc.add((String) s.get("src"));
                    pyRes.add((String) s.get("result"));
                }
            }
            List<StepCmp> steps = new ArrayList<>();
            int n = Math.max(pyRes.size(), j.steps().size());
            boolean allSame = p != null;
            boolean allDocumented = p != null;
            for (int i = 0; i < n; i++) {
                StepResult js = i < j.steps().size() ? j.steps().get(i) : null;
                String pr = i < pyRes.size() ? pyRes.get(i) : MISSING;
                String jr = js != null ? js.result() : MISSING;
                String src = i < pySrc.size() ? pySrc.get(i) : js.src();
                boolean same = pr.equals(jr) && (js == null || src.equals(js.src()));
                String reason = same ? null : known.reason(j.id(), i + 1);
                if (j.pyOnly()) {
                    same = false;
                    reason = "py-only case: not expressible with Java's types";
                }
                allSame &= same;
                allDocumented &= same || reason != null;
                steps.add(new StepCmp(i + 1, src, pr, jr, js != null ? js.java() : "", same, reason));
            }
            Status st = j.pyOnly() ? Status.DOCUMENTED
                    : allSame ? Status.SAME : allDocumented ? Status.DOCUMENTED : Status.DIFFERENT;
            out.add(new CaseCmp(j.id(), j.file(), j.pyOnly(), st, steps));
        }
        return out;
    }

    static Summary summary(List<CaseCmp> cases) {
        int same = 0;
        int diff = 0;
        int doc = 0;
        for (CaseCmp c : cases) {
            switch (c.status()) {
                case SAME -> same++;
                case DIFFERENT -> diff++;
                case DOCUMENTED -> doc++;
            }
        }
        return new Summary(cases.size(), same, diff, doc);
    }

    /** Entries of known-differences.txt that no longer document anything (the case is identical). */
    static List<String> staleEntries(List<CaseCmp> cases, KnownDifferences known) {
        Map<String, CaseCmp> byId = new LinkedHashMap<>();
        cases.forEach(c -> byId.put(c.id(), c));
        List<String> out = new ArrayList<>();
        for (KnownDifferences.Entry e : known.entries) {
            CaseCmp c = byId.get(e.caseId());
            if (c == null) {
                out.add("line " + e.line() + ": unknown case " + e.caseId());
                continue;
            }
            boolean used = c.steps().stream().anyMatch(s -> !s.same() && e.covers(c.id(), s.number()));
            if (!used) {
                out.add("line " + e.line() + ": " + e.caseId() + " " + (e.step() == null ? "*" : e.step())
                        + " documents no difference any more");
            }
        }
        return out;
    }
}
