// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.parity;

import dev.pysocket.parity.Ast.Attr;
import dev.pysocket.parity.Ast.Bytes;
import dev.pysocket.parity.Ast.Call;
import dev.pysocket.parity.Ast.Case;
import dev.pysocket.parity.Ast.Keyword;
import dev.pysocket.parity.Ast.ListExpr;
import dev.pysocket.parity.Ast.Lit;
import dev.pysocket.parity.Ast.Name;
import dev.pysocket.parity.Ast.Node;
import dev.pysocket.parity.Ast.Repeat;
import dev.pysocket.parity.Ast.Step;
import dev.pysocket.parity.Ast.Stmt;
import dev.pysocket.parity.Ast.Sub;
import dev.pysocket.parity.Ast.Tuple;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads case files (python-parity-tests/README.md section 1): the line format, the markers and the
 * restricted Python step grammar, rejecting what driver.py rejects.
 */
final class CaseParser {
    static final Set<String> MARKERS = Set.of("fd", "port", "any", "len", "py-only");
    private static final Pattern MARKER_TAIL = Pattern.compile("((?:\\s+#~[a-z-]+)+)\\s*$");
    private static final Pattern MARKER = Pattern.compile("#~([a-z-]+)");

    /** A malformed case file or step. */
    static final class CaseFormatError extends Exception {
        CaseFormatError(String message) {
            super(message);
        }
    }

    private CaseParser() {
    }

    /** driver.py's split_markers: the text and the markers of a stripped line. */
    static Object[] splitMarkers(String line) {
        String padded = " " + line;
        Matcher m = MARKER_TAIL.matcher(padded);
        if (!m.find()) {
            return new Object[] {line, List.of()};
        }
        List<String> markers = new ArrayList<>();
        Matcher mm = MARKER.matcher(m.group(1));
        while (mm.find()) {
            markers.add(mm.group(1));
        }
        return new Object[] {padded.substring(0, m.start()).strip(), markers};
    }

