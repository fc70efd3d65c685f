// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * What Python's {@code IntEnum} and {@code IntFlag} members of the socket module have in common
 * ({@link AddressFamily}, {@link SocketKind}, {@link MsgFlag}, {@link AddressInfo}): an int value,
 * a name, Python's repr, equality by value. The members are built as CPython's
 * {@code IntEnum._convert_} builds them: every constant of {@link socket} with the prefix, sorted
 * by value then name, the first name of a value being the member and the others its aliases.
 */
abstract sealed class PyIntEnum permits AddressFamily, SocketKind, MsgFlag, AddressInfo {
    private final String enumName;
    private final int value;
    /** The member's (or flag combination's) name; null for a value Python has no name for. */
    private final String name;
    /** Whether this is an IntFlag (its pseudo-members print as {@code <MsgFlag: 0>}). */
    private final boolean flag;

    PyIntEnum(String enumName, int value, String name, boolean flag) {
        this.enumName = enumName;
        this.value = value;
        this.name = name;
        this.flag = flag;
    }

    /**
     * {@code member.value}: the C value, usable wherever C takes an int.
     *
     * @return the int value
     */
    public int value() {
        return value;
    }

    /**
     * {@code member.name}: the constant's name, e.g. {@code AF_INET}; for a flag combination the
     * members' names joined by {@code |} (and the bits no member has, in decimal), e.g.
     * {@code MSG_OOB|MSG_PEEK}.
     *
     * @return the name, or null where Python's is None (a flag value with no member bits) or
     *     where Python has a plain int (a family or kind with no constant)
     */
    public String name() {
        return name;
    }

    /**
     * Python's repr: {@code <AddressFamily.AF_INET: 2>}, {@code <MsgFlag.MSG_OOB|MSG_PEEK: 3>},
     * {@code <MsgFlag: 0>}; a family or kind with no constant prints as the bare int (CPython
     * then has a plain int).
     */
    @Override
    public String toString() {
        if (name != null) {
            return "<" + enumName + "." + name + ": " + value + ">";
        }
        return flag ? "<" + enumName + ": " + value + ">" : Integer.toString(value);
    }

    /** Equal to a member of the same enumeration with the same value (Python: also to the int). */
    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((PyIntEnum) o).value == value;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(value);
    }

    /** The members of one enumeration, and Python's lookups on it. */
    static final class Table<E extends PyIntEnum> {
        private final String enumName;
        private final boolean flag;
        private final BiFunction<Integer, String, E> make;
        private final Map<Integer, E> byValue = new LinkedHashMap<>();
        private final Map<String, E> byName = new HashMap<>();
        private final List<E> members;
        /** IntFlag's {@code _all_bits_}: every bit up to the highest member's. */
        private final int allBits;

        Table(String enumName, String prefix, boolean flag, BiFunction<Integer, String, E> make) {
            this.enumName = enumName;
            this.flag = flag;
            this.make = make;
            TreeMap<Integer, List<String>> names = new TreeMap<>();
            for (Field f : socket.class.getFields()) {
                if (f.getName().startsWith(prefix) && f.getType() == int.class && Modifier.isStatic(f.getModifiers())) {
                    try {
                        names.computeIfAbsent(f.getInt(null), k -> new ArrayList<>()).add(f.getName());
                    } catch (IllegalAccessException e) {
                        throw new AssertionError(e);
                    }
                }
            }
            int highest = 0;
            List<E> list = new ArrayList<>();
            for (Map.Entry<Integer, List<String>> e : names.entrySet()) {
                Collections.sort(e.getValue());
                int v = e.getKey();
                // an IntFlag's multi-bit values are aliases, not members (3.11)
                boolean member = !flag || Integer.bitCount(v) == 1;
                E m = make.apply(v, e.getValue().get(0));
                if (member) {
                    list.add(m);
                    byValue.put(v, m);
                    highest = Math.max(highest, v);
                }
                for (String n : e.getValue()) {
                    byName.put(n, m);
                }
            }
            this.members = List.copyOf(list);
            this.allBits = highest == 0 ? 0 : (int) ((Integer.highestOneBit(highest) * 2L) - 1);
        }

        /** {@code list(Enum)}. */
        List<E> members() {
            return members;
        }

        /** {@code Enum[name]}. */
        E byName(String name) {
            E m = byName.get(name);
            if (m == null) {
                throw new KeyError(name);
            }
            return m;
        }

        /**
         * {@code Enum(value)}: an IntEnum refuses a value with no member; an IntFlag (boundary
         * KEEP) takes any int, a negative one as its complement within the members' bits.
         */
        E of(int value) {
            E m = byValue.get(value);
            if (m != null) {
                return m;
            }
            if (!flag) {
                throw new ValueError(value + " is not a valid " + enumName);
            }
            int v = value < 0 ? value & allBits : value;
            m = byValue.get(v);
            if (m != null) {
                return m;
            }
            StringJoiner names = new StringJoiner("|");
            int rest = v;
            for (E x : members) {
                if ((v & x.value()) != 0) {
                    names.add(x.name());
                    rest &= ~x.value();
                }
            }
            if (names.length() == 0) {
                return make.apply(v, null);
            }
            if (rest != 0) {
                names.add(Integer.toString(rest));
            }
            return make.apply(v, names.toString());
        }

        /**
         * CPython's {@code _intenum_converter} ({@code sock.family}, {@code sock.type},
         * getaddrinfo's results): the member, or a value printing as the plain int.
         */
        E convert(int value) {
            E m = byValue.get(value);
            return m != null ? m : make.apply(value, null);
        }
    }
}
