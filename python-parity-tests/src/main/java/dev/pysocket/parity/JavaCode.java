// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.parity;

import dev.pysocket.Py;
import dev.pysocket.parity.Ast.Attr;
import dev.pysocket.parity.Ast.Bytes;
import dev.pysocket.parity.Ast.Call;
import dev.pysocket.parity.Ast.ListExpr;
import dev.pysocket.parity.Ast.Lit;
import dev.pysocket.parity.Ast.Name;
import dev.pysocket.parity.Ast.Node;
import dev.pysocket.parity.Ast.Repeat;
import dev.pysocket.parity.Ast.Sub;
import dev.pysocket.parity.Ast.Tuple;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Java source for Python steps. The evaluator builds the exact line from the overload it called;
 * this class renders literals and, for a step that failed before its call was resolved, a
 * best-effort line from the syntax alone.
 */
final class JavaCode {
    private JavaCode() {
    }

    /** A Java string literal. */
    static String literal(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c >= 0x7f) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** The Java literal for a Python literal value. */
    static String literalValue(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (v instanceof Long l) {
            return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? Long.toString(l) : l + "L";
        }
        if (v instanceof BigInteger b) {
            return "new BigInteger(\"" + b + "\")";
        }
        if (v instanceof Double d) {
            String r = Py.repr(d);
            return r.contains(".") || r.contains("e") ? r : r + ".0";
        }
        if (v instanceof String s) {
            return literal(s);
        }
        if (v instanceof Bytes b) {
            return "b(" + literal(PyValues.latin1(b.data())) + ")";
        }
        return String.valueOf(v);
    }

    /** Splits "a, f(b, c), d" at top-level commas. */
    static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean inStr = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inStr) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inStr = false;
                }
            } else if (c == '"') {
                inStr = true;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i).strip());
                start = i + 1;
            }
        }
        if (!s.isBlank()) {
            out.add(s.substring(start).strip());
        }
        return out;
    }

    /** A best-effort Java expression from the syntax alone. */
    static String render(Node n) {
        return switch (n) {
            case Name nm -> nm.id();
            case Lit l -> literalValue(l.value());
            case Tuple t -> {
                List<String> items = renderAll(t.items());
                if (items.size() == 2 && t.items().get(0) instanceof Lit l && l.value() instanceof String) {
                    yield "new InetAddr(" + String.join(", ", items) + ")";
                }
                if (items.size() == 4 && t.items().get(0) instanceof Lit l && l.value() instanceof String) {
                    yield "new Inet6Addr(" + String.join(", ", items) + ")";
                }
                yield "List.of(" + String.join(", ", items) + ")";
            }
            case ListExpr l -> "List.of(" + String.join(", ", renderAll(l.items())) + ")";
            case Attr a -> {
                String obj = render(a.obj());
                boolean module = a.obj() instanceof Name nm && Evaluator.isNamespaceName(nm.id());
                boolean constant = a.name().equals(a.name().toUpperCase());
                yield module || constant ? obj + "." + a.name() : obj + "." + a.name() + "()";
            }
            case Call c -> {
                List<String> args = renderAll(c.args());
                for (Ast.Keyword k : c.keywords()) {
                    args.add("/* " + k.name() + "= */ " + render(k.value()));
                }
                String fn = c.fn() instanceof Attr a ? render(a.obj()) + "." + a.name() : render(c.fn());
                if (c.fn() instanceof Name nm && nm.id().equals("bytearray")) {
                    yield "new byte[" + String.join(", ", args) + "]";
                }
                if (c.fn() instanceof Name nm && nm.id().equals("Obj")) {
                    yield "new Obj(" + String.join(", ", args) + ")";
                }
                yield fn + "(" + String.join(", ", args) + ")";
            }
            case Sub s -> render(s.obj()) + ".get(" + s.index() + ")";
            case Repeat r -> r.lit().value() instanceof String s
                    ? literal(s) + ".repeat(" + r.count() + ")"
                    : "b(" + literal(PyValues.latin1(((Bytes) r.lit().value()).data())) + ".repeat(" + r.count() + "))";
        };
    }

    private static List<String> renderAll(List<Node> nodes) {
        List<String> out = new ArrayList<>();
        for (Node x : nodes) {
            out.add(render(x));
        }
        return out;
    }
}
