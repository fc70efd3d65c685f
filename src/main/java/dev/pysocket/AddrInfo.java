package dev.pysocket;

/**
 * One entry of {@code getaddrinfo()}: Python's {@code (family, type, proto, canonname, sockaddr)}.
 * Prints like the Python tuple, e.g.
 * {@code (<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, '', ('127.0.0.1', 80))}.
 */
public record AddrInfo(AddressFamily family, SocketKind type, int proto, String canonname, Address sockaddr) {
    @Override
    public String toString() {
        return Py.tuple(family, type, proto, canonname, sockaddr);
    }
}
