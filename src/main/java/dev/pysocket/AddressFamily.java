// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.util.List;

/**
 * Python's {@code socket.AddressFamily} (IntEnum): the address families, the type of {@code sock.family()} and of getaddrinfo's family. Members are canonical
 * instances ({@code ==} works), print as CPython's repr ({@code <AddressFamily.AF_UNSPEC: 0>}), have
 * {@link #name()} and {@link #value()}, and are listed in Python's order by {@link #values()}.
 * Built from the module's {@code AF_*} constants, as CPython's {@code IntEnum._convert_}.
 * The module constants themselves ({@code socket.AF_UNSPEC}) stay {@code int}s.
 */
public final class AddressFamily extends PyIntEnum {
    private static final Table<AddressFamily> T = new Table<>("AddressFamily", "AF_", false, AddressFamily::new);

    /** {@code socket.AddressFamily.AF_UNSPEC}, {@code <AddressFamily.AF_UNSPEC: 0>}. */
    public static final AddressFamily AF_UNSPEC = T.byName("AF_UNSPEC");

    /** {@code socket.AddressFamily.AF_UNIX}, {@code <AddressFamily.AF_UNIX: 1>}. */
    public static final AddressFamily AF_UNIX = T.byName("AF_UNIX");

    /** {@code socket.AddressFamily.AF_INET}, {@code <AddressFamily.AF_INET: 2>}. */
    public static final AddressFamily AF_INET = T.byName("AF_INET");

    /** {@code socket.AddressFamily.AF_AX25}, {@code <AddressFamily.AF_AX25: 3>}. */
    public static final AddressFamily AF_AX25 = T.byName("AF_AX25");

    /** {@code socket.AddressFamily.AF_IPX}, {@code <AddressFamily.AF_IPX: 4>}. */
    public static final AddressFamily AF_IPX = T.byName("AF_IPX");

    /** {@code socket.AddressFamily.AF_APPLETALK}, {@code <AddressFamily.AF_APPLETALK: 5>}. */
    public static final AddressFamily AF_APPLETALK = T.byName("AF_APPLETALK");

    /** {@code socket.AddressFamily.AF_NETROM}, {@code <AddressFamily.AF_NETROM: 6>}. */
    public static final AddressFamily AF_NETROM = T.byName("AF_NETROM");

    /** {@code socket.AddressFamily.AF_BRIDGE}, {@code <AddressFamily.AF_BRIDGE: 7>}. */
    public static final AddressFamily AF_BRIDGE = T.byName("AF_BRIDGE");

    /** {@code socket.AddressFamily.AF_ATMPVC}, {@code <AddressFamily.AF_ATMPVC: 8>}. */
    public static final AddressFamily AF_ATMPVC = T.byName("AF_ATMPVC");

    /** {@code socket.AddressFamily.AF_X25}, {@code <AddressFamily.AF_X25: 9>}. */
    public static final AddressFamily AF_X25 = T.byName("AF_X25");

    /** {@code socket.AddressFamily.AF_INET6}, {@code <AddressFamily.AF_INET6: 10>}. */
    public static final AddressFamily AF_INET6 = T.byName("AF_INET6");

    /** {@code socket.AddressFamily.AF_ROSE}, {@code <AddressFamily.AF_ROSE: 11>}. */
    public static final AddressFamily AF_ROSE = T.byName("AF_ROSE");

    /** {@code socket.AddressFamily.AF_NETBEUI}, {@code <AddressFamily.AF_NETBEUI: 13>}. */
    public static final AddressFamily AF_NETBEUI = T.byName("AF_NETBEUI");

    /** {@code socket.AddressFamily.AF_SECURITY}, {@code <AddressFamily.AF_SECURITY: 14>}. */
    public static final AddressFamily AF_SECURITY = T.byName("AF_SECURITY");

    /** {@code socket.AddressFamily.AF_KEY}, {@code <AddressFamily.AF_KEY: 15>}. */
    public static final AddressFamily AF_KEY = T.byName("AF_KEY");

    /** {@code socket.AddressFamily.AF_NETLINK}, {@code <AddressFamily.AF_NETLINK: 16>}. */
    public static final AddressFamily AF_NETLINK = T.byName("AF_NETLINK");

    /** {@code socket.AddressFamily.AF_PACKET}, {@code <AddressFamily.AF_PACKET: 17>}. */
    public static final AddressFamily AF_PACKET = T.byName("AF_PACKET");

