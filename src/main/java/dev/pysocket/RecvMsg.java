// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Python's tuple {@code (data, ancdata, msg_flags, address)}: the result of {@code recvmsg()}.
 * {@code address} is null (None) when the kernel gave none, as for a connected socket pair.
 * Prints like the Python tuple and destructures with a record pattern; equal, like tuples, when
 * the values are (the data compared by content).
 *
 * @param data      the bytes received, at most bufsize
 * @param ancdata   the control messages received, as {@code (cmsg_level, cmsg_type, cmsg_data)}
 * @param msg_flags the message's MSG_ flags: MSG_TRUNC (data cut to bufsize), MSG_CTRUNC (control
 *     data cut to ancbufsize), MSG_EOR, MSG_OOB
 * @param address   the sender's address, or null (None) when the kernel gives none, as on a
 *     connected TCP socket or a socket pair
 */
public record RecvMsg(byte[] data, List<AncData> ancdata, int msg_flags, Address address) {
    @Override
    public boolean equals(Object o) {
        return o instanceof RecvMsg r && Arrays.equals(r.data, data) && Objects.equals(r.ancdata, ancdata)
                && r.msg_flags == msg_flags && Objects.equals(r.address, address);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(data), ancdata, msg_flags, address);
    }

    @Override
    public String toString() {
        return Py.tuple(data, ancdata, msg_flags, address);
    }
}
