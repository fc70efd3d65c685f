// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.bindings.posix_h.*;

import dev.pysocket.bindings.addrinfo;
import dev.pysocket.bindings.sockaddr;
import dev.pysocket.bindings.sockaddr_in;
import dev.pysocket.bindings.sockaddr_in6;
import dev.pysocket.bindings.sockaddr_un;
import dev.pysocket.syscall.Posix;
import dev.pysocket.syscall.Scratch;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * Addresses between Python's shapes and C's sockaddr: CPython's {@code getsockaddrarg}
 * (with its checks and messages, in its order: the host is resolved before the port is checked)
 * and {@code makesockaddr}.
 */
final class SockAddr {
    private static final long SUN_PATH = sockaddr_un.sun_path$offset();
    private static final long SUN_PATH_MAX = sockaddr_un.sun_path$layout().byteSize();

    private SockAddr() {
    }

    /**
     * Writes {@code address} for a socket of {@code family} into {@code out} (a sockaddr_storage)
     * and returns its length. {@code caller} names the Python method in messages.
     */
    static int encode(int family, Address address, String caller, MemorySegment out) throws OSError {
        if (address == null) {
            throw new TypeError(family == AF_UNIX() ? "a bytes-like object is required, not 'NoneType'"
                    : caller + "(): " + familyName(family) + " address must be tuple, not NoneType");
        }
        out.fill((byte) 0);
        if (family == AF_INET()) {
            if (!(address instanceof InetAddr(String host, int port))) {
                throw wrongShape(family, address, caller, "AF_INET address must be a pair (host, port)");
            }
            resolveInto(host, AF_INET(), out);
            checkPort(port, caller);
            sockaddr_in.sin_family(out, (short) AF_INET());
            sockaddr_in.sin_port(out, (short) htons(port));
            return (int) sockaddr_in.sizeof();
        }
        if (family == AF_INET6()) {
            String host;
            int port;
            long flowinfo = 0;
            long scopeId = 0;
            switch (address) {
                case InetAddr a -> {
                    host = a.host();
                    port = a.port();
                }
                case Inet6Addr a -> {
                    host = a.host();
                    port = a.port();
                    flowinfo = a.flowinfo();
                    scopeId = a.scope_id();
                }
                default -> throw wrongShape(family, address, caller,
                        "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
            }
            resolveInto(host, AF_INET6(), out);
            checkPort(port, caller);
            // CPython parses flowinfo and scope_id as C unsigned ints, wrapping negatives.
            if ((flowinfo & 0xFFFF_FFFFL) > 0xfffff) {
                throw new OverflowError(caller + "(): flowinfo must be 0-1048575.");
            }
            sockaddr_in6.sin6_family(out, (short) AF_INET6());
            sockaddr_in6.sin6_port(out, (short) htons(port));
            sockaddr_in6.sin6_flowinfo(out, Integer.reverseBytes((int) flowinfo));
            sockaddr_in6.sin6_scope_id(out, (int) scopeId);
            return (int) sockaddr_in6.sizeof();
        }
        if (family == AF_UNIX()) {
            if (!(address instanceof UnixAddr u)) {
                throw new TypeError("a bytes-like object is required, not 'tuple'");
            }
            byte[] path = u.path();
            boolean abstractName = path.length == 0 || path[0] == 0;
            // A filesystem path needs room for its terminating NUL; an abstract name does not.
            if (abstractName ? path.length > SUN_PATH_MAX : path.length >= SUN_PATH_MAX) {
                throw new OSError("AF_UNIX path too long");
            }
            sockaddr_un.sun_family(out, (short) AF_UNIX());
            MemorySegment.copy(path, 0, out, ValueLayout.JAVA_BYTE, SUN_PATH, path.length);
            return (int) (SUN_PATH + path.length + (abstractName ? 0 : 1));
        }
        throw new OSError(caller + "(): bad family");
    }

    private static RuntimeException wrongShape(int family, Address address, String caller, String pairMessage) {
        if (address instanceof UnixAddr u) {
            return new TypeError(caller + "(): " + familyName(family) + " address must be tuple, not "
                    + (u.isBytes() ? "bytes" : "str"));
        }
        return new TypeError(pairMessage);
    }

    private static String familyName(int family) {
        return family == AF_INET6() ? "AF_INET6" : family == AF_INET() ? "AF_INET" : "AF_UNIX";
    }

    private static void checkPort(int port, String caller) {
        if (port < 0 || port > 0xffff) {
            throw new OverflowError(caller + "(): port must be 0-65535.");
        }
    }

    static int htons(int port) {
        return Short.reverseBytes((short) port) & 0xffff;
    }

    /**
     * CPython's {@code setipaddr}: "" is the wildcard, "255.255.255.255" and "&lt;broadcast&gt;"
     * INADDR_BROADCAST, numeric addresses are parsed without a lookup, anything else goes
     * through getaddrinfo(3). Fills the address part of {@code out} (and its family).
     */
    static void resolveInto(String host, int af, MemorySegment out) throws OSError {
        checkHost(host);
        host = idnaHost(host);
        if (host.isEmpty()) {
            lookup(null, "0", af, AI_PASSIVE(), true, out);
            return;
        }
        if (host.equals("255.255.255.255") || host.equals("<broadcast>")) {
            if (af != AF_INET() && af != AF_UNSPEC()) {
                throw new OSError("address family mismatched");
            }
            sockaddr_in.sin_family(out, (short) AF_INET());
            sockaddr_in.sin_addr(out).fill((byte) 0xff);
            return;
        }
        // Numeric addresses skip the lookup; a name too long for the scratch buffer is no number.
        MemorySegment name = Scratch.get().name(host);
        if (name != null) {
            if ((af == AF_UNSPEC() || af == AF_INET())
                    && Posix.inet_pton(AF_INET(), name, sockaddr_in.sin_addr(out)) > 0) {
                sockaddr_in.sin_family(out, (short) AF_INET());
                return;
            }
            if ((af == AF_UNSPEC() || af == AF_INET6()) && host.indexOf('%') < 0
                    && Posix.inet_pton(AF_INET6(), name, sockaddr_in6.sin6_addr(out)) > 0) {
                sockaddr_in6.sin6_family(out, (short) AF_INET6());
                return;
            }
        }
        lookup(host, null, af, 0, false, out);
    }

    /** CPython's idna_converter checks: an embedded NUL is refused before any lookup. */
    static void checkHost(String host) {
        if (host == null) {
            throw new TypeError("str, bytes or bytearray expected, not NoneType");
        }
        if (host.indexOf('\0') >= 0) {
            throw new TypeError("host name must not contain null character");
        }
    }

    /**
     * CPython's idna_converter: an ASCII host is used as it is; any other goes through the
     * "idna" codec, whose failure is {@code TypeError('encoding of hostname failed')}.
     */
    private static String idnaHost(String host) {
        if (host.chars().allMatch(c -> c < 0x80)) {
            return host;
        }
        try {
            return new String(Resolver.idna(host), StandardCharsets.US_ASCII);
        } catch (ValueError e) {
            throw new TypeError("encoding of hostname failed");
        }
    }

    private static void lookup(String host, String service, int af, int flags, boolean wildcard, MemorySegment out)
            throws OSError {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment hints = addrinfo.allocate(arena);
            addrinfo.ai_family(hints, af);
            addrinfo.ai_flags(hints, flags);
            if (wildcard) {
                addrinfo.ai_socktype(hints, SOCK_DGRAM());
            }
            MemorySegment res = arena.allocate(ValueLayout.ADDRESS);
            int rc = Posix.getaddrinfo(host == null ? MemorySegment.NULL : arena.allocateFrom(host),
                    service == null ? MemorySegment.NULL : arena.allocateFrom(service), hints, res);
            if (rc != 0) {
                throw Resolver.gaierror(rc);
            }
            MemorySegment first = res.get(ValueLayout.ADDRESS, 0).reinterpret(addrinfo.sizeof());
            try {
                if (wildcard && !addrinfo.ai_next(first).equals(MemorySegment.NULL)) {
                    throw new OSError("wildcard resolved to multiple address");
                }
                int len = Math.min(addrinfo.ai_addrlen(first), (int) out.byteSize());
                MemorySegment.copy(addrinfo.ai_addr(first).reinterpret(len), 0, out, 0, len);
                int got = sockaddr.sa_family(out);
                if (got != AF_INET() && got != AF_INET6()) {
                    throw new OSError(wildcard ? "unsupported address family" : "unknown address family");
                }
            } finally {
                Posix.freeaddrinfo(first);
            }
        }
    }

