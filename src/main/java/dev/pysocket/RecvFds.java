// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Python's tuple {@code (msg, fds, msg_flags, address)}: the result of
 * {@code socket.recv_fds()}. The descriptors in {@code fds} are new ones the caller owns and must
 * close (they are inheritable, as CPython leaves them). Prints like the Python tuple and
 * destructures with a record pattern.
 *
 * @param msg       the data bytes received
 * @param fds       the descriptors received, new and the caller's to close
 * @param msg_flags the message's MSG_ flags (MSG_CTRUNC when more descriptors came than maxfds)
 * @param address   the sender's address, or null (None) when the kernel gives none, as on a
 *     connected TCP socket or a socket pair
 */
public record RecvFds(byte[] msg, List<Integer> fds, int msg_flags, Address address) {
    @Override
    public boolean equals(Object o) {
        return o instanceof RecvFds r && Arrays.equals(r.msg, msg) && Objects.equals(r.fds, fds)
                && r.msg_flags == msg_flags && Objects.equals(r.address, address);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(msg), fds, msg_flags, address);
    }

    @Override
    public String toString() {
        return Py.tuple(msg, fds, msg_flags, address);
    }
}
