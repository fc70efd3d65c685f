// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.parity;

import dev.pysocket.Py;
import dev.pysocket.UnixAddr;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The Python view of Java values: repr, type names, len, items of tuples and lists. */
final class PyValues {
    private PyValues() {
    }

    /** A Python tuple made by a case (a tuple display). */
    record PyTuple(Object[] items) {
        @Override
        public String toString() {
            return Py.tuple(items);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PyTuple t && Arrays.equals(t.items, items);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(items);
        }
    }

    /** The {@code bytearray(n)} helper: a mutable buffer, passed to Java as its byte[]. */
    record ByteArray(byte[] data) {
        @Override
        public String toString() {
            return "bytearray(" + Py.repr(data) + ")";
        }

        @Override
        public boolean equals(Object o) {
            return o == this;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** Python's repr. */
    static String repr(Object v) {
        if (v instanceof Ast.Bytes b) {
            return Py.repr(b.data());
        }
        return Py.repr(v);
    }

    /** Whether the value is a Python int (not bool). */
    static boolean isInt(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger;
    }

    static BigInteger bigInt(Object v) {
        return v instanceof BigInteger b ? b : BigInteger.valueOf(((Number) v).longValue());
    }

    /** A record that Python sees as a tuple (its repr is a tuple's). */
    static boolean isTupleRecord(Object v) {
        return v != null && v.getClass().isRecord() && !(v instanceof PyTuple) && !(v instanceof ByteArray)
                && !(v instanceof UnixAddr) && v.toString().startsWith("(");
    }

    /** Whether Python would treat the value as a tuple. */
    static boolean isTuple(Object v) {
        return v instanceof PyTuple || v instanceof Object[] || isTupleRecord(v);
    }

    /** The items of a tuple-like or list value, or null when it has none. */
    static List<Object> items(Object v) {
        if (v instanceof PyTuple t) {
            return Arrays.asList(t.items());
        }
        if (v instanceof Object[] a) {
            return Arrays.asList(a);
        }
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        if (v instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (v != null && v.getClass().isRecord() && !(v instanceof ByteArray) && !(v instanceof UnixAddr)) {
            return recordComponents(v);
        }
        return null;
    }

    static List<Object> recordComponents(Object rec) {
        List<Object> out = new ArrayList<>();
        for (RecordComponent rc : rec.getClass().getRecordComponents()) {
            try {
                Method m = rc.getAccessor();
                m.trySetAccessible();
                out.add(m.invoke(rec));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** Python's {@code type(v).__name__} for what pysocket returns. */
    static String typeName(Object v) {
        if (v == null) {
            return "NoneType";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (isInt(v)) {
            return "int";
        }
        if (v instanceof Double || v instanceof Float) {
            return "float";
        }
        if (v instanceof String) {
            return "str";
        }
        if (v instanceof byte[] || v instanceof Ast.Bytes) {
            return "bytes";
        }
        if (v instanceof ByteArray) {
            return "bytearray";
        }
        if (v instanceof UnixAddr u) {
            return u.isBytes() ? "bytes" : "str";
        }
        if (v instanceof List<?>) {
            return "list";
        }
        if (v instanceof Map<?, ?>) {
            return "dict";
        }
        if (isTuple(v)) {
            return "tuple";
        }
        if (v instanceof dev.pysocket.SocketType) {
            return "socket";
        }
        return v.getClass().getSimpleName();
    }

    /** Python's {@code len(v)}. */
    static int len(Object v) {
        if (v instanceof String s) {
            return s.codePointCount(0, s.length());
        }
        if (v instanceof byte[] b) {
            return b.length;
        }
        if (v instanceof Ast.Bytes b) {
            return b.data().length;
        }
        if (v instanceof ByteArray b) {
            return b.data().length;
        }
        if (v instanceof UnixAddr u) {
            return u.isBytes() ? u.path().length : len(u.str());
        }
        if (v instanceof Map<?, ?> m) {
            return m.size();
        }
        if (v instanceof Collection<?> c) {
            return c.size();
        }
        List<Object> items = items(v);
        if (items != null && (isTuple(v))) {
            return items.size();
        }
        if (v != null) {
            for (String name : new String[] {"__len__", "len", "size"}) {
                try {
                    Method m = v.getClass().getMethod(name);
                    m.trySetAccessible();
                    return ((Number) m.invoke(v)).intValue();
                } catch (ReflectiveOperationException | ClassCastException e) {
                    // try the next spelling
                }
            }
        }
        throw new PyError("TypeError", "object of type '" + typeName(v) + "' has no len()");
    }

    /** Latin-1 text of bytes (for rendering). */
    static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** An error the driver raises itself, in Python's terms (NameError, TypeError, ...). */
    static final class PyError extends RuntimeException {
        final String pyClass;

        PyError(String pyClass, String message) {
            super(message);
            this.pyClass = pyClass;
        }
    }

    /** A step the Java API cannot express. */
    static final class NotExpressible extends RuntimeException {
        NotExpressible(String why) {
            super(why);
        }
    }
}
