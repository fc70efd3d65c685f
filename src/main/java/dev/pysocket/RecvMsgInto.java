// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.util.List;

/**
 * Python's tuple {@code (nbytes, ancdata, msg_flags, address)}: the result of
 * {@code recvmsg_into()}. Prints like the Python tuple and destructures with a record pattern.
 *
 * @param nbytes    how many bytes were written into the buffers, in order
 * @param ancdata   the control messages received, as {@code (cmsg_level, cmsg_type, cmsg_data)}
 * @param msg_flags the message's MSG_ flags: MSG_TRUNC, MSG_CTRUNC, MSG_EOR, MSG_OOB
 * @param address   the sender's address, or null (None) when the kernel gives none, as on a
 *     connected TCP socket or a socket pair
 */
public record RecvMsgInto(int nbytes, List<AncData> ancdata, int msg_flags, Address address) {
    @Override
    public String toString() {
        return Py.tuple(nbytes, ancdata, msg_flags, address);
    }
}
