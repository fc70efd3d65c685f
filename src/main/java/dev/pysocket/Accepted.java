package dev.pysocket;

/**
 * Python's tuple {@code (conn, address)}: the result of {@code accept()}: the new socket and the peer's address. Prints like the Python tuple and destructures with a
 * record pattern.
 *
 * @param conn    the new socket, connected to the peer; the caller's to close
 * @param address the peer's address, as {@code conn.getpeername()} would give it
 */
public record Accepted(SocketType conn, Address address) {
    @Override
    public String toString() {
        return Py.tuple(conn, address);
    }
}