    /**
     * CPython's {@code getsockaddrlen}, which getsockname, getpeername, accept, recvfrom,
     * recvfrom_into and recvmsg call before anything else: a socket of a family CPython has no
     * address shape for (AF_X25, say, wrapped around another descriptor with
     * {@code socket(family, type, proto, fileno)}) raises {@code OSError('getsockaddrlen: bad
     * family')}. The kernel's buffer is always a whole sockaddr_storage here (CPython sizes it
     * to the family's struct).
     */
    static void checkAddrlen(int family) throws OSError {
        if (family != AF_UNIX() && family != AF_INET() && family != AF_INET6() && family != AF_NETLINK()
                && family != AF_PACKET() && family != AF_TIPC() && family != AF_CAN() && family != AF_RDS()
                && family != AF_ALG() && family != AF_VSOCK() && family != AF_QIPCRTR()) {
            throw new OSError("getsockaddrlen: bad family");
        }
    }

    /** CPython's {@code makesockaddr}: the Python value of a sockaddr the kernel filled in. */
    static Address decode(MemorySegment addr, int addrlen) {
        if (addrlen == 0) {
            return null;
        }
        int family = sockaddr.sa_family(addr) & 0xffff;
        if (family == AF_INET()) {
            return new InetAddr(ntop(AF_INET(), sockaddr_in.sin_addr(addr)),
                    htons(sockaddr_in.sin_port(addr)));
        }
        if (family == AF_INET6()) {
            return new Inet6Addr(ntop(AF_INET6(), sockaddr_in6.sin6_addr(addr)),
                    htons(sockaddr_in6.sin6_port(addr)),
                    Integer.toUnsignedLong(Integer.reverseBytes(sockaddr_in6.sin6_flowinfo(addr))),
                    Integer.toUnsignedLong(sockaddr_in6.sin6_scope_id(addr)));
        }
        if (family == AF_UNIX()) {
            long pathLen = Math.max(0, Math.min(addrlen - SUN_PATH, SUN_PATH_MAX));
            MemorySegment path = addr.asSlice(SUN_PATH, pathLen);
            if (pathLen > 0 && path.get(ValueLayout.JAVA_BYTE, 0) == 0) {
                return new UnixAddr(path.toArray(ValueLayout.JAVA_BYTE)); // Linux abstract name
            }
            long end = 0;
            while (end < pathLen && path.get(ValueLayout.JAVA_BYTE, end) != 0) {
                end++;
            }
            return new UnixAddr(path.asSlice(0, end).toArray(ValueLayout.JAVA_BYTE), false);
        }
        return new RawAddr(family, sockaddr.sa_data(addr).toArray(ValueLayout.JAVA_BYTE));
    }

