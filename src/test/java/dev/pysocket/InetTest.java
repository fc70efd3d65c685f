// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.socket.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** inet_*, hton*, if_*: expected values and messages are CPython 3.11's on this machine. */
@Timeout(30)
class InetTest {
    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Test
    void inetPtonBothFamilies() throws Exception {
        assertEquals("01020304", hex(inet_pton(AF_INET, "1.2.3.4")));
        assertEquals("00000000000000000000000000000001", hex(inet_pton(AF_INET6, "::1")));
        assertEquals("00000000000000000000ffff01020304", hex(inet_pton(AF_INET6, "::ffff:1.2.3.4")));
    }

    @ParameterizedTest
    @CsvSource({"2,1.2.3", "2,01.2.3.4", "2,é", "10,1:2:3:4:5:6:7:8:9", "10,::1%lo"})
    void inetPtonIllegal(int af, String ip) {
        OSError e = assertThrows(OSError.class, () -> inet_pton(af, ip));
        assertEquals(OSError.class, e.getClass());
        assertNull(e.errno());
        assertEquals("illegal IP address string passed to inet_pton", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {99, 1})
    void inetPtonBadFamilyIsEafnosupport(int af) {
        OSError e = assertThrows(OSError.class, () -> inet_pton(af, "1.2.3.4"));
        assertEquals(OSError.class, e.getClass());
        assertEquals(97, e.errno());
        assertEquals("[Errno 97] Address family not supported by protocol", e.getMessage());
    }

    @Test
    void inetPtonArgumentErrors() {
        assertEquals("embedded null character",
                assertThrows(ValueError.class, () -> inet_pton(AF_INET, "1.2.3.4\0")).getMessage());
        assertEquals("inet_pton() argument 2 must be str, not None",
                assertThrows(TypeError.class, () -> inet_pton(AF_INET, null)).getMessage());
    }

    @Test
    void inetNtop() throws Exception {
        assertEquals("1.2.3.4", inet_ntop(AF_INET, new byte[] {1, 2, 3, 4}));
        assertEquals("::", inet_ntop(AF_INET6, new byte[16]));
        byte[] mapped = HexFormat.of().parseHex("00000000000000000000ffff01020304");
        assertEquals("::ffff:1.2.3.4", inet_ntop(AF_INET6, mapped));
    }

    @Test
    void inetNtopErrors() {
        assertEquals("invalid length of packed IP address string",
                assertThrows(ValueError.class, () -> inet_ntop(AF_INET, new byte[3])).getMessage());
        assertEquals("invalid length of packed IP address string",
                assertThrows(ValueError.class, () -> inet_ntop(AF_INET6, new byte[4])).getMessage());
        assertEquals("unknown address family 99",
                assertThrows(ValueError.class, () -> inet_ntop(99, new byte[4])).getMessage());
        assertEquals("unknown address family 1",
                assertThrows(ValueError.class, () -> inet_ntop(AF_UNIX, new byte[4])).getMessage());
        assertEquals("a bytes-like object is required, not 'NoneType'",
                assertThrows(TypeError.class, () -> inet_ntop(AF_INET, null)).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "127.1|7f000001", "1.2.3.4|01020304", "0x7f.1|7f000001", "017.1.1.1|0f010101",
        "1.2.3.4 junk|01020304", "'1.2.3.4\tjunk'|01020304", "'1.2.3.4\n'|01020304",
        "4294967295|ffffffff", "1.16777215|01ffffff", "1.1.65535|0101ffff", "0xffffffff|ffffffff",
        "00000000000000000000000001|00000001", "0XA.0.0.1|0a000001", "0|00000000"})
    void inetAtonAcceptsWhatGlibcAccepts(String ip, String packed) throws Exception {
        assertEquals(packed, hex(inet_aton(ip)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"08.1.1.1", "1.2.3.4.", "1.2.3.", "4294967296", "1.16777216", "1.1.65536",
        "256.1.1.1", "", " 1.2.3.4", "0x", "0x.1", "0x100000000", "1..2", "1.2.3.4x", "1e1.1.1.1", "09",
        "00x1", "0x1ffffffffffffffffffff", "99999999999999999999", "١.٢.٣.٤"})
    void inetAtonRefusesWhatGlibcRefuses(String ip) {
        OSError e = assertThrows(OSError.class, () -> inet_aton(ip));
        assertEquals(OSError.class, e.getClass());
        assertEquals("illegal IP address string passed to inet_aton", e.getMessage());
    }

    @Test
    void inetAtonArgumentErrors() {
        assertEquals("embedded null character",
                assertThrows(ValueError.class, () -> inet_aton("1.2.3.4\0")).getMessage());
        assertEquals("inet_aton() argument 1 must be str, not None",
                assertThrows(TypeError.class, () -> inet_aton(null)).getMessage());
    }

    @Test
    void inetNtoa() throws Exception {
        assertEquals("127.0.0.1", inet_ntoa(new byte[] {127, 0, 0, 1}));
        assertEquals("255.254.0.1", inet_ntoa(new byte[] {(byte) 255, (byte) 254, 0, 1}));
        for (int n : new int[] {3, 5}) {
            OSError e = assertThrows(OSError.class, () -> inet_ntoa(new byte[n]));
            assertEquals("packed IP wrong length for inet_ntoa", e.getMessage());
        }
    }

    @Test
    void shortSwaps() {
        assertEquals(256, htons(1));
        assertEquals(65535, htons(65535));
        assertEquals(0x3412, ntohs(0x1234));
        assertEquals("htons: can't convert negative Python int to C 16-bit unsigned integer",
                assertThrows(OverflowError.class, () -> htons(-1)).getMessage());
        assertEquals("htons: Python int too large to convert to C 16-bit unsigned integer",
                assertThrows(OverflowError.class, () -> htons(65536)).getMessage());
        assertEquals("ntohs: can't convert negative Python int to C 16-bit unsigned integer",
                assertThrows(OverflowError.class, () -> ntohs(-1)).getMessage());
        assertEquals("ntohs: Python int too large to convert to C 16-bit unsigned integer",
                assertThrows(OverflowError.class, () -> ntohs(65536)).getMessage());
    }

    @Test
    void longSwaps() {
        assertEquals(16777216L, htonl(1));
        assertEquals(4294967295L, htonl(4294967295L));
        assertEquals(0x78563412L, ntohl(0x12345678L));
        assertEquals(0x000000ffL, ntohl(0xff000000L));
        assertEquals("can't convert negative value to unsigned int",
                assertThrows(OverflowError.class, () -> htonl(-1)).getMessage());
        assertEquals("int larger than 32 bits", assertThrows(OverflowError.class, () -> htonl(1L << 32)).getMessage());
        assertEquals("int larger than 32 bits", assertThrows(OverflowError.class, () -> ntohl(1L << 32)).getMessage());
        assertEquals("can't convert negative value to unsigned int",
                assertThrows(OverflowError.class, () -> ntohl(-5)).getMessage());
    }

    @Test
    void ifNameindexListsLoopback() throws Exception {
        var list = if_nameindex();
        assertTrue(list.contains(new IfNameIndex(1, "lo")), list.toString());
        for (IfNameIndex ni : list) {
            assertEquals(ni.index(), if_nametoindex(ni.name()));
            assertEquals(ni.name(), if_indextoname(ni.index()));
        }
        assertEquals("(1, 'lo')", new IfNameIndex(1, "lo").toString());
    }

    @Test
    void ifNametoindexErrors() {
        for (String name : new String[] {"nosuchif", "", "x".repeat(100)}) {
            OSError e = assertThrows(OSError.class, () -> if_nametoindex(name));
            assertEquals(OSError.class, e.getClass());
            assertNull(e.errno());
            assertEquals("no interface with this name", e.getMessage());
        }
        assertEquals("embedded null byte", assertThrows(ValueError.class, () -> if_nametoindex("lo\0")).getMessage());
        assertEquals("expected str, bytes or os.PathLike object, not NoneType",
                assertThrows(TypeError.class, () -> if_nametoindex(null)).getMessage());
    }

    @Test
    void ifIndextonameErrors() throws Exception {
        assertEquals("lo", if_indextoname(1));
        for (long index : new long[] {0, 99999, 1L << 31, (1L << 32) - 1, 1L << 32}) {
            OSError e = assertThrows(OSError.class, () -> if_indextoname(index));
            assertEquals(OSError.class, e.getClass());
            assertEquals("OSError(6, 'No such device or address')", e.repr());
        }
        assertEquals("can't convert negative value to unsigned int",
                assertThrows(OverflowError.class, () -> if_indextoname(-1)).getMessage());
    }
}
