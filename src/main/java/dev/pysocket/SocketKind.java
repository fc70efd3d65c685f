// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.util.List;

/**
 * Python's {@code socket.SocketKind} (IntEnum): the socket types, the type of {@code sock.type()} and of getaddrinfo's type. Members are canonical
 * instances ({@code ==} works), print as CPython's repr ({@code <SocketKind.SOCK_STREAM: 1>}), have
 * {@link #name()} and {@link #value()}, and are listed in Python's order by {@link #values()}.
 * Built from the module's {@code SOCK_*} constants, as CPython's {@code IntEnum._convert_}.
 * The module constants themselves ({@code socket.SOCK_STREAM}) stay {@code int}s.
 */
public final class SocketKind extends PyIntEnum {
    private static final Table<SocketKind> T = new Table<>("SocketKind", "SOCK_", false, SocketKind::new);

    /** {@code socket.SocketKind.SOCK_STREAM}, {@code <SocketKind.SOCK_STREAM: 1>}. */
    public static final SocketKind SOCK_STREAM = T.byName("SOCK_STREAM");

    /** {@code socket.SocketKind.SOCK_DGRAM}, {@code <SocketKind.SOCK_DGRAM: 2>}. */
    public static final SocketKind SOCK_DGRAM = T.byName("SOCK_DGRAM");

    /** {@code socket.SocketKind.SOCK_RAW}, {@code <SocketKind.SOCK_RAW: 3>}. */
    public static final SocketKind SOCK_RAW = T.byName("SOCK_RAW");

    /** {@code socket.SocketKind.SOCK_RDM}, {@code <SocketKind.SOCK_RDM: 4>}. */
    public static final SocketKind SOCK_RDM = T.byName("SOCK_RDM");

    /** {@code socket.SocketKind.SOCK_SEQPACKET}, {@code <SocketKind.SOCK_SEQPACKET: 5>}. */
    public static final SocketKind SOCK_SEQPACKET = T.byName("SOCK_SEQPACKET");

    /** {@code socket.SocketKind.SOCK_NONBLOCK}, {@code <SocketKind.SOCK_NONBLOCK: 2048>}. */
    public static final SocketKind SOCK_NONBLOCK = T.byName("SOCK_NONBLOCK");

    /** {@code socket.SocketKind.SOCK_CLOEXEC}, {@code <SocketKind.SOCK_CLOEXEC: 524288>}. */
    public static final SocketKind SOCK_CLOEXEC = T.byName("SOCK_CLOEXEC");

    private SocketKind(int value, String name) {
        super("SocketKind", value, name, false);
    }

    /**
     * {@code socket.SocketKind(value)}: the member with this value.
     *
     * @param value the C value
     * @return the member (an alias's value gives the member, e.g. {@code AF_ROUTE}'s gives
     *     {@code AF_NETLINK})
     * @throws ValueError {@code 9999 is not a valid SocketKind} for a value with no member
     */
    public static SocketKind of(int value) {
        return T.of(value);
    }

    /** CPython's {@code _intenum_converter}: the member, or a non-member printing as the int. */
    static SocketKind convert(int value) {
        return T.convert(value);
    }

    /**
     * {@code list(socket.SocketKind)}: every member, in Python's order (by value).
     *
     * @return the 7 members, unmodifiable
     */
    public static List<SocketKind> values() {
        return T.members();
    }

    /**
     * {@code socket.SocketKind[name]}: the member (or alias) of that name.
     *
     * @param name a constant's name, e.g. {@code "SOCK_STREAM"}
     * @return the member
     * @throws KeyError for a name with no member
     */
    public static SocketKind valueOf(String name) {
        return T.byName(name);
    }
}
