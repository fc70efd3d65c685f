package dev.pysocket;

/**
 * Python's tuple {@code (bytes, address)}: the result of {@code recvfrom()}: the data and the sender's address. Prints like the Python tuple and destructures with a
 * record pattern.
 *
 * @param data    the bytes received
 * @param address the sender's address, or null (None) when the kernel gives none, as on a connected
 *     TCP socket or a socket pair
 */
public record Received(byte[] data, Address address) {
    @Override
    public String toString() {
        return Py.tuple(data, address);
    }
}
