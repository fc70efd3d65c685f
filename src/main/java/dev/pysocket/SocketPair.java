package dev.pysocket;

/**
 * Python's tuple {@code (a, b)}: the result of {@code socketpair()}: two connected sockets. Prints like the Python tuple and destructures with a
 * record pattern.
 *
 * @param a one end, connected to b
 * @param b the other end; each is the caller's to close
 */
public record SocketPair(SocketType a, SocketType b) {
    @Override
    public String toString() {
        return Py.tuple(a, b);
    }
}
