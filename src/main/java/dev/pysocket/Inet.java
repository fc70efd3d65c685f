// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.bindings.posix_h.*;

import dev.pysocket.syscall.Posix;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Address conversions and interface names: CPython's {@code inet_pton}, {@code inet_ntop},
 * {@code inet_aton}, {@code inet_ntoa}, {@code htons}/{@code ntohs}/{@code htonl}/{@code ntohl}
 * and {@code if_nameindex}/{@code if_nametoindex}/{@code if_indextoname}, with their argument
 * conversions and messages.
 */
final class Inet {
    /** struct if_nameindex: unsigned int if_index, then char *if_name. */
    private static final long IF_NAMEINDEX_SIZE = dev.pysocket.bindings.if_nameindex.sizeof();

    private Inet() {
    }

    /** {@code inet_pton(af, ip)}: inet_pton(3) into a 16-byte buffer. */
    static byte[] inet_pton(int af, String s) throws OSError {
        if (s == null) {
            throw new TypeError("inet_pton() argument 2 must be str, not None");
        }
        if (s.indexOf('\0') >= 0) {
            throw new ValueError("embedded null character");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment dst = arena.allocate(16);
            int rc = Errno.check(Posix.inet_pton(af, arena.allocateFrom(s), dst));
            if (rc == 0) {
                throw new OSError("illegal IP address string passed to inet_pton");
            }
            if (af == AF_INET()) {
                return dst.asSlice(0, 4).toArray(ValueLayout.JAVA_BYTE);
            }
            if (af == AF_INET6()) {
                return dst.toArray(ValueLayout.JAVA_BYTE);
            }
            throw new OSError("unknown address family");
        }
    }

    /** {@code inet_ntop(af, packed_ip)}: the length is checked against the family first. */
    static String inet_ntop(int af, byte[] b) throws OSError {
        if (b == null) {
            throw new TypeError("a bytes-like object is required, not 'NoneType'");
        }
        if (af == AF_INET() || af == AF_INET6()) {
            if (b.length != (af == AF_INET() ? 4 : 16)) {
                throw new ValueError("invalid length of packed IP address string");
            }
        } else {
            throw new ValueError("unknown address family " + af);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment src = arena.allocate(16);
            MemorySegment.copy(b, 0, src, ValueLayout.JAVA_BYTE, 0, b.length);
            int size = INET6_ADDRSTRLEN();
            MemorySegment dst = arena.allocate(size);
            MemorySegment r = Posix.inet_ntop(af, src, dst, size);
            if (r.equals(MemorySegment.NULL)) {
                throw Errno.last();
            }
            return dst.getString(0);
        }
    }

    /**
     * {@code inet_aton(ip_string)} — inet_aton(3), which also takes the short forms
     * ({@code '127.1'}) and ignores what follows a space, as CPython shows.
     */
    static byte[] inet_aton(String s) throws OSError {
        if (s == null) {
            throw new TypeError("inet_aton() argument 1 must be str, not None");
        }
        if (s.indexOf('\0') >= 0) {
            throw new ValueError("embedded null character");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment packed = arena.allocate(4);
            if (Posix.inet_aton(arena.allocateFrom(s), packed) == 0) {
                throw new OSError("illegal IP address string passed to inet_aton");
            }
            return packed.toArray(ValueLayout.JAVA_BYTE);
        }
    }

    /** {@code inet_ntoa(packed_ip)}: four bytes as a dotted quad. */
    static String inet_ntoa(byte[] b) throws OSError {
        if (b == null) {
            throw new TypeError("a bytes-like object is required, not 'NoneType'");
        }
        if (b.length != 4) {
            throw new OSError("packed IP wrong length for inet_ntoa");
        }
        return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
    }

    /** {@code htons(x)}/{@code ntohs(x)}: Argument Clinic's uint16 converter, named after the function. */
    static int htons(long x, String name) {
        // CPython 3.11 first converts to a C int (an Argument Clinic "int"), then checks the range
        if (x > Integer.MAX_VALUE) {
            throw new OverflowError("signed integer is greater than maximum");
        }
        if (x < Integer.MIN_VALUE) {
            throw new OverflowError("signed integer is less than minimum");
        }
        if (x < 0) {
            throw new OverflowError(name + ": can't convert negative Python int to C 16-bit unsigned integer");
        }
        if (x > 0xffff) {
            throw new OverflowError(name + ": Python int too large to convert to C 16-bit unsigned integer");
        }
        return (int) (((x & 0xff) << 8) | (x >>> 8));
    }

    /** {@code htonl(x)}/{@code ntohl(x)}: Argument Clinic's uint32 converter. */
    static long htonl(long x, String name) {
        if (x < 0) {
            throw new OverflowError("can't convert negative value to unsigned int");
        }
        if (x > 0xffffffffL) {
            throw new OverflowError("int larger than 32 bits");
        }
        return Integer.toUnsignedLong(Integer.reverseBytes((int) x));
    }

    /** {@code if_nameindex()}: if_nameindex(3) as a list of (index, name). */
    static List<IfNameIndex> if_nameindex() throws OSError {
        MemorySegment ni = Posix.if_nameindex();
        if (ni.equals(MemorySegment.NULL)) {
            throw Errno.last();
        }
        try {
            List<IfNameIndex> list = new ArrayList<>();
            for (long i = 0; i < Integer.MAX_VALUE; i++) {
                MemorySegment entry = ni.reinterpret((i + 1) * IF_NAMEINDEX_SIZE).asSlice(i * IF_NAMEINDEX_SIZE);
                int index = dev.pysocket.bindings.if_nameindex.if_index(entry);
                if (index == 0) {
                    break;
                }
                list.add(new IfNameIndex(index, Posix.cString(dev.pysocket.bindings.if_nameindex.if_name(entry))));
            }
            return list;
        } finally {
            Posix.if_freenameindex(ni);
        }
    }

    /** {@code if_nametoindex(if_name)}: the name is fs-encoded (UTF-8 with surrogateescape). */
    static int if_nametoindex(String name) throws OSError {
        if (name == null) {
            throw new TypeError("expected str, bytes or os.PathLike object, not NoneType");
        }
        byte[] bytes = SockAddr.fsEncodeNoNul(name);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(bytes.length + 1L);
            MemorySegment.copy(bytes, 0, s, ValueLayout.JAVA_BYTE, 0, bytes.length);
            int index = Posix.if_nametoindex(s);
            if (index == 0) {
                // if_nametoindex() doesn't set errno, as CPython notes
                throw new OSError("no interface with this name");
            }
            return index;
        }
    }

    /** {@code if_indextoname(if_index)}: the index is a C unsigned int (wrapping above 2**32 - 1). */
    static String if_indextoname(long index) throws OSError {
        if (index < 0) {
            throw new OverflowError("can't convert negative value to unsigned int");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name = arena.allocate(IF_NAMESIZE() + 1L);
            if (Posix.if_indextoname((int) index, name).equals(MemorySegment.NULL)) {
                throw Errno.last();
            }
            return name.getString(0);
        }
    }
}
