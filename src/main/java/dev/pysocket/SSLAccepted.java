// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/**
 * Python's tuple {@code (conn, address)} from {@code SSLSocket.accept()}: the new connection,
 * already wrapped (and handshaken when do_handshake_on_connect), and the peer's address.
 *
 * @param conn the accepted TLS socket
 * @param address the peer's address
 */
public record SSLAccepted(SSLSocket conn, Address address) {
    @Override
    public String toString() {
        return Py.tuple(conn, address);
    }
}
