// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.parity;

import java.util.List;

/** The parsed form of the case files: cases, steps, and the restricted Python expression grammar. */
final class Ast {
    private Ast() {
    }

    /** One case: {@code == id} and its steps. */
    record Case(String id, String file, boolean pyOnly, List<Step> steps) {
        /** The area a case belongs to: its file name without {@code .case}. */
        String area() {
            return file.endsWith(".case") ? file.substring(0, file.length() - 5) : file;
        }
    }

    /** One step: its source (without marker), its marker or null, and the parsed statement. */
    record Step(String src, String marker, Stmt stmt) {
    }

    /** {@code expr}, {@code name = expr} or {@code a, b = expr}. */
    record Stmt(List<String> targets, boolean unpack, Node expr) {
        boolean isAssign() {
            return !targets.isEmpty();
        }
    }

    /** An expression node. */
    sealed interface Node permits Name, Lit, Tuple, ListExpr, Attr, Call, Sub, Repeat {
    }

    /** A name. */
    record Name(String id) implements Node {
    }

    /**
     * A literal: Long or BigInteger (int), Double (float), String (str), Bytes (bytes), Boolean, or
     * null (None).
     */
    record Lit(Object value) implements Node {
    }

    /** A tuple display. */
    record Tuple(List<Node> items) implements Node {
    }

    /** A list display. */
    record ListExpr(List<Node> items) implements Node {
    }

    /** {@code obj.name}. */
    record Attr(Node obj, String name) implements Node {
    }

    /** {@code fn(args, kw=value)}. */
    record Call(Node fn, List<Node> args, List<Keyword> keywords) implements Node {
    }

    /** A keyword argument. */
    record Keyword(String name, Node value) {
    }

    /** {@code obj[index]} with an int literal index. */
    record Sub(Node obj, int index) implements Node {
    }

    /** {@code literal * count} for a str or bytes literal. */
    record Repeat(Lit lit, int count) implements Node {
    }

    /** A bytes literal's value (a record, so that equals compares contents). */
    record Bytes(byte[] data) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && java.util.Arrays.equals(b.data, data);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return dev.pysocket.Py.repr(data);
        }
    }
}
