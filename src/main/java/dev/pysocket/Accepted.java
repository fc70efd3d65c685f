package dev.pysocket;

/**
 * Python's tuple {@code (conn, address)}: the result of {@code accept()}: the new socket and the peer's address. Prints like the Python tuple and destructures with a
 * record pattern.
 */
public record Accepted(SocketType conn, Address address) {
    @Override
    public String toString() {
        return Py.tuple(conn, address);
    }
}
