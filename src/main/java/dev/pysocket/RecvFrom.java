// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.util.Arrays;
import java.util.Objects;

/**
 * Python's tuple {@code (bytes, address)}: the result of {@code recvfrom()}: the data and the
 * sender's address. Prints like the Python tuple and destructures with a record pattern; equal,
 * like tuples, when the values are (the data compared by content).
 *
 * @param data    the bytes received
 * @param address the sender's address, or null (None) when the kernel gave none
 */
public record RecvFrom(byte[] data, Address address) {
    @Override
    public boolean equals(Object o) {
        return o instanceof RecvFrom r && Arrays.equals(r.data, data) && Objects.equals(r.address, address);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(data), address);
    }

    @Override
    public String toString() {
        return Py.tuple(data, address);
    }
}
