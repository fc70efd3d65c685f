// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static org.junit.jupiter.api.Assertions.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Python's repr() of the values pysocket returns; every expectation is CPython 3.11's output. */
@Timeout(10)
class CorePyReprTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "1e16|1e+16",
        "1e-5|1e-05",
        "0.1|0.1",
        "2.5|2.5",
        "-0.0|-0.0",
        "0.0|0.0",
        "1e22|1e+22",
        "123456789012345678.0|1.2345678901234568e+17",
        "0.0001|0.0001",
        "1.5e-7|1.5e-07",
        "1e15|1000000000000000.0",
        "123.456|123.456",
        "-2.75|-2.75",
        "1e-9|1e-09",
        "100.0|100.0",
    })
    void floats(double value, String expected) {
        assertEquals(expected, Py.repr(value));
    }

    @Test
    void floatSpecials() {
        assertEquals("inf", Py.repr(Double.POSITIVE_INFINITY));
        assertEquals("-inf", Py.repr(Double.NEGATIVE_INFINITY));
        assertEquals("nan", Py.repr(Double.NaN));
        assertEquals("2.5", Py.repr((Object) 2.5));
        assertEquals("2.5", Py.repr((Object) 2.5f));
    }

    @Test
    void strings() {
        assertEquals("'abc'", Py.repr("abc"));
        assertEquals("\"it's\"", Py.repr("it's"));
        assertEquals("'a\"b\\'c'", Py.repr("a\"b'c"));
        assertEquals("'\\x00\\x7fé\\u200b😀'", Py.repr("\0\u007f\u00e9\u200b\uD83D\uDE00"));
        assertEquals("'tab\\there\\nnl\\rcr\\\\'", Py.repr("tab\there\nnl\rcr\\"));
        assertEquals("''", Py.repr(""));
        assertEquals("'\\xa0'", Py.repr("\u00a0"));
    }

    @Test
    void bytes() {
        assertEquals("b'data'", Py.repr("data".getBytes()));
        assertEquals("b'\\x00\\'\"'", Py.repr(new byte[] {0, '\'', '"'}));
        assertEquals("b\"'x\"", Py.repr(new byte[] {'\'', 'x'}));
        assertEquals("b'\\x00\\x01\\x02\\x03\\x04\\\\\\t\\n\\r'", Py.repr(new byte[] {0, 1, 2, 3, 4, '\\', '\t', '\n', '\r'}));
        assertEquals("b'\\xff\\x80~'", Py.repr(new byte[] {(byte) 0xff, (byte) 0x80, '~'}));
        assertEquals("b''", Py.repr(new byte[0]));
    }

    @Test
    void containers() {
        assertEquals("None", Py.repr((Object) null));
        assertEquals("True", Py.repr(true));
        assertEquals("False", Py.repr(false));
        assertEquals("()", Py.tuple());
        assertEquals("(1,)", Py.tuple(1));
        assertEquals("('a', b'b', None)", Py.tuple("a", "b".getBytes(), null));
        assertEquals("[1, 'x', [2]]", Py.repr(List.of(1, "x", List.of(2))));
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("k", 1);
        m.put(2, "v");
        assertEquals("{'k': 1, 2: 'v'}", Py.repr(m));
        assertEquals("{}", Py.repr(Map.of()));
        assertEquals("[]", Py.repr(List.of()));
        assertEquals("(1, (2, 3))", Py.repr(new Object[] {1, new Object[] {2, 3}}));
    }

    @Test
    void addressRecords() {
        assertEquals("('127.0.0.1', 8000)", new InetAddr("127.0.0.1", 8000).toString());
        assertEquals("('::1', 8000, 0, 0)", new Inet6Addr("::1", 8000).toString());
        assertEquals("(b'data', ('127.0.0.1', 5))", new RecvFrom("data".getBytes(), new InetAddr("127.0.0.1", 5)).toString());
        assertEquals("[('127.0.0.1', 1), '/p']", Py.repr(List.of(new InetAddr("127.0.0.1", 1), new UnixAddr("/p"))));
        assertEquals("(b\"it's\", '')", new RecvFrom("it's".getBytes(), new UnixAddr("")).toString());
    }

    @Test
    void familyAndKindNames() {
        assertEquals("<AddressFamily.AF_INET6: 10>", AddressFamily.of(socket.AF_INET6).toString());
        assertEquals("<AddressFamily.AF_UNSPEC: 0>", AddressFamily.of(0).toString());
        assertEquals("<SocketKind.SOCK_RAW: 3>", SocketKind.of(socket.SOCK_RAW).toString());
        assertEquals("<SocketKind.SOCK_RDM: 4>", SocketKind.of(4).toString());
        // equal values: IntEnum keeps the first name in alphabetical order (AF_UNIX, not AF_LOCAL)
        assertEquals("<AddressFamily.AF_UNIX: 1>", AddressFamily.of(1).toString());
        assertEquals("<AddressFamily.AF_NETLINK: 16>", AddressFamily.of(16).toString());
    }

    @Test
    void exceptionReprs() {
        assertEquals("ConnectionRefusedError(111, 'Connection refused')", Errno.exception(111).repr());
        assertEquals("OSError('AF_UNIX path too long')", new OSError("AF_UNIX path too long").repr());
        assertEquals("OSError(92, 'Protocol not available')", Errno.exception(92).repr());
    }
}
