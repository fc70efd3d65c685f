// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/**
 * Python's tuple {@code (nbytes, address)}: the result of {@code recvfrom_into()}: the byte count and the sender's address. Prints like the Python tuple and destructures with a
 * record pattern.
 *
 * @param nbytes  how many bytes were written into the buffer
 * @param address the sender's address, or null (None) when the kernel gives none, as on a connected
 *     TCP socket or a socket pair
 */
public record RecvFromInto(int nbytes, Address address) {
    @Override
    public String toString() {
        return Py.tuple(nbytes, address);
    }
}
