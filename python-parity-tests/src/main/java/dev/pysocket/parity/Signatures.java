// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.parity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place that maps Python keyword arguments to Java positions: for each Python function
 * or method the case files call, its parameters in Python's order with their defaults. A call
 * with keywords becomes the Java overload with that many positional parameters; a gap before
 * the last given argument is filled with the default. The same defaults extend a call whose
 * argument count has no Java overload (e.g. {@code recv_into(buf, 2)} becomes
 * {@code recv_into(buf, 2, 0)}).
 *
 * <p>Keys are {@code Owner.method} (the Java class's simple name) or a bare method name.
 * Defaults are Python literals, a socket constant name, or {@code <getdefaulttimeout()>} (the
 * value {@code socket.getdefaulttimeout()} has at call time, which is what Python's
 * {@code _GLOBAL_DEFAULT_TIMEOUT} means).
 */
final class Signatures {
    private Signatures() {
    }

    /** A parameter; defaultSrc null means required. */
    record Param(String name, String defaultSrc) {
    }

    static final String DEFAULT_TIMEOUT = "<getdefaulttimeout()>";

    private static final Map<String, String> TABLE = Map.ofEntries(
            // module socket
            Map.entry("socket.socket", "family=-1, type=-1, proto=-1, fileno=None"),
            Map.entry("socket.socketpair", "family=AF_UNIX, type=SOCK_STREAM, proto=0"),
            Map.entry("socket.fromfd", "fd, family, type, proto=0"),
            Map.entry("socket.create_connection",
                    "address, timeout=" + DEFAULT_TIMEOUT + ", source_address=None, all_errors=False"),
            Map.entry("socket.create_server",
                    "address, family=AF_INET, backlog=None, reuse_port=False, dualstack_ipv6=False"),
            Map.entry("socket.getaddrinfo", "host, port, family=0, type=0, proto=0, flags=0"),
            Map.entry("socket.getnameinfo", "sockaddr, flags"),
            // socket objects
            Map.entry("SocketType.recv", "bufsize, flags=0"),
            Map.entry("SocketType.recvfrom", "bufsize, flags=0"),
            Map.entry("SocketType.recv_into", "buffer, nbytes=0, flags=0"),
            Map.entry("SocketType.recvfrom_into", "buffer, nbytes=0, flags=0"),
            Map.entry("SocketType.send", "data, flags=0"),
            Map.entry("SocketType.sendall", "data, flags=0"),
            Map.entry("SocketType.getsockopt", "level, optname, buflen=0"),
            Map.entry("SocketType.setsockopt", "level, optname, value, optlen"),
            Map.entry("SocketType.listen", "backlog"),
            Map.entry("SocketType.makefile", "mode='r', buffering=None, encoding=None, errors=None, newline=None"),
            // module select
            Map.entry("select.select", "rlist, wlist, xlist, timeout=None"),
            Map.entry("select.epoll", "sizehint=-1, flags=0"),
            Map.entry("epoll.poll", "timeout=None, maxevents=-1"),
            Map.entry("epoll.register", "fd, eventmask=7"),
            Map.entry("epoll.modify", "fd, eventmask"),
            Map.entry("poll.register", "fd, eventmask=7"),
            Map.entry("poll.modify", "fd, eventmask"),
            Map.entry("poll.poll", "timeout=None"),
            // selectors
            Map.entry("register", "fileobj, events, data=None"),
            Map.entry("modify", "fileobj, events, data=None"),
            Map.entry("select", "timeout=None"));

    /** The parameters of {@code owner.method}, or null when the table has no entry. */
    static List<Param> lookup(String ownerSimpleName, String method) {
        String spec = TABLE.get(ownerSimpleName + "." + method);
        if (spec == null && !ownerSimpleName.equals("socket") && !ownerSimpleName.equals("select")) {
            spec = TABLE.get(method);
        }
        if (spec == null) {
            return null;
        }
        List<Param> out = new ArrayList<>();
        for (String p : spec.split(",\\s*")) {
            int eq = p.indexOf('=');
            out.add(eq < 0 ? new Param(p, null) : new Param(p.substring(0, eq), p.substring(eq + 1)));
        }
        return out;
    }

    /** Every entry, for the documentation page. */
    static Map<String, String> table() {
        return new java.util.TreeMap<>(TABLE);
    }
}
