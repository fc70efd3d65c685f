// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/**
 * Python's tuple {@code (a, b)}: the result of {@code socketpair()}: two connected sockets.
 * Prints like the Python tuple and destructures with a record pattern; try-with-resources closes
 * both sockets.
 *
 * @param a one end
 * @param b the other end
 */
public record SocketPair(SocketType a, SocketType b) implements AutoCloseable {
    /**
     * Closes both sockets, b even if closing a fails.
     *
     * @throws OSError if close(2) fails (the first failure; a second is suppressed)
     */
    @Override
    public void close() throws OSError {
        try (b) {
            a.close();
        }
    }

    @Override
    public String toString() {
        return Py.tuple(a, b);
    }
}
