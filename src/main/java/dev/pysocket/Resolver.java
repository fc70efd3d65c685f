// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.bindings.posix_h.*;

import dev.pysocket.bindings.addrinfo;
import dev.pysocket.bindings.hostent;
import dev.pysocket.bindings.protoent;
import dev.pysocket.bindings.servent;
import dev.pysocket.bindings.sockaddr_in;
import dev.pysocket.bindings.sockaddr_in6;
import dev.pysocket.bindings.sockaddr_storage;
import dev.pysocket.syscall.Posix;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigInteger;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Names and addresses: CPython's {@code socket_getaddrinfo}, {@code socket_getnameinfo},
 * {@code socket_gethostbyname}, {@code socket_gethostbyname_ex}, {@code socket_gethostbyaddr}
 * and {@code socket_gethostname}, with their argument conversions (the "idna" codec, the port's
 * {@code %ld} formatting) and their errors ({@code set_gaierror}, {@code set_herror}).
 *
 * <p>These are not hot paths: each call takes a confined arena of its own for its native memory.
 */
final class Resolver {
    /** gethostbyname_r/gethostbyaddr_r's buffer, as CPython sizes it (16384, one byte unused). */
    private static final int HOST_BUF = 16384;
    /** gethostname's buffer, as CPython sizes it. */
    private static final int HOSTNAME_BUF = 1024;

    private Resolver() {
    }

    /**
     * CPython's {@code set_gaierror}: {@code socket.gaierror(code, gai_strerror(code))}, except
     * that EAI_SYSTEM is the OSError of the errno the failed call left.
     */
    static OSError gaierror(int code) {
        if (code == EAI_SYSTEM()) {
            return Errno.last();
        }
        return new socket.gaierror(code, Posix.gai_strerror(code));
    }

    /** CPython's {@code set_herror}: {@code socket.herror(h_errno, hstrerror(h_errno))}. */
    static socket.herror herror(int hErrno) {
        return new socket.herror(hErrno, Posix.hstrerror(hErrno));
    }

    // ---- getaddrinfo -----------------------------------------------------------------------

