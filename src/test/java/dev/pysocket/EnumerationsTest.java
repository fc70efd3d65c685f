// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AddressFamily, SocketKind, MsgFlag, AddressInfo as Python's enumerations: the reprs, names,
 * lookups and listings below are what CPython 3.11 printed on this machine.
 */
class EnumerationsTest {
    @Test
    void lookupsAndIdentity() {
        assertSame(AddressFamily.AF_INET, AddressFamily.of(socket.AF_INET));
        assertSame(AddressFamily.AF_NETLINK, AddressFamily.AF_ROUTE);
        assertSame(AddressFamily.AF_NETLINK, AddressFamily.valueOf("AF_ROUTE"));
        assertEquals("AF_INET", AddressFamily.AF_INET.name());
        assertEquals(2, AddressFamily.AF_INET.value());
        assertEquals("9999 is not a valid AddressFamily",
                assertThrows(ValueError.class, () -> AddressFamily.of(9999)).getMessage());
        assertEquals("9999 is not a valid SocketKind",
                assertThrows(ValueError.class, () -> SocketKind.of(9999)).getMessage());
        assertEquals("'AF_NOPE'", assertThrows(KeyError.class, () -> AddressFamily.valueOf("AF_NOPE")).getMessage());
        assertEquals(SocketKind.SOCK_STREAM, SocketKind.of(1));
    }

    @Test
    void listings() {
        List<AddressFamily> all = AddressFamily.values();
        assertEquals(31, all.size());
        assertEquals("<AddressFamily.AF_UNSPEC: 0>", all.get(0).toString());
        assertEquals("<AddressFamily.AF_QIPCRTR: 42>", all.get(30).toString());
        assertEquals("[<SocketKind.SOCK_STREAM: 1>, <SocketKind.SOCK_DGRAM: 2>, <SocketKind.SOCK_RAW: 3>, "
                + "<SocketKind.SOCK_RDM: 4>, <SocketKind.SOCK_SEQPACKET: 5>, <SocketKind.SOCK_NONBLOCK: 2048>, "
                + "<SocketKind.SOCK_CLOEXEC: 524288>]", SocketKind.values().toString());
        assertEquals(14, MsgFlag.values().size());
        assertEquals("[<AddressInfo.AI_PASSIVE: 1>, <AddressInfo.AI_CANONNAME: 2>, <AddressInfo.AI_NUMERICHOST: 4>, "
                + "<AddressInfo.AI_V4MAPPED: 8>, <AddressInfo.AI_ALL: 16>, <AddressInfo.AI_ADDRCONFIG: 32>, "
                + "<AddressInfo.AI_NUMERICSERV: 1024>]", AddressInfo.values().toString());
    }

    @Test
    void flagCombinations() {
        assertEquals("<MsgFlag.MSG_OOB|MSG_PEEK: 3>", MsgFlag.of(3).toString());
        assertEquals("MSG_OOB|MSG_PEEK", MsgFlag.of(3).name());
        assertEquals("<MsgFlag: 0>", MsgFlag.of(0).toString());
        assertNull(MsgFlag.of(0).name());
        assertEquals("<MsgFlag: 1048576>", MsgFlag.of(1 << 20).toString());
        assertEquals("<MsgFlag.MSG_PEEK|1048576: 1048578>", MsgFlag.of((1 << 20) | 2).toString());
        assertEquals("<MsgFlag.MSG_OOB|MSG_PEEK|MSG_DONTROUTE|MSG_CTRUNC|MSG_TRUNC|MSG_DONTWAIT|MSG_EOR|MSG_WAITALL"
                + "|MSG_CONFIRM|MSG_ERRQUEUE|MSG_NOSIGNAL|MSG_MORE|MSG_FASTOPEN|MSG_CMSG_CLOEXEC|536811024: 2147483647>",
                MsgFlag.of(-1).toString());
        assertEquals(2147483645, MsgFlag.of(~socket.MSG_PEEK).value());
        assertEquals("<MsgFlag: 0>", MsgFlag.of(Integer.MIN_VALUE).toString());
        assertEquals("<AddressInfo.AI_PASSIVE|AI_NUMERICSERV: 1025>", AddressInfo.of(1025).toString());
        assertEquals(MsgFlag.of(3), MsgFlag.of(3));
        assertNotEquals(MsgFlag.of(1), AddressInfo.of(1));
    }

    @Test
    void socketAttributesAreMembers() throws Exception {
        try (SocketType s = socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK)) {
            assertSame(AddressFamily.AF_INET, s.family());
            assertSame(SocketKind.SOCK_STREAM, s.type());
        }
    }
}