    /**
     * A 4- or 16-byte address as text: inet_ntop(3) for IPv6; IPv4 formatted here, as CPython's
     * makesockaddr prints it (inet_ntoa(3), always dotted decimal), so that the common case binds
     * no inet_ntop downcall, 10-20 ms of a fresh JVM's first accept or getsockname.
     */
    static String ntop(int af, MemorySegment src) {
        if (af == AF_INET()) {
            StringBuilder s = new StringBuilder(15);
            for (int i = 0; i < 4; i++) {
                s.append(i == 0 ? "" : ".").append(src.get(ValueLayout.JAVA_BYTE, i) & 0xff);
            }
            return s.toString();
        }
        MemorySegment dst = Scratch.get().name;
        MemorySegment r = Posix.inet_ntop(af, src, dst, (int) dst.byteSize());
        return r.equals(MemorySegment.NULL) ? null : dst.getString(0);
    }

    /** The str form Python's socket repr uses for an address (str of a str is unquoted). */
    static String str(Address a) {
        return a instanceof UnixAddr u && !u.isBytes() ? u.str() : String.valueOf(a);
    }

    /** Python's truthiness of an address: {@code ''} and {@code b''} are false. */
    static boolean truthy(Address a) {
        return a != null && !(a instanceof UnixAddr u && u.path().length == 0);
    }

    /**
     * Bytes of a str path as Python's filesystem encoding gives them ({@code os.fsencode}): UTF-8
     * with surrogateescape, so U+DC80 is the byte 0x80 and any other lone surrogate is
     * CPython's UnicodeEncodeError.
     */
    static byte[] fsEncode(String s) {
        return Codecs.encode(s, StandardCharsets.UTF_8, "surrogateescape");
    }

    /** {@code os.fsdecode}: UTF-8 with surrogateescape, so undecodable bytes come back as U+DC80..U+DCFF. */
    static String fsDecode(byte[] b) {
        return Codecs.decode(b, StandardCharsets.UTF_8, "surrogateescape");
    }

    /** CPython's {@code PyUnicode_FSConverter}: {@link #fsEncode}, refusing a NUL. */
    static byte[] fsEncodeNoNul(String s) {
        byte[] b = fsEncode(s);
        for (byte x : b) {
            if (x == 0) {
                throw new ValueError("embedded null byte");
            }
        }
        return b;
    }
}
