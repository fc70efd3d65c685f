// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/**
 * Python's tuple {@code (data, socket)}: a datagram server's request, the packet and the
 * server's socket to answer on.
 *
 * @param data the datagram
 * @param socket the server's socket
 */
public record DatagramRequest(byte[] data, SocketType socket) {
    @Override
    public String toString() {
        return Py.tuple(data, socket);
    }
}
