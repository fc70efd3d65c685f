// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.util.Arrays;
import java.util.Objects;

/**
 * Python's tuple {@code (cmsg_level, cmsg_type, cmsg_data)}: one ancillary data item (control
 * message) that {@code sendmsg()} sends and {@code recvmsg()} returns. Prints like the Python
 * tuple and destructures with a record pattern; equal, like tuples, when the values are (the
 * data compared by content).
 *
 * @param cmsg_level the protocol level of the message, e.g. SOL_SOCKET
 * @param cmsg_type  its type at that level, e.g. SCM_RIGHTS (descriptors) or SCM_CREDENTIALS
 * @param cmsg_data  its data: for SCM_RIGHTS the descriptors as native-order C ints
 */
public record AncData(int cmsg_level, int cmsg_type, byte[] cmsg_data) {
    @Override
    public boolean equals(Object o) {
        return o instanceof AncData a && a.cmsg_level == cmsg_level && a.cmsg_type == cmsg_type
                && Arrays.equals(a.cmsg_data, cmsg_data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cmsg_level, cmsg_type, Arrays.hashCode(cmsg_data));
    }

    @Override
    public String toString() {
        return Py.tuple(cmsg_level, cmsg_type, cmsg_data);
    }
}
