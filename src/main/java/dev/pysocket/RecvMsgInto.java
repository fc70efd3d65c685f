package dev.pysocket;

import java.util.List;

/**
 * Python's tuple {@code (nbytes, ancdata, msg_flags, address)}: the result of
 * {@code recvmsg_into()}. Prints like the Python tuple and destructures with a record pattern.
 */
public record RecvMsgInto(int nbytes, List<AncData> ancdata, int msg_flags, Address address) {
    @Override
    public String toString() {
        return Py.tuple(nbytes, ancdata, msg_flags, address);
    }
}
