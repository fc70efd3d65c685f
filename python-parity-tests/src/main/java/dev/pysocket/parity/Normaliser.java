// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.parity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * driver.py's normalisation (python-parity-tests/README.md section 3), rule for rule: the marker
 * rules M-fd, M-port, #~any, #~len and then N1..N6 on the result string, with per-case token
 * numbering for ports, fds and autobind names.
 */
final class Normaliser {
    static final int PORT_LO;
    static final int PORT_HI;

    static {
        int lo = 32768;
        int hi = 60999;
        try {
            String[] parts = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+");
            if (parts.length == 2) {
                lo = Integer.parseInt(parts[0]);
                hi = Integer.parseInt(parts[1]);
            }
        } catch (Exception e) {
            // driver.py falls back to the same defaults
        }
        PORT_LO = lo;
        PORT_HI = hi;
    }

    private static final Pattern ADDR_PORT = Pattern.compile("\\('(?:[^'\\\\]|\\\\.)*', (\\d+)(?=[,)])");
    private static final Pattern FD_EQ = Pattern.compile("\\b(fd|name)=(\\d+)");
    private static final Pattern FD_PAREN = Pattern.compile("(?:\\b(\\d+) )?\\(FD (\\d+)\\)");
    private static final Pattern FD_FILEOBJ = Pattern.compile("fileobj=(\\d+)");
    private static final Pattern FD_NOTREG = Pattern.compile("'(\\d+) is not registered'");
    private static final Pattern ABSTRACT = Pattern.compile("b'\\\\x00([0-9a-f]{5})'");
    private static final Pattern OBJADDR = Pattern.compile(" at 0x[0-9a-fA-F]+>");

    private final String tmpdir;
    private final Map<Long, String> ports = new HashMap<>();
    private final Map<Long, String> fds = new HashMap<>();
    private final Map<String, String> abstracts = new HashMap<>();

    Normaliser(String tmpdir) {
        this.tmpdir = tmpdir;
    }

    static boolean inEphemeralRange(long n) {
        return PORT_LO <= n && n <= PORT_HI;
    }

    String port(long n) {
        return ports.computeIfAbsent(n, k -> "PORT" + (ports.size() + 1));
    }

    String fd(long n) {
        if (n < 0) {
            return Long.toString(n);
        }
        return fds.computeIfAbsent(n, k -> "FD" + (fds.size() + 1));
    }

    private String fdOf(Object intValue) {
        java.math.BigInteger b = PyValues.bigInt(intValue);
        if (b.bitLength() >= 64) {
            return b.signum() < 0 ? b.toString() : fdBig(b);
        }
        return fd(b.longValue());
    }

    private String fdBig(java.math.BigInteger b) {
        // beyond any real descriptor; numbered like any other value
        return fd(b.longValue() & Long.MAX_VALUE);
    }

    /** Rule M-fd: structural fd tokenisation of a #~fd result. */
    String fdStruct(Object v) {
        if (PyValues.isInt(v)) {
            return fdOf(v);
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object x : l) {
                parts.add(fdStruct(x));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        if (PyValues.isTuple(v)) {
            List<Object> items = PyValues.items(v);
            if (items.size() == 2 && PyValues.isInt(items.get(0)) && PyValues.isInt(items.get(1))) {
                return "(" + fdOf(items.get(0)) + ", " + PyValues.repr(items.get(1)) + ")";
            }
            List<String> parts = new ArrayList<>();
            for (Object x : items) {
                parts.add(fdStruct(x));
            }
            if (parts.size() == 1) {
                return "(" + parts.get(0) + ",)";
            }
            return "(" + String.join(", ", parts) + ")";
        }
        return PyValues.repr(v);
    }

    private static String sub(Pattern p, String s, Function<Matcher, String> f) {
        Matcher m = p.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Rules N1..N6 on a result string, in this order. */
    String text(String s) {
        s = s.replace(tmpdir, "TMP");
        s = sub(ADDR_PORT, s, m -> {
            long n = parse(m.group(1));
            if (inEphemeralRange(n)) {
                return m.group(0).substring(0, m.start(1) - m.start(0)) + port(n);
            }
            return m.group(0);
        });
        s = sub(FD_EQ, s, m -> m.group(1) + "=" + fd(parse(m.group(2))));
        s = sub(FD_PAREN, s, m -> {
            String pre = m.group(1) != null ? fd(parse(m.group(1))) + " " : "";
            return pre + "(FD " + fd(parse(m.group(2))) + ")";
        });
        s = sub(FD_FILEOBJ, s, m -> "fileobj=" + fd(parse(m.group(1))));
        s = sub(FD_NOTREG, s, m -> "'" + fd(parse(m.group(1))) + " is not registered'");
        s = sub(ABSTRACT, s, m -> abstracts.computeIfAbsent(m.group(1), k -> "ABSTRACT" + (abstracts.size() + 1)));
        s = sub(OBJADDR, s, m -> " at ADDR>");
        return s;
    }

    private static long parse(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The result string of a value returned by a step with the given marker (or null). */
    String value(Object v, String marker) {
        if (marker == null) {
            return text(PyValues.repr(v));
        }
        return switch (marker) {
            case "any" -> PyValues.typeName(v);
            case "len" -> Integer.toString(PyValues.len(v));
            case "port" -> PyValues.isInt(v) && PyValues.bigInt(v).bitLength() < 64
                    && inEphemeralRange(PyValues.bigInt(v).longValue())
                    ? port(PyValues.bigInt(v).longValue()) : text(PyValues.repr(v));
            case "fd" -> text(fdStruct(v));
            default -> text(PyValues.repr(v));
        };
    }

    /** The result string of an exception: {@code Class: errno=N: message}. */
    String exception(String className, Integer errno, String message) {
        return text(className + ": errno=" + (errno == null ? "None" : errno) + ": " + message);
    }
}
