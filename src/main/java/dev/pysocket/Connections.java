// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.bindings.posix_h.*;

import java.util.ArrayList;
import java.util.List;

/**
 * Lib/socket.py's {@code create_connection}, {@code create_server} and
 * {@code has_dualstack_ipv6}, line by line: the same order of operations and the same errors.
 */
final class Connections {
    private Connections() {
    }

    /**
     * {@code create_connection(address, timeout, source_address, *, all_errors)}: tries every
     * getaddrinfo(host, port, 0, SOCK_STREAM) result in order; raises the last error, or with
     * allErrors an {@link ExceptionGroup} of all of them.
     *
     * @param timeoutNanos   the parsed timeout (-1 is None), used unless defaultTimeout
     * @param defaultTimeout Python's {@code _GLOBAL_DEFAULT_TIMEOUT}: settimeout is not called
     */
    static SocketType create_connection(Address address, long timeoutNanos, boolean defaultTimeout,
                                        Address source, boolean allErrors) throws OSError {
        Object[] hostPort = unpack(address);
        if (hostPort[0] != null && !(hostPort[0] instanceof String)) {
            throw new TypeError("getaddrinfo() argument 1 must be string or None");
        }
        String host = (String) hostPort[0];
        List<OSError> exceptions = new ArrayList<>();
        for (AddrInfo res : Resolver.getaddrinfo(host, hostPort[1], 0, SOCK_STREAM(), 0, 0)) {
            SocketType sock = null;
            try {
                sock = socket.socket(res.family().value(), res.type().value(), res.proto());
                if (!defaultTimeout) {
                    sock.settimeoutNanos(timeoutNanos);
                }
                if (SockAddr.truthy(source)) {
                    sock.bind(source);
                }
                sock.connect(res.sockaddr());
                exceptions.clear();
                return sock;
            } catch (OSError exc) {
                if (!allErrors) {
                    exceptions.clear(); // raise only the last error
                }
                exceptions.add(exc);
                if (sock != null) {
                    sock.close();
                }
            } catch (RuntimeException e) {
                // Python leaves this socket to the garbage collector; Java closes it now.
                closeQuietly(sock, e);
                throw e;
            }
        }
        if (!exceptions.isEmpty()) {
            if (!allErrors) {
                throw exceptions.get(0);
            }
            throw new ExceptionGroup("create_connection failed", exceptions);
        }
        throw new OSError("getaddrinfo returns an empty list");
    }

    /**
     * Python's {@code host, port = address}: a 2-tuple unpacks; a longer tuple, or a str of
     * other than two characters, raises the ValueError of unpacking; a bytes path unpacks into
     * ints.
     */
    private static Object[] unpack(Address address) {
        return switch (address) {
            case null -> throw new TypeError("cannot unpack non-iterable NoneType object");
            case InetAddr(String host, int port) -> new Object[] {host, port};
            case Inet6Addr a -> throw tooMany();
            case RawAddr(int family, byte[] data) -> new Object[] {family, data};
            case UnixAddr u -> {
                if (u.isBytes()) {
                    byte[] p = u.path();
                    yield pair(p.length, () -> new Object[] {p[0] & 0xff, p[1] & 0xff});
                }
                String s = u.str();
                int[] cps = s.codePoints().toArray();
                yield pair(cps.length, () -> new Object[] {Character.toString(cps[0]), Character.toString(cps[1])});
            }
        };
    }

    private static Object[] pair(int length, java.util.function.Supplier<Object[]> items) {
        if (length > 2) {
            throw tooMany();
        }
        if (length < 2) {
            throw new ValueError("not enough values to unpack (expected 2, got " + length + ")");
        }
        return items.get();
    }

    private static ValueError tooMany() {
        return new ValueError("too many values to unpack (expected 2)");
    }

    private static void closeQuietly(SocketType sock, Exception cause) {
        if (sock != null) {
            try {
                sock.close();
            } catch (OSError e) {
                cause.addSuppressed(e);
            }
        }
    }

    /**
     * {@code create_server(address, *, family, backlog, reuse_port, dualstack_ipv6)}: a
     * listening SOCK_STREAM socket with SO_REUSEADDR (best effort), SO_REUSEPORT if asked, and
     * IPV6_V6ONLY set (or cleared for dual stack) on AF_INET6. A bind error is re-raised as
     * {@code OSError(errno, '<strerror> (while attempting to bind on address <repr>)')}, of the
     * subclass Python's OSError constructor picks for that errno.
     */
    static SocketType create_server(Address address, int family, Integer backlog, boolean reusePort,
                                    boolean dualstack) throws OSError {
        if (dualstack) {
            if (!has_dualstack_ipv6()) {
                throw new ValueError("dualstack_ipv6 not supported on this platform");
            }
            if (family != AF_INET6()) {
                throw new ValueError("dualstack_ipv6 requires AF_INET6 family");
            }
        }
        SocketType sock = socket.socket(family, SOCK_STREAM());
        try {
            try {
                sock.setsockopt(SOL_SOCKET(), SO_REUSEADDR(), 1);
            } catch (OSError e) {
                // Fail later on bind(), for platforms which may not support this option.
            }
            if (reusePort) {
                sock.setsockopt(SOL_SOCKET(), SO_REUSEPORT(), 1);
            }
            if (family == AF_INET6()) {
                sock.setsockopt(IPPROTO_IPV6(), IPV6_V6ONLY(), dualstack ? 0 : 1);
            }
            try {
                sock.bind(address);
            } catch (OSError err) {
                String msg = err.strerror() + " (while attempting to bind on address " + Py.repr(address) + ")";
                // Python's OSError(None, msg) keeps errno None: without an errno only the text survives.
                throw err.errno() == null ? new OSError(msg) : Errno.exception(err.errno(), msg);
            }
            if (backlog == null) {
                sock.listen();
            } else {
                sock.listen(backlog);
            }
            return sock;
        } catch (OSError | RuntimeException e) {
            // Python closes on OSError only and leaves the rest to the garbage collector.
            closeQuietly(sock, e);
            throw e;
        }
    }

    /** {@code has_dualstack_ipv6()}: whether an AF_INET6 socket accepts IPV6_V6ONLY = 0. */
    static boolean has_dualstack_ipv6() {
        try (SocketType sock = socket.socket(AF_INET6(), SOCK_STREAM())) {
            sock.setsockopt(IPPROTO_IPV6(), IPV6_V6ONLY(), 0);
            return true;
        } catch (OSError e) {
            return false;
        }
    }
}