    /** {@code socket.AddressFamily.AF_ASH}, {@code <AddressFamily.AF_ASH: 18>}. */
    public static final AddressFamily AF_ASH = T.byName("AF_ASH");

    /** {@code socket.AddressFamily.AF_ECONET}, {@code <AddressFamily.AF_ECONET: 19>}. */
    public static final AddressFamily AF_ECONET = T.byName("AF_ECONET");

    /** {@code socket.AddressFamily.AF_ATMSVC}, {@code <AddressFamily.AF_ATMSVC: 20>}. */
    public static final AddressFamily AF_ATMSVC = T.byName("AF_ATMSVC");

    /** {@code socket.AddressFamily.AF_RDS}, {@code <AddressFamily.AF_RDS: 21>}. */
    public static final AddressFamily AF_RDS = T.byName("AF_RDS");

    /** {@code socket.AddressFamily.AF_SNA}, {@code <AddressFamily.AF_SNA: 22>}. */
    public static final AddressFamily AF_SNA = T.byName("AF_SNA");

    /** {@code socket.AddressFamily.AF_IRDA}, {@code <AddressFamily.AF_IRDA: 23>}. */
    public static final AddressFamily AF_IRDA = T.byName("AF_IRDA");

    /** {@code socket.AddressFamily.AF_PPPOX}, {@code <AddressFamily.AF_PPPOX: 24>}. */
    public static final AddressFamily AF_PPPOX = T.byName("AF_PPPOX");

    /** {@code socket.AddressFamily.AF_WANPIPE}, {@code <AddressFamily.AF_WANPIPE: 25>}. */
    public static final AddressFamily AF_WANPIPE = T.byName("AF_WANPIPE");

    /** {@code socket.AddressFamily.AF_LLC}, {@code <AddressFamily.AF_LLC: 26>}. */
    public static final AddressFamily AF_LLC = T.byName("AF_LLC");

    /** {@code socket.AddressFamily.AF_CAN}, {@code <AddressFamily.AF_CAN: 29>}. */
    public static final AddressFamily AF_CAN = T.byName("AF_CAN");

    /** {@code socket.AddressFamily.AF_TIPC}, {@code <AddressFamily.AF_TIPC: 30>}. */
    public static final AddressFamily AF_TIPC = T.byName("AF_TIPC");

    /** {@code socket.AddressFamily.AF_ALG}, {@code <AddressFamily.AF_ALG: 38>}. */
    public static final AddressFamily AF_ALG = T.byName("AF_ALG");

    /** {@code socket.AddressFamily.AF_VSOCK}, {@code <AddressFamily.AF_VSOCK: 40>}. */
    public static final AddressFamily AF_VSOCK = T.byName("AF_VSOCK");

    /** {@code socket.AddressFamily.AF_QIPCRTR}, {@code <AddressFamily.AF_QIPCRTR: 42>}. */
    public static final AddressFamily AF_QIPCRTR = T.byName("AF_QIPCRTR");

    /** {@code socket.AddressFamily.AF_ROUTE}: an alias of {@link #AF_NETLINK}, as in Python. */
    public static final AddressFamily AF_ROUTE = T.byName("AF_ROUTE");

    private AddressFamily(int value, String name) {
        super("AddressFamily", value, name, false);
    }

    /**
     * {@code socket.AddressFamily(value)}: the member with this value.
     *
     * @param value the C value
     * @return the member (an alias's value gives the member, e.g. {@code AF_ROUTE}'s gives
     *     {@code AF_NETLINK})
     * @throws ValueError {@code 9999 is not a valid AddressFamily} for a value with no member
     */
    public static AddressFamily of(int value) {
        return T.of(value);
    }

    /** CPython's {@code _intenum_converter}: the member, or a non-member printing as the int. */
    static AddressFamily convert(int value) {
        return T.convert(value);
    }

    /**
     * {@code list(socket.AddressFamily)}: every member, in Python's order (by value).
     *
     * @return the 31 members, unmodifiable
     */
    public static List<AddressFamily> values() {
        return T.members();
    }

    /**
     * {@code socket.AddressFamily[name]}: the member (or alias) of that name.
     *
     * @param name a constant's name, e.g. {@code "AF_UNSPEC"}
     * @return the member
     * @throws KeyError for a name with no member
     */
    public static AddressFamily valueOf(String name) {
        return T.byName(name);
    }
}