    /** Every {@code *.case} file of a directory (sorted by name) or the given files, as cases. */
    static List<Case> collect(List<Path> paths) throws IOException, CaseFormatError {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().endsWith(".case"))
                            .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                            .forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        List<Case> cases = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Path f : files) {
            for (Case c : parseFile(f)) {
                if (!seen.add(c.id())) {
                    throw new CaseFormatError("duplicate case id " + c.id());
                }
                cases.add(c);
            }
        }
        return cases;
    }

    static List<Case> parseFile(Path path) throws IOException, CaseFormatError {
        return parse(Files.readString(path, StandardCharsets.UTF_8), path.getFileName().toString());
    }

    @SuppressWarnings("unchecked")
    static List<Case> parse(String text, String fileName) throws CaseFormatError {
        List<Case> cases = new ArrayList<>();
        List<Step> cur = null;
        int lineno = 0;
        for (String raw : text.split("\n", -1)) {
            lineno++;
            String line = raw.strip();
            String where = fileName + ":" + lineno;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("== ")) {
                Object[] sm = splitMarkers(line.substring(3).strip());
                String id = (String) sm[0];
                List<String> markers = (List<String>) sm[1];
                boolean bad = markers.stream().anyMatch(m -> !m.equals("py-only"));
                if (bad || id.isEmpty() || id.contains(" ")) {
                    throw new CaseFormatError(where + ": bad case header");
                }
                cur = new ArrayList<>();
                cases.add(new Case(id, fileName, markers.contains("py-only"), cur));
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            if (cur == null) {
                throw new CaseFormatError(where + ": step outside a case");
            }
            Object[] sm = splitMarkers(line);
            String src = (String) sm[0];
            List<String> markers = (List<String>) sm[1];
            for (String m : markers) {
                if (!MARKERS.contains(m) || m.equals("py-only")) {
                    throw new CaseFormatError(where + ": bad step marker #~" + m);
                }
            }
            if (markers.size() > 1) {
                throw new CaseFormatError(where + ": at most one marker per step");
            }
            cur.add(new Step(src, markers.isEmpty() ? null : markers.get(0), parseStep(src, where)));
        }
        return cases;
    }

    // ------------------------------------------------------------------ tokens

    private enum T { NAME, INT, FLOAT, STR, BYTES, OP, END }

    private record Tok(T type, String text, Object value, int pos) {
    }

    private static List<Tok> tokenize(String s, String where) throws CaseFormatError {
        List<Tok> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
                continue;
            }
            int start = i;
            if ((c == 'b' || c == 'B') && i + 1 < n && (s.charAt(i + 1) == '\'' || s.charAt(i + 1) == '"')) {
                int[] end = new int[1];
                byte[] b = stringBody(s, i + 1, where, end, true);
                out.add(new Tok(T.BYTES, s.substring(start, end[0]), new Bytes(b), start));
                i = end[0];
            } else if (c == '\'' || c == '"') {
                int[] end = new int[1];
                byte[] b = stringBody(s, i, where, end, false);
                out.add(new Tok(T.STR, s.substring(start, end[0]), chars(b), start));
                i = end[0];
            } else if (Character.isLetter(c) || c == '_') {
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Tok(T.NAME, s.substring(start, i), null, start));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                if (c == '0' && i + 1 < n && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
                    i += 2;
                    while (i < n && Character.digit(s.charAt(i), 16) >= 0) {
                        i++;
                    }
                    out.add(new Tok(T.INT, s.substring(start, i), new BigInteger(s.substring(start + 2, i), 16), start));
                    continue;
                }
                boolean isFloat = false;
                while (i < n && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                if (i < n && s.charAt(i) == '.') {
                    isFloat = true;
                    i++;
                    while (i < n && Character.isDigit(s.charAt(i))) {
                        i++;
                    }
                }
                if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                    isFloat = true;
                    i++;
                    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                        i++;
                    }
                    while (i < n && Character.isDigit(s.charAt(i))) {
                        i++;
                    }
                }
                String t = s.substring(start, i);
                if (isFloat) {
                    out.add(new Tok(T.FLOAT, t, Double.parseDouble(t), start));
                } else {
                    if (t.length() > 1 && t.startsWith("0") && !t.chars().allMatch(ch -> ch == '0')) {
                        throw new CaseFormatError(where + ": leading zeros in int literal");
                    }
                    out.add(new Tok(T.INT, t, new BigInteger(t), start));
                }
            } else if ("()[],.=*-".indexOf(c) >= 0) {
                out.add(new Tok(T.OP, String.valueOf(c), null, start));
                i++;
            } else {
                throw new CaseFormatError(where + ": unexpected character " + c);
            }
        }
        out.add(new Tok(T.END, "", null, n));
        return out;
    }

    /** A str literal's body: two bytes per UTF-16 unit, so that lone surrogates survive. */
    private static String chars(byte[] units) {
        StringBuilder sb = new StringBuilder(units.length / 2);
        for (int i = 0; i + 1 < units.length; i += 2) {
            sb.append((char) (((units[i] & 0xff) << 8) | (units[i + 1] & 0xff)));
        }
        return sb.toString();
    }

    private static void writeChar(ByteArrayOutputStream out, int c) {
        out.write(c >> 8);
        out.write(c & 0xff);
    }

    /**
     * Decodes a quoted literal starting at the quote; the end index goes to end[0]. A bytes
     * literal gives its bytes, a str literal its UTF-16 units (see {@link #chars}).
     */
    private static byte[] stringBody(String s, int q, String where, int[] end, boolean bytes)
            throws CaseFormatError {
        char quote = s.charAt(q);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = q + 1;
        while (true) {
            if (i >= s.length()) {
                throw new CaseFormatError(where + ": unterminated string");
            }
            char c = s.charAt(i);
            if (c == quote) {
                end[0] = i + 1;
                return out.toByteArray();
            }
            if (c == '\\') {
                if (i + 1 >= s.length()) {
                    throw new CaseFormatError(where + ": bad escape");
                }
                char e = s.charAt(i + 1);
                i += 2;
                switch (e) {
                    case '\\', '\'', '"' -> put(out, e, bytes);
                    case 'n' -> put(out, '\n', bytes);
                    case 't' -> put(out, '\t', bytes);
                    case 'r' -> put(out, '\r', bytes);
                    case '0' -> put(out, 0, bytes);
                    case 'x', 'u' -> {
                        int digits = e == 'x' ? 2 : 4;
                        if (i + digits > s.length() || (e == 'u' && bytes)) {
                            throw new CaseFormatError(where + ": bad \\" + e + " escape");
                        }
                        int v = Integer.parseInt(s.substring(i, i + digits), 16);
                        i += digits;
                        put(out, v, bytes);
                    }
                    default -> throw new CaseFormatError(where + ": unsupported escape \\" + e);
                }
                continue;
            }
            if (bytes && c > 0x7f) {
                throw new CaseFormatError(where + ": non-ASCII character in bytes literal");
            }
            put(out, c, bytes);
            i++;
        }
    }

    private static void put(ByteArrayOutputStream out, int c, boolean bytes) {
        if (bytes) {
            out.write(c);
        } else {
            writeChar(out, c);
        }
    }

    // ------------------------------------------------------------------ grammar

    static Stmt parseStep(String src, String where) throws CaseFormatError {
        return new StepParser(tokenize(src, where), where).stmt();
    }

    private static final class StepParser {
        private final List<Tok> toks;
        private final String where;
        private int p;

        StepParser(List<Tok> toks, String where) {
            this.toks = toks;
            this.where = where;
        }

        private Tok peek(int k) {
            return toks.get(Math.min(p + k, toks.size() - 1));
        }

        private boolean isOp(Tok t, String op) {
            return t.type == T.OP && t.text.equals(op);
        }

        private Tok expectOp(String op) throws CaseFormatError {
            Tok t = peek(0);
            if (!isOp(t, op)) {
                throw err("expected '" + op + "'");
            }
            p++;
            return t;
        }

        private CaseFormatError err(String what) {
            Tok t = peek(0);
            return new CaseFormatError(where + ": " + what + " at column " + (t.pos + 1)
                    + (t.type == T.END ? " (end of line)" : " ('" + t.text + "')"));
        }

        Stmt stmt() throws CaseFormatError {
            List<String> targets = new ArrayList<>();
            boolean unpack = false;
            if (peek(0).type == T.NAME && (isOp(peek(1), "=") || isOp(peek(1), ","))) {
                int save = p;
                targets.add(peek(0).text);
                p++;
                while (isOp(peek(0), ",")) {
                    p++;
                    if (peek(0).type != T.NAME) {
                        throw err("bad assignment target");
                    }
                    targets.add(peek(0).text);
                    p++;
                    unpack = true;
                }
                if (!isOp(peek(0), "=")) {
                    p = save;
                    throw err("expected '='");
                }
                p++;
                checkNotKeyword(targets);
            }
            Node e = expr();
            if (peek(0).type != T.END) {
                throw err("unexpected token");
            }
            return new Stmt(List.copyOf(targets), unpack, e);
        }

        private void checkNotKeyword(List<String> names) throws CaseFormatError {
            for (String n : names) {
                if (n.equals("None") || n.equals("True") || n.equals("False")) {
                    throw new CaseFormatError(where + ": cannot assign to " + n);
                }
            }
        }

        Node expr() throws CaseFormatError {
            if (isOp(peek(0), "-")) {
                p++;
                Tok t = peek(0);
                if (t.type == T.INT) {
                    p++;
                    return new Lit(pyInt(((BigInteger) t.value).negate()));
                }
                if (t.type == T.FLOAT) {
                    p++;
                    return new Lit(-(Double) t.value);
                }
                throw err("unary minus only on a numeric literal");
            }
            Tok t = peek(0);
            if ((t.type == T.STR || t.type == T.BYTES) && isOp(peek(1), "*")) {
                p += 2;
                Tok n = peek(0);
                if (n.type != T.INT) {
                    throw err("repetition count must be an int literal");
                }
                p++;
                BigInteger count = (BigInteger) n.value;
                if (count.bitLength() > 31) {
                    throw err("repetition count too large");
                }
                return new Repeat(new Lit(t.value), count.intValue());
            }
            Node prim = primary();
            if (isOp(peek(0), "*")) {
                throw err("'*' only between a str/bytes literal and an int literal");
            }
            return prim;
        }

        Node primary() throws CaseFormatError {
            Node n = atom();
            while (true) {
                Tok t = peek(0);
                if (isOp(t, ".")) {
                    p++;
                    if (peek(0).type != T.NAME) {
                        throw err("expected attribute name");
                    }
                    n = new Attr(n, peek(0).text);
                    p++;
                } else if (isOp(t, "(")) {
                    p++;
                    n = callArgs(n);
                } else if (isOp(t, "[")) {
                    p++;
                    boolean neg = false;
                    if (isOp(peek(0), "-")) {
                        neg = true;
                        p++;
                    }
                    if (peek(0).type != T.INT) {
                        throw err("subscript must be an int literal");
                    }
                    BigInteger v = (BigInteger) peek(0).value;
                    p++;
                    expectOp("]");
                    if (v.bitLength() > 31) {
                        throw err("subscript too large");
                    }
                    n = new Sub(n, neg ? -v.intValue() : v.intValue());
                } else {
                    return n;
                }
            }
        }

        private Node callArgs(Node fn) throws CaseFormatError {
            List<Node> args = new ArrayList<>();
            List<Ast.Keyword> kws = new ArrayList<>();
            while (!isOp(peek(0), ")")) {
                if (peek(0).type == T.NAME && isOp(peek(1), "=")) {
                    String name = peek(0).text;
                    p += 2;
                    for (Ast.Keyword k : kws) {
                        if (k.name().equals(name)) {
                            throw err("repeated keyword argument");
                        }
                    }
                    kws.add(new Keyword(name, expr()));
                } else {
                    if (!kws.isEmpty()) {
                        throw err("positional argument after keyword argument");
                    }
                    args.add(expr());
                }
                if (isOp(peek(0), ",")) {
                    p++;
                } else if (!isOp(peek(0), ")")) {
                    throw err("expected ',' or ')'");
                }
            }
            p++;
            return new Call(fn, List.copyOf(args), List.copyOf(kws));
        }

        Node atom() throws CaseFormatError {
            Tok t = peek(0);
            switch (t.type) {
                case NAME -> {
                    p++;
                    return switch (t.text) {
                        case "None" -> new Lit(null);
                        case "True" -> new Lit(Boolean.TRUE);
                        case "False" -> new Lit(Boolean.FALSE);
                        default -> new Name(t.text);
                    };
                }
                case INT -> {
                    p++;
                    return new Lit(pyInt((BigInteger) t.value));
                }
                case FLOAT, STR, BYTES -> {
                    p++;
                    if (t.type != T.FLOAT && (peek(0).type == T.STR || peek(0).type == T.BYTES)) {
                        throw err("implicit string concatenation");
                    }
                    return new Lit(t.value);
                }
                case OP -> {
                    if (t.text.equals("(")) {
                        p++;
                        if (isOp(peek(0), ")")) {
                            p++;
                            return new Tuple(List.of());
                        }
                        Node first = expr();
                        if (isOp(peek(0), ")")) {
                            p++;
                            return first;
                        }
                        List<Node> items = new ArrayList<>(List.of(first));
                        while (isOp(peek(0), ",")) {
                            p++;
                            if (isOp(peek(0), ")")) {
                                break;
                            }
                            items.add(expr());
                        }
                        expectOp(")");
                        return new Tuple(List.copyOf(items));
                    }
                    if (t.text.equals("[")) {
                        p++;
                        List<Node> items = new ArrayList<>();
                        while (!isOp(peek(0), "]")) {
                            items.add(expr());
                            if (isOp(peek(0), ",")) {
                                p++;
                            } else if (!isOp(peek(0), "]")) {
                                throw err("expected ',' or ']'");
                            }
                        }
                        p++;
                        return new ListExpr(List.copyOf(items));
                    }
                    throw err("unexpected token");
                }
                default -> throw err("unexpected end");
            }
        }
    }

    /** A Python int as Long when it fits in 64 bits, else BigInteger. */
    static Object pyInt(BigInteger v) {
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }
}
