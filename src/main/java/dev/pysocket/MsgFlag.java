// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.util.List;

/**
 * Python's {@code socket.MsgFlag} (IntFlag): the flags of send and recv. Members are canonical
 * instances ({@code ==} works), print as CPython's repr ({@code <MsgFlag.MSG_OOB: 1>}), have
 * {@link #name()} and {@link #value()}, and are listed in Python's order by {@link #values()}.
 * Built from the module's {@code MSG_*} constants, as CPython's {@code IntEnum._convert_}.
 * The module constants themselves ({@code socket.MSG_OOB}) stay {@code int}s.
 */
public final class MsgFlag extends PyIntEnum {
    private static final Table<MsgFlag> T = new Table<>("MsgFlag", "MSG_", true, MsgFlag::new);

    /** {@code socket.MsgFlag.MSG_OOB}, {@code <MsgFlag.MSG_OOB: 1>}. */
    public static final MsgFlag MSG_OOB = T.byName("MSG_OOB");

    /** {@code socket.MsgFlag.MSG_PEEK}, {@code <MsgFlag.MSG_PEEK: 2>}. */
    public static final MsgFlag MSG_PEEK = T.byName("MSG_PEEK");

    /** {@code socket.MsgFlag.MSG_DONTROUTE}, {@code <MsgFlag.MSG_DONTROUTE: 4>}. */
    public static final MsgFlag MSG_DONTROUTE = T.byName("MSG_DONTROUTE");

    /** {@code socket.MsgFlag.MSG_CTRUNC}, {@code <MsgFlag.MSG_CTRUNC: 8>}. */
    public static final MsgFlag MSG_CTRUNC = T.byName("MSG_CTRUNC");

    /** {@code socket.MsgFlag.MSG_TRUNC}, {@code <MsgFlag.MSG_TRUNC: 32>}. */
    public static final MsgFlag MSG_TRUNC = T.byName("MSG_TRUNC");

    /** {@code socket.MsgFlag.MSG_DONTWAIT}, {@code <MsgFlag.MSG_DONTWAIT: 64>}. */
    public static final MsgFlag MSG_DONTWAIT = T.byName("MSG_DONTWAIT");

    /** {@code socket.MsgFlag.MSG_EOR}, {@code <MsgFlag.MSG_EOR: 128>}. */
    public static final MsgFlag MSG_EOR = T.byName("MSG_EOR");

    /** {@code socket.MsgFlag.MSG_WAITALL}, {@code <MsgFlag.MSG_WAITALL: 256>}. */
    public static final MsgFlag MSG_WAITALL = T.byName("MSG_WAITALL");

    /** {@code socket.MsgFlag.MSG_CONFIRM}, {@code <MsgFlag.MSG_CONFIRM: 2048>}. */
    public static final MsgFlag MSG_CONFIRM = T.byName("MSG_CONFIRM");

    /** {@code socket.MsgFlag.MSG_ERRQUEUE}, {@code <MsgFlag.MSG_ERRQUEUE: 8192>}. */
    public static final MsgFlag MSG_ERRQUEUE = T.byName("MSG_ERRQUEUE");

    /** {@code socket.MsgFlag.MSG_NOSIGNAL}, {@code <MsgFlag.MSG_NOSIGNAL: 16384>}. */
    public static final MsgFlag MSG_NOSIGNAL = T.byName("MSG_NOSIGNAL");

    /** {@code socket.MsgFlag.MSG_MORE}, {@code <MsgFlag.MSG_MORE: 32768>}. */
    public static final MsgFlag MSG_MORE = T.byName("MSG_MORE");

    /** {@code socket.MsgFlag.MSG_FASTOPEN}, {@code <MsgFlag.MSG_FASTOPEN: 536870912>}. */
    public static final MsgFlag MSG_FASTOPEN = T.byName("MSG_FASTOPEN");

    /** {@code socket.MsgFlag.MSG_CMSG_CLOEXEC}, {@code <MsgFlag.MSG_CMSG_CLOEXEC: 1073741824>}. */
    public static final MsgFlag MSG_CMSG_CLOEXEC = T.byName("MSG_CMSG_CLOEXEC");

    private MsgFlag(int value, String name) {
        super("MsgFlag", value, name, true);
    }

    /**
     * {@code socket.MsgFlag(value)}: the member, or the combination of members (IntFlag's
     * boundary KEEP: bits no member has are kept), e.g. {@code <MsgFlag.MSG_OOB|MSG_PEEK: 3>}; a negative
     * value is taken within the members' bits, as Python's {@code ~} gives it.
     *
     * @param value the flags
     * @return the member or combination
     */
    public static MsgFlag of(int value) {
        return T.of(value);
    }

    /**
     * {@code list(socket.MsgFlag)}: every member, in Python's order (by value).
     *
     * @return the 14 members, unmodifiable
     */
    public static List<MsgFlag> values() {
        return T.members();
    }

    /**
     * {@code socket.MsgFlag[name]}: the member (or alias) of that name.
     *
     * @param name a constant's name, e.g. {@code "MSG_OOB"}
     * @return the member
     * @throws KeyError for a name with no member
     */
    public static MsgFlag valueOf(String name) {
        return T.byName(name);
    }
}