    /**
     * {@code socket.getaddrinfo(host, port, family, type, proto, flags)}: the host goes through
     * the "idna" codec; an int port is formatted with {@code %ld}, a str (or bytes) port goes as
     * is; C sees both strings up to their first NUL, as in CPython.
     */
    static List<AddrInfo> getaddrinfo(String host, Object port, int family, int type, int proto, int flags)
            throws OSError {
        byte[] hostBytes = host == null ? null : idna(host);
        byte[] portBytes = portBytes(port);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment hints = addrinfo.allocate(arena);
            addrinfo.ai_family(hints, family);
            addrinfo.ai_socktype(hints, type);
            addrinfo.ai_protocol(hints, proto);
            addrinfo.ai_flags(hints, flags);
            MemorySegment res = arena.allocate(ValueLayout.ADDRESS);
            int rc = Posix.getaddrinfo(cString(arena, hostBytes), cString(arena, portBytes), hints, res);
            if (rc != 0) {
                throw gaierror(rc);
            }
            MemorySegment first = res.get(ValueLayout.ADDRESS, 0);
            try {
                List<AddrInfo> all = new ArrayList<>();
                MemorySegment storage = sockaddr_storage.allocate(arena);
                for (MemorySegment p = first; !p.equals(MemorySegment.NULL); ) {
                    MemorySegment ai = p.reinterpret(addrinfo.sizeof());
                    int addrlen = copyAddr(ai, storage);
                    String canon = Posix.cString(addrinfo.ai_canonname(ai));
                    all.add(new AddrInfo(AddressFamily.convert(addrinfo.ai_family(ai)),
                            SocketKind.convert(addrinfo.ai_socktype(ai)), addrinfo.ai_protocol(ai),
                            canon == null ? "" : canon, SockAddr.decode(storage, addrlen)));
                    p = addrinfo.ai_next(ai);
                }
                return all;
            } finally {
                Posix.freeaddrinfo(first);
            }
        }
    }

    /** Copies an addrinfo's sockaddr into a zeroed sockaddr_storage; returns its length. */
    private static int copyAddr(MemorySegment ai, MemorySegment storage) {
        storage.fill((byte) 0);
        int addrlen = addrinfo.ai_addrlen(ai);
        int len = (int) Math.min(Math.max(addrlen, 0), storage.byteSize());
        if (len > 0) {
            MemorySegment.copy(addrinfo.ai_addr(ai).reinterpret(len), 0, storage, 0, len);
        }
        return addrlen;
    }

    /** CPython's port conversion: int → "%ld", str/bytes as is, None → NULL. */
    private static byte[] portBytes(Object port) throws OSError {
        return switch (port) {
            case null -> null;
            case Integer i -> Long.toString(i).getBytes(StandardCharsets.US_ASCII);
            case Long l -> Long.toString(l).getBytes(StandardCharsets.US_ASCII);
            case Short s -> Long.toString(s).getBytes(StandardCharsets.US_ASCII);
            case Byte b -> Long.toString(b).getBytes(StandardCharsets.US_ASCII);
            case BigInteger b -> {
                if (b.bitLength() > 63) {
                    throw new OverflowError("Python int too large to convert to C long");
                }
                yield b.toString().getBytes(StandardCharsets.US_ASCII);
            }
            case String s -> s.getBytes(StandardCharsets.UTF_8);
            case byte[] b -> b.clone();
            case Boolean b -> throw new OSError("Int or String expected"); // bool is no exact int
            default -> throw new OSError("Int or String expected");
        };
    }

    /** A C string of {@code bytes} (NULL for null): C reads it up to its first NUL. */
    private static MemorySegment cString(Arena arena, byte[] bytes) {
        if (bytes == null) {
            return MemorySegment.NULL;
        }
        MemorySegment s = arena.allocate(bytes.length + 1L);
        MemorySegment.copy(bytes, 0, s, ValueLayout.JAVA_BYTE, 0, bytes.length);
        return s;
    }

    /**
     * Python's "idna" codec (encodings/idna.py, IDNA 2003): an ASCII name is checked label by
     * label (no label but the last may be empty, none may have 64 bytes or more); other names
     * go through ToASCII label by label (java.net.IDN's nameprep and punycode, the same RFC 3490).
     * Python raises UnicodeError, a ValueError: here it is a {@link ValueError} with Python's
     * message.
     */
    static byte[] idna(String name) {
        if (name.isEmpty()) {
            return new byte[0];
        }
        if (isAscii(name)) {
            String[] labels = name.split("\\.", -1);
            for (int i = 0; i < labels.length - 1; i++) {
                if (labels[i].isEmpty() || labels[i].length() >= 64) {
                    throw idnaError("label empty or too long");
                }
            }
            if (labels[labels.length - 1].length() >= 64) {
                throw idnaError("label too long");
            }
            return name.getBytes(StandardCharsets.US_ASCII);
        }
        String[] labels = name.split("[\u002E\u3002\uFF0E\uFF61]", -1);
        int count = labels.length;
        String trailing = "";
        if (labels[count - 1].isEmpty()) {
            trailing = ".";
            count--;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(toAscii(labels[i]));
        }
        return (sb + trailing).getBytes(StandardCharsets.US_ASCII);
    }

    private static String toAscii(String label) {
        String ascii;
        if (isAscii(label)) {
            ascii = label;
        } else {
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                boolean paired = Character.isHighSurrogate(c) && i + 1 < label.length()
                        && Character.isLowSurrogate(label.charAt(i + 1));
                if (paired) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    // nameprep's table C.5, in Python's words (java.net.IDN words it differently)
                    throw idnaError("Invalid character " + Py.repr(String.valueOf(c)));
                }
            }
            try {
                ascii = IDN.toASCII(label, 0);
            } catch (IllegalArgumentException e) {
                throw idnaError(e.getMessage());
            }
        }
        if (ascii.isEmpty() || ascii.length() >= 64) {
            throw idnaError("label empty or too long");
        }
        return ascii;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static UnicodeError idnaError(String why) {
        return new UnicodeError("encoding with 'idna' codec failed (UnicodeError: " + why + ")");
    }

    /**
     * CPython's {@code "et"} argument with the "idna" encoding: the encoded name, refused with
     * CPython's TypeError when it holds a NUL.
     */
    private static String etIdna(String name, String caller) {
        if (name == null) {
            throw new TypeError(caller + "() argument 1 must be str, bytes or bytearray, not None");
        }
        byte[] encoded = idna(name);
        for (byte b : encoded) {
            if (b == 0) {
                throw new TypeError(caller + "() argument 1 must be encoded string without null bytes, not str");
            }
        }
        return new String(encoded, StandardCharsets.US_ASCII);
    }

    // ---- getnameinfo -------------------------------------------------------------------------

    /**
     * {@code socket.getnameinfo(sockaddr, flags)}: CPython resolves the host numerically
     * (getaddrinfo with AI_NUMERICHOST, SOCK_DGRAM, the port as "%d") and checks the result
     * against the tuple's shape before calling getnameinfo(3).
     */
    static NameInfo getnameinfo(Address sockaddr, int flags) throws OSError {
        String host;
        int port;
        long flowinfo = 0;
        long scopeId = 0;
        int size;
        switch (sockaddr) {
            case InetAddr(String h, int p) -> {
                host = h;
                port = p;
                size = 2;
            }
            case Inet6Addr(String h, int p, long f, long s) -> {
                host = h;
                port = p;
                flowinfo = f & 0xFFFF_FFFFL; // CPython's "I": a C unsigned int, wrapping
                scopeId = s & 0xFFFF_FFFFL;
                size = 4;
            }
            case RawAddr r -> throw new TypeError("getnameinfo(): illegal sockaddr argument");
            case null, default -> throw new TypeError("getnameinfo() argument 1 must be a tuple");
        }
        if (host == null) {
            throw new TypeError("getnameinfo(): illegal sockaddr argument");
        }
        if (host.indexOf('\0') >= 0) {
            throw new ValueError("embedded null character");
        }
        if (flowinfo > 0xfffff) {
            throw new OverflowError("getnameinfo(): flowinfo must be 0-1048575.");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment hints = addrinfo.allocate(arena);
            addrinfo.ai_family(hints, AF_UNSPEC());
            addrinfo.ai_socktype(hints, SOCK_DGRAM());
            addrinfo.ai_flags(hints, AI_NUMERICHOST());
            MemorySegment res = arena.allocate(ValueLayout.ADDRESS);
            int rc = Posix.getaddrinfo(arena.allocateFrom(host), arena.allocateFrom(Integer.toString(port)),
                    hints, res);
            if (rc != 0) {
                throw gaierror(rc);
            }
            MemorySegment first = res.get(ValueLayout.ADDRESS, 0);
            MemorySegment storage = sockaddr_storage.allocate(arena);
            int addrlen;
            try {
                MemorySegment ai = first.reinterpret(addrinfo.sizeof());
                if (!addrinfo.ai_next(ai).equals(MemorySegment.NULL)) {
                    throw new OSError("sockaddr resolved to multiple addresses");
                }
                int family = addrinfo.ai_family(ai);
                if (family == AF_INET() && size != 2) {
                    throw new OSError("IPv4 sockaddr must be 2 tuple");
                }
                addrlen = copyAddr(ai, storage);
                if (family == AF_INET6()) {
                    sockaddr_in6.sin6_flowinfo(storage, Integer.reverseBytes((int) flowinfo));
                    sockaddr_in6.sin6_scope_id(storage, (int) scopeId);
                }
            } finally {
                Posix.freeaddrinfo(first);
            }
            int hostlen = NI_MAXHOST();
            int servlen = NI_MAXSERV();
            MemorySegment hbuf = arena.allocate(hostlen);
            MemorySegment pbuf = arena.allocate(servlen);
            rc = Posix.getnameinfo(storage, addrlen, hbuf, hostlen, pbuf, servlen, flags);
            if (rc != 0) {
                throw gaierror(rc);
            }
            return new NameInfo(hbuf.getString(0), pbuf.getString(0));
        }
    }

    // ---- gethostbyname and friends --------------------------------------------------------

    /** {@code socket.gethostbyname(hostname)}: CPython's setipaddr for AF_INET, as a string. */
    static String gethostbyname(String hostname) throws OSError {
        String name = etIdna(hostname, "gethostbyname");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment addr = sockaddr_storage.allocate(arena);
            SockAddr.resolveInto(name, AF_INET(), addr);
            return SockAddr.ntop(AF_INET(), sockaddr_in.sin_addr(addr));
        }
    }

    /**
     * {@code socket.gethostbyname_ex(hostname)}: setipaddr for AF_INET first (its errors are
     * gaierrors), then gethostbyname_r(3) (its errors are herrors).
     */
    static HostEntry gethostbyname_ex(String hostname) throws OSError {
        String name = etIdna(hostname, "gethostbyname_ex");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment addr = sockaddr_storage.allocate(arena);
            SockAddr.resolveInto(name, AF_INET(), addr);
            int af = dev.pysocket.bindings.sockaddr.sa_family(addr) & 0xffff;
            MemorySegment ret = hostent.allocate(arena);
            MemorySegment buf = arena.allocate(HOST_BUF, 8);
            MemorySegment result = arena.allocate(ValueLayout.ADDRESS);
            MemorySegment hErrno = arena.allocate(ValueLayout.JAVA_INT);
            Posix.gethostbyname_r(arena.allocateFrom(name), ret, buf, HOST_BUF - 1, result, hErrno);
            return gethostCommon(result, af);
        }
    }

    /**
     * {@code socket.gethostbyaddr(ip_address)}: setipaddr for AF_UNSPEC (a name is resolved
     * first), then gethostbyaddr_r(3) on the address.
     */
    static HostEntry gethostbyaddr(String ip) throws OSError {
        String name = etIdna(ip, "gethostbyaddr");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment addr = sockaddr_storage.allocate(arena);
            SockAddr.resolveInto(name, AF_UNSPEC(), addr);
            int af = dev.pysocket.bindings.sockaddr.sa_family(addr) & 0xffff;
            MemorySegment ap;
            if (af == AF_INET()) {
                ap = sockaddr_in.sin_addr(addr);
            } else if (af == AF_INET6()) {
                ap = sockaddr_in6.sin6_addr(addr);
            } else {
                throw new OSError("unsupported address family");
            }
            MemorySegment ret = hostent.allocate(arena);
            MemorySegment buf = arena.allocate(HOST_BUF, 8);
            MemorySegment result = arena.allocate(ValueLayout.ADDRESS);
            MemorySegment hErrno = arena.allocate(ValueLayout.JAVA_INT);
            Posix.gethostbyaddr_r(ap, (int) ap.byteSize(), af, ret, buf, HOST_BUF - 1, result, hErrno);
            return gethostCommon(result, af);
        }
    }

    /** CPython's {@code gethost_common}: the hostent as (name, aliases, addresses). */
    private static HostEntry gethostCommon(MemorySegment result, int af) throws OSError {
        MemorySegment hp = result.get(ValueLayout.ADDRESS, 0);
        if (hp.equals(MemorySegment.NULL)) {
            // CPython reports the thread's h_errno, not the one gethostby*_r wrote back.
            throw herror(Posix.h_errno());
        }
        MemorySegment h = hp.reinterpret(hostent.sizeof());
        if (hostent.h_addrtype(h) != af) {
            throw Errno.exception(EAFNOSUPPORT());
        }
        List<String> aliases = new ArrayList<>();
        MemorySegment aliasList = hostent.h_aliases(h);
        if (!aliasList.equals(MemorySegment.NULL)) {
            for (long i = 0; ; i++) {
                MemorySegment alias = pointerAt(aliasList, i);
                if (alias.equals(MemorySegment.NULL)) {
                    break;
                }
                aliases.add(Posix.cString(alias));
            }
        }
        int addrSize = af == AF_INET() ? 4 : 16;
        List<String> addresses = new ArrayList<>();
        MemorySegment addrList = hostent.h_addr_list(h);
        for (long i = 0; ; i++) {
            MemorySegment a = pointerAt(addrList, i);
            if (a.equals(MemorySegment.NULL)) {
                break;
            }
            addresses.add(SockAddr.ntop(af, a.reinterpret(addrSize)));
        }
        return new HostEntry(Posix.cString(hostent.h_name(h)), aliases, addresses);
    }

    /** Element i of a NULL-terminated C array of pointers, read within i + 1 elements. */
    private static MemorySegment pointerAt(MemorySegment array, long i) {
        long size = ValueLayout.ADDRESS.byteSize();
        return array.reinterpret((i + 1) * size).get(ValueLayout.ADDRESS, i * size);
    }

    /** {@code socket.gethostname()}: gethostname(2) into CPython's 1024-byte buffer. */
    static String gethostname() throws OSError {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(HOSTNAME_BUF);
            Errno.check(Posix.gethostname(buf, HOSTNAME_BUF - 1));
            return buf.getString(0);
        }
    }

    /** {@code socket.sethostname(name)}: sethostname(2) of the fs-encoded str, or of the bytes as they are. */
    static void sethostname(byte[] name) throws OSError {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(Math.max(1, name.length));
            MemorySegment.copy(name, 0, buf, ValueLayout.JAVA_BYTE, 0, name.length);
            Errno.check(Posix.sethostname(buf, name.length));
        }
    }

    /**
     * {@code socket.getfqdn(name)}, as Lib/socket.py: the name stripped of Python's whitespace
     * ({@code ''}, {@code '0.0.0.0'} and {@code '::'} mean this host), then the first name with a
     * dot among gethostbyaddr's primary name and aliases, else the primary name; the name itself
     * when gethostbyaddr fails with an OSError.
     */
    static String getfqdn(String name) throws OSError {
        if (name == null) {
            throw new AttributeError("'NoneType' object has no attribute 'strip'");
        }
        name = Py.strip(name);
        if (name.isEmpty() || name.equals("0.0.0.0") || name.equals("::")) {
            name = gethostname();
        }
        HostEntry h;
        try {
            h = gethostbyaddr(name);
        } catch (OSError e) {
            return name;
        }
        List<String> names = new ArrayList<>();
        names.add(h.hostname());
        names.addAll(h.aliaslist());
        for (String n : names) {
            if (n.indexOf('.') >= 0) {
                return n;
            }
        }
        return h.hostname();
    }

    /** /etc/services and /etc/protocols entries are short: CPython's non-reentrant calls use glibc's 1024-byte buffer. */
    private static final int DB_BUF = 4096;

    /** {@code socket.getservbyname(servicename[, protocolname])}: the port, in host byte order. */
    static int getservbyname(String service, String proto) throws OSError {
        byte[] name = cArg(service, "getservbyname", 1);
        byte[] p = proto == null ? null : cArg(proto, "getservbyname", 2);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ret = servent.allocate(arena);
            MemorySegment result = arena.allocate(ValueLayout.ADDRESS);
            Posix.getservbyname_r(cString(arena, name), cString(arena, p), ret, arena.allocate(DB_BUF), DB_BUF,
                    result);
            if (result.get(ValueLayout.ADDRESS, 0).equals(MemorySegment.NULL)) {
                throw new OSError("service/proto not found");
            }
            return Short.toUnsignedInt(Short.reverseBytes((short) servent.s_port(ret)));
        }
    }

    /** {@code socket.getservbyport(port[, protocolname])}: the service name. */
    static String getservbyport(int port, String proto) throws OSError {
        byte[] p = proto == null ? null : cArg(proto, "getservbyport", 2);
        if (port < 0 || port > 0xffff) {
            throw new OverflowError("getservbyport: port must be 0-65535.");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ret = servent.allocate(arena);
            MemorySegment result = arena.allocate(ValueLayout.ADDRESS);
            Posix.getservbyport_r(Short.toUnsignedInt(Short.reverseBytes((short) port)), cString(arena, p), ret,
                    arena.allocate(DB_BUF), DB_BUF, result);
            if (result.get(ValueLayout.ADDRESS, 0).equals(MemorySegment.NULL)) {
                throw new OSError("port/proto not found");
            }
            return Posix.cString(servent.s_name(ret));
        }
    }

    /** {@code socket.getprotobyname(protocolname)}: the protocol number. */
    static int getprotobyname(String proto) throws OSError {
        byte[] name = cArg(proto, "getprotobyname", 1);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ret = protoent.allocate(arena);
            MemorySegment result = arena.allocate(ValueLayout.ADDRESS);
            Posix.getprotobyname_r(cString(arena, name), ret, arena.allocate(DB_BUF), DB_BUF, result);
            if (result.get(ValueLayout.ADDRESS, 0).equals(MemorySegment.NULL)) {
                throw new OSError("protocol not found");
            }
            return protoent.p_proto(ret);
        }
    }

    /**
     * CPython's {@code "s"} argument: a str encoded as strict UTF-8 (a lone surrogate is
     * UnicodeEncodeError), without NUL; None is a TypeError.
     */
    private static byte[] cArg(String s, String fn, int argNo) {
        if (s == null) {
            throw new TypeError(fn + "() argument " + argNo + " must be str, not None");
        }
        byte[] b = Codecs.encode(s, StandardCharsets.UTF_8, "strict");
        for (byte x : b) {
            if (x == 0) {
                throw new ValueError("embedded null character");
            }
        }
        return b;
    }
}
