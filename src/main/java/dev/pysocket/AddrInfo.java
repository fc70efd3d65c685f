// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/**
 * One entry of {@code getaddrinfo()}: Python's {@code (family, type, proto, canonname, sockaddr)}.
 * Prints like the Python tuple, e.g.
 * {@code (<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, '', ('127.0.0.1', 80))}.
 *
 * @param family    the address family, AF_INET or AF_INET6
 * @param type      the socket type to use with it, e.g. SOCK_STREAM
 * @param proto     the protocol to use with it, e.g. 6 (IPPROTO_TCP)
 * @param canonname the canonical name when AI_CANONNAME was asked for (in the first entry), else
 *     empty
 * @param sockaddr  the address, ready for {@code connect} or {@code bind}: an {@link InetAddr} or
 *     {@link Inet6Addr}
 */
public record AddrInfo(AddressFamily family, SocketKind type, int proto, String canonname, Address sockaddr) {
    @Override
    public String toString() {
        return Py.tuple(family, type, proto, canonname, sockaddr);
    }
}
