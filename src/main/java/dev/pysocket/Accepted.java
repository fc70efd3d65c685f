// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/**
 * Python's tuple {@code (conn, address)}: the result of {@code accept()}: the new socket and the
 * peer's address. Prints like the Python tuple and destructures with a record pattern;
 * try-with-resources closes the connection.
 *
 * @param conn    the connected socket
 * @param address the peer's address
 */
public record Accepted(SocketType conn, Address address) implements AutoCloseable {
    /**
     * Closes {@link #conn()}.
     *
     * @throws OSError if close(2) fails
     */
    @Override
    public void close() throws OSError {
        conn.close();
    }

    @Override
    public String toString() {
        return Py.tuple(conn, address);
    }
}
