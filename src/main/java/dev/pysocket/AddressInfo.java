// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.util.List;

/**
 * Python's {@code socket.AddressInfo} (IntFlag): the flags of getaddrinfo. Members are canonical
 * instances ({@code ==} works), print as CPython's repr ({@code <AddressInfo.AI_PASSIVE: 1>}), have
 * {@link #name()} and {@link #value()}, and are listed in Python's order by {@link #values()}.
 * Built from the module's {@code AI_*} constants, as CPython's {@code IntEnum._convert_}.
 * The module constants themselves ({@code socket.AI_PASSIVE}) stay {@code int}s.
 */
public final class AddressInfo extends PyIntEnum {
    private static final Table<AddressInfo> T = new Table<>("AddressInfo", "AI_", true, AddressInfo::new);

    /** {@code socket.AddressInfo.AI_PASSIVE}, {@code <AddressInfo.AI_PASSIVE: 1>}. */
    public static final AddressInfo AI_PASSIVE = T.byName("AI_PASSIVE");

    /** {@code socket.AddressInfo.AI_CANONNAME}, {@code <AddressInfo.AI_CANONNAME: 2>}. */
    public static final AddressInfo AI_CANONNAME = T.byName("AI_CANONNAME");

    /** {@code socket.AddressInfo.AI_NUMERICHOST}, {@code <AddressInfo.AI_NUMERICHOST: 4>}. */
    public static final AddressInfo AI_NUMERICHOST = T.byName("AI_NUMERICHOST");

    /** {@code socket.AddressInfo.AI_V4MAPPED}, {@code <AddressInfo.AI_V4MAPPED: 8>}. */
    public static final AddressInfo AI_V4MAPPED = T.byName("AI_V4MAPPED");

    /** {@code socket.AddressInfo.AI_ALL}, {@code <AddressInfo.AI_ALL: 16>}. */
    public static final AddressInfo AI_ALL = T.byName("AI_ALL");

    /** {@code socket.AddressInfo.AI_ADDRCONFIG}, {@code <AddressInfo.AI_ADDRCONFIG: 32>}. */
    public static final AddressInfo AI_ADDRCONFIG = T.byName("AI_ADDRCONFIG");

    /** {@code socket.AddressInfo.AI_NUMERICSERV}, {@code <AddressInfo.AI_NUMERICSERV: 1024>}. */
    public static final AddressInfo AI_NUMERICSERV = T.byName("AI_NUMERICSERV");

    private AddressInfo(int value, String name) {
        super("AddressInfo", value, name, true);
    }

    /**
     * {@code socket.AddressInfo(value)}: the member, or the combination of members (IntFlag's
     * boundary KEEP: bits no member has are kept), e.g. {@code <AddressInfo.AI_PASSIVE|AI_CANONNAME: 3>}; a negative
     * value is taken within the members' bits, as Python's {@code ~} gives it.
     *
     * @param value the flags
     * @return the member or combination
     */
    public static AddressInfo of(int value) {
        return T.of(value);
    }

    /**
     * {@code list(socket.AddressInfo)}: every member, in Python's order (by value).
     *
     * @return the 7 members, unmodifiable
     */
    public static List<AddressInfo> values() {
        return T.members();
    }

    /**
     * {@code socket.AddressInfo[name]}: the member (or alias) of that name.
     *
     * @param name a constant's name, e.g. {@code "AI_PASSIVE"}
     * @return the member
     * @throws KeyError for a name with no member
     */
    public static AddressInfo valueOf(String name) {
        return T.byName(name);
    }
}
