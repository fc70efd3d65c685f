// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.parity;

import dev.pysocket.parity.Comparison.CaseCmp;
import dev.pysocket.parity.Comparison.Status;
import dev.pysocket.parity.Comparison.StepCmp;
import dev.pysocket.parity.Comparison.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The side-by-side console table and the HTML page. */
final class Report {
    private Report() {
    }

    static final int RESULT_WIDTH = 52;
    static final int CASE_WIDTH = 46;

    static String truncate(String s, int width) {
        s = s.replace("\n", "\\n");
        return s.length() <= width ? s : s.substring(0, width - 3) + "...";
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    static Map<String, List<CaseCmp>> byArea(List<CaseCmp> cases) {
        Map<String, List<CaseCmp>> out = new LinkedHashMap<>();
        for (CaseCmp c : cases) {
            out.computeIfAbsent(c.area(), k -> new ArrayList<>()).add(c);
        }
        return out;
    }

    private static String label(Status s) {
        return switch (s) {
            case SAME -> "same";
            case DIFFERENT -> "DIFFERENT";
            case DOCUMENTED -> "documented";
        };
    }

    /** The console table: one row per identical case, one row per differing step otherwise. */
    static String table(List<CaseCmp> cases) {
        StringBuilder sb = new StringBuilder();
        String header = pad("STATUS", 11) + pad("CASE #STEP", CASE_WIDTH) + "  " + pad("CPYTHON", RESULT_WIDTH) + "  "
                + "PYSOCKET";
        for (Map.Entry<String, List<CaseCmp>> area : byArea(cases).entrySet()) {
            Summary s = Comparison.summary(area.getValue());
            sb.append('\n').append("== ").append(area.getKey()).append(": ").append(s.cases()).append(" cases, ")
                    .append(s.identical()).append(" identical, ").append(s.different()).append(" different, ")
                    .append(s.documented()).append(" documented\n");
            sb.append(header).append('\n');
            for (CaseCmp c : area.getValue()) {
                if (c.status() == Status.SAME) {
                    sb.append(pad("same", 11)).append(pad(truncate(c.id(), CASE_WIDTH), CASE_WIDTH)).append("  ")
                            .append(c.steps().size()).append(" steps identical\n");
                    continue;
                }
                if (c.pyOnly()) {
                    sb.append(pad("documented", 11)).append(pad(truncate(c.id(), CASE_WIDTH), CASE_WIDTH))
                            .append("  py-only case (not expressible in Java)\n");
                    continue;
                }
                for (StepCmp st : c.steps()) {
                    if (st.same()) {
                        continue;
                    }
                    String status = st.documented() ? "documented" : "DIFFERENT";
                    String name = truncate(c.id(), CASE_WIDTH - 5) + " #" + st.number();
                    sb.append(pad(status, 11)).append(pad(name, CASE_WIDTH)).append("  ")
                            .append(pad(truncate(st.python(), RESULT_WIDTH), RESULT_WIDTH)).append("  ")
                            .append(truncate(st.java(), RESULT_WIDTH)).append('\n');
                }
            }
        }
        return sb.toString();
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String anchor(String id) {
        return "c-" + id.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:1.5em;color:#222;max-width:110em}
            h1{margin-bottom:.2em} h2{margin-top:1.6em;border-bottom:2px solid #ccc}
            code,pre,td.c{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px}
            table{border-collapse:collapse;width:100%;margin:.4em 0 1em 0}
            th,td{border:1px solid #ddd;padding:2px 6px;vertical-align:top;text-align:left}
            th{background:#f3f3f3} td.c{white-space:pre-wrap;word-break:break-all}
            tr.diff td{background:#fde2e2} tr.doc td{background:#fff4cc}
            .tag{display:inline-block;padding:0 .5em;border-radius:3px;font-size:12px;font-weight:600}
            .SAME{background:#d8f3d8;color:#185c18}.DIFFERENT{background:#f8c9c9;color:#8a1010}
            .DOCUMENTED{background:#fde9a6;color:#6b5200}
            details{margin:.2em 0} summary{cursor:pointer} .n{color:#777} .why{color:#6b5200;font-size:12px}
            table.sum td,table.sum th{text-align:right} table.sum td:first-child{text-align:left}
            """;

    /** The self-contained HTML page. */
    static String html(List<CaseCmp> cases, Summary total, String pythonVersion, String javaVersion,
                       List<String> stale) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>pysocket parity report</title><style>").append(CSS).append("</style></head><body>\n");
        sb.append("<h1>pysocket parity report</h1>\n");
        sb.append("<p><b>").append(esc(total.line())).append("</b><br>CPython ").append(esc(pythonVersion))
                .append(" &middot; Java ").append(esc(javaVersion)).append("</p>\n");
        sb.append("<p>Each case runs on CPython (<code>python-parity-tests/driver.py</code>) and on pysocket "
                + "(<code>dev.pysocket.parity.Main</code>). Results are normalised (ports, fds, temp dirs) as "
                + "python-parity-tests/README.md describes. The Java column is the line a porter writes; "
                + "<code>b(\"...\")</code> stands for the Latin-1 bytes of a string, <code>tmp_path</code>, "
                + "<code>sleep</code>, <code>interrupt_after</code>, <code>len</code>, <code>print</code> and <code>Obj</code> for the suite's helpers. "
                + "A case is <span class=\"tag SAME\">same</span> when every step matches, "
                + "<span class=\"tag DOCUMENTED\">documented</span> when each difference is listed in "
                + "python-parity-tests/known-differences.txt (and explained in docs/mapping.md) or the case is "
                + "py-only, else <span class=\"tag DIFFERENT\">different</span>.</p>\n");
        if (!stale.isEmpty()) {
            sb.append("<p><b>Stale known-differences entries:</b></p><ul>");
            stale.forEach(s -> sb.append("<li>").append(esc(s)).append("</li>"));
            sb.append("</ul>\n");
        }
        Map<String, List<CaseCmp>> areas = byArea(cases);
        sb.append("<table class=\"sum\"><tr><th>area</th><th>cases</th><th>identical</th><th>different</th>"
                + "<th>documented</th></tr>\n");
        for (Map.Entry<String, List<CaseCmp>> a : areas.entrySet()) {
            Summary s = Comparison.summary(a.getValue());
            sb.append("<tr><td><a href=\"#a-").append(esc(a.getKey())).append("\">").append(esc(a.getKey()))
                    .append("</a></td><td>").append(s.cases()).append("</td><td>").append(s.identical())
                    .append("</td><td>").append(s.different()).append("</td><td>").append(s.documented())
                    .append("</td></tr>\n");
        }
        sb.append("<tr><th>total</th><th>").append(total.cases()).append("</th><th>").append(total.identical())
                .append("</th><th>").append(total.different()).append("</th><th>").append(total.documented())
                .append("</th></tr></table>\n");
        List<CaseCmp> different = cases.stream().filter(c -> c.status() == Status.DIFFERENT).toList();
        if (!different.isEmpty()) {
            sb.append("<p><b>Different cases:</b> ");
            for (int i = 0; i < different.size(); i++) {
                CaseCmp c = different.get(i);
                sb.append(i > 0 ? ", " : "").append("<a href=\"#").append(anchor(c.id())).append("\">")
                        .append(esc(c.id())).append("</a>");
            }
            sb.append("</p>\n");
        }
        for (Map.Entry<String, List<CaseCmp>> a : areas.entrySet()) {
            Summary s = Comparison.summary(a.getValue());
            sb.append("<h2 id=\"a-").append(esc(a.getKey())).append("\">").append(esc(a.getKey()))
                    .append(" <span class=\"n\">(").append(s.cases()).append(" cases, ").append(s.identical())
                    .append(" identical, ").append(s.different()).append(" different, ").append(s.documented())
                    .append(" documented)</span></h2>\n");
            for (CaseCmp c : a.getValue()) {
                boolean open = c.status() == Status.DIFFERENT;
                sb.append("<details id=\"").append(anchor(c.id())).append('"').append(open ? " open" : "")
                        .append("><summary><span class=\"tag ").append(c.status()).append("\">")
                        .append(label(c.status())).append("</span> <code>").append(esc(c.id())).append("</code>")
                        .append(c.pyOnly() ? " <span class=\"n\">py-only</span>" : "").append("</summary>\n");
                sb.append("<table><tr><th>#</th><th>Python</th><th>Java</th><th>CPython result</th>"
                        + "<th>pysocket result</th></tr>\n");
                for (StepCmp st : c.steps()) {
                    String cls = st.same() ? "" : st.documented() ? " class=\"doc\"" : " class=\"diff\"";
                    sb.append("<tr").append(cls).append("><td>").append(st.number()).append("</td><td class=\"c\">")
                            .append(esc(st.src())).append("</td><td class=\"c\">")
                            .append(esc(st.javaCode() == null ? "" : st.javaCode())).append("</td><td class=\"c\">")
                            .append(esc(st.python())).append("</td><td class=\"c\">").append(esc(st.java()));
                    if (st.documented() && !c.pyOnly()) {
                        sb.append("<div class=\"why\">documented: ").append(esc(st.reason())).append("</div>");
                    }
                    sb.append("</td></tr>\n");
                }
                sb.append("</table></details>\n");
            }
        }
        sb.append("</body></html>\n");
        return sb.toString();
    }
}
