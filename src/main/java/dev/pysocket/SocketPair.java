package dev.pysocket;

/**
 * Python's tuple {@code (a, b)}: the result of {@code socketpair()}: two connected sockets. Prints like the Python tuple and destructures with a
 * record pattern.
 */
public record SocketPair(SocketType a, SocketType b) {
    @Override
    public String toString() {
        return Py.tuple(a, b);
    }
}
