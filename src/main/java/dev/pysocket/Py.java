// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Python's {@code repr()} for the values pysocket returns, so records and exceptions print what
 * CPython prints: {@code None}, {@code True}, {@code 'str'}, {@code b'bytes'}, floats in Python's
 * shortest form, lists, tuples and dicts.
 */
public final class Py {
    private Py() {
    }

    /**
     * Python's {@code repr(value)}; objects pysocket defines print through their toString().
     *
     * @param value any value a pysocket call takes or returns: null (None), Boolean, a number,
     *     String (str), byte[] (bytes), a List (list), or an object of pysocket's
     * @return what Python's {@code repr()} prints for the corresponding Python value
     */
    public static String repr(Object value) {
        return switch (value) {
            case null -> "None";
            case Boolean b -> b ? "True" : "False";
            case String s -> repr(s);
            case byte[] b -> repr(b);
            case Double d -> repr(d.doubleValue());
            case Float f -> repr(f.doubleValue());
            case Map<?, ?> m -> dict(m);
            case Collection<?> c -> join("[", c.iterator(), "]");
            case Object[] a -> tuple(a);
            case OSError e -> e.repr();
            default -> value.toString();
        };
    }

    /**
     * Python's repr of a tuple of the given items: {@code ()}, {@code (1,)}, {@code (1, 2)}.
     *
     * @param items the tuple's elements, each printed with {@link #repr(Object)}
     * @return the tuple as Python prints it, with the trailing comma of a 1-tuple
     */
    public static String tuple(Object... items) {
        if (items.length == 1) {
            return "(" + repr(items[0]) + ",)";
        }
        return join("(", java.util.Arrays.asList(items).iterator(), ")");
    }

    private static String join(String open, Iterator<?> it, String close) {
        StringBuilder sb = new StringBuilder(open);
        while (it.hasNext()) {
            sb.append(repr(it.next()));
            if (it.hasNext()) {
                sb.append(", ");
            }
        }
        return sb.append(close).toString();
    }

    private static String dict(Map<?, ?> map) {
        StringBuilder sb = new StringBuilder("{");
        String sep = "";
        for (Map.Entry<?, ?> e : map.entrySet()) {
            sb.append(sep).append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
            sep = ", ";
        }
        return sb.append('}').toString();
    }

    /**
     * Python's {@code repr(value)} of an int. This overload exists so that {@code Py.repr(2)}
     * prints {@code 2}: without it Java widens an int argument to {@code double} (a primitive
     * widening is chosen before boxing to Object) and prints {@code 2.0}. It takes byte, short,
     * int and long arguments.
     *
     * @param value the integer
     * @return its decimal digits, as Python's repr of an int
     */
    public static String repr(long value) {
        return Long.toString(value);
    }

    /**
     * Python's repr of a one-character str: Java's {@code char} would otherwise widen to the
     * {@code long} overload and print its code point.
     *
     * @param c the character
     * @return {@code repr(str(c))}, e.g. {@code 'a'}
     */
    public static String repr(char c) {
        return repr(String.valueOf(c));
    }

    /**
     * Python's {@code repr(s)} of a str: single quotes unless the text has a ' and no ".
     *
     * @param s the text (not null)
     * @return the repr, e.g. {@code 'a\'b'} or {@code "it's"}
     */
    public static String repr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                sb.append('\\').appendCodePoint(cp);
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (printable(cp)) {
                sb.appendCodePoint(cp);
            } else if (cp < 0x100) {
                sb.append(String.format("\\x%02x", cp));
            } else if (cp < 0x10000) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.append(String.format("\\U%08x", cp));
            }
        }
        return sb.append(quote).toString();
    }

    private static boolean printable(int cp) {
        if (cp < 0x7f) {
            return cp >= 0x20;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    /**
     * Python's repr of bytes: {@code b'...'} with \x escapes for what is not printable ASCII.
     *
     * @param b the bytes
     * @return the {@code b'...'} literal Python prints for them
     */
    public static String repr(byte[] b) {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (byte x : b) {
            hasSingle |= x == '\'';
            hasDouble |= x == '"';
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder sb = new StringBuilder(b.length + 3).append('b').append(quote);
        for (byte x : b) {
            int c = x & 0xff;
            if (c == quote || c == '\\') {
                sb.append('\\').append((char) c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c >= 0x20 && c < 0x7f) {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02x", c));
            }
        }
        return sb.append(quote).toString();
    }

    /**
     * Python's repr of a float: the shortest round-tripping digits, in Python's layout.
     *
     * @param d the float
     * @return Python's digits, e.g. {@code 0.1}, {@code 1e-05}, {@code 1e+16}, {@code inf},
     *     {@code nan}
     */
    public static String repr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int exp = digits.length() - bd.scale() - 1; // decimal exponent of the first digit
        String sign = d < 0 ? "-" : "";
        if (exp < -4 || exp >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
        }
        if (exp < 0) {
            return sign + "0." + "0".repeat(-exp - 1) + digits;
        }
        if (digits.length() <= exp + 1) {
            return sign + digits + "0".repeat(exp + 1 - digits.length()) + ".0";
        }
        return sign + digits.substring(0, exp + 1) + "." + digits.substring(exp + 1);
    }

    /** Python's {@code str.strip()}: removes the characters {@code str.isspace()} holds for, at both ends. */
    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Python's {@code isspace()} for one character (all of them are in the BMP). */
    private static boolean isSpace(char c) {
        return c >= '\t' && c <= '\r' || c >= '\u001c' && c <= ' ' || c == '\u0085' || c == '\u00a0'
                || c == '\u1680' || c >= '\u2000' && c <= '\u200a' || c == '\u2028' || c == '\u2029'
                || c == '\u202f' || c == '\u205f' || c == '\u3000';
    }
}
