// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/**
 * Python's tuple {@code (request, client_address)} that {@code server.get_request()} returns:
 * a connected {@link SocketType} for stream servers, a {@link DatagramRequest} for datagram ones.
 *
 * @param request the request
 * @param client_address the client's address
 */
public record ServerRequest(Object request, Address client_address) {
    @Override
    public String toString() {
        return Py.tuple(request, client_address);
    }
}
