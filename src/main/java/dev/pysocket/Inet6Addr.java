// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/**
 * Python's AF_INET6 address tuple {@code (host, port, flowinfo, scope_id)}. Prints as
 * {@code ('::1', 8000, 0, 0)}.
 *
 * @param host     a numeric IPv6 address or a name
 * @param port     0-65535
 * @param flowinfo 0-1048575
 * @param scope_id an unsigned 32-bit interface index
 */
public record Inet6Addr(String host, int port, long flowinfo, long scope_id) implements IpAddress {
    /**
     * {@code (host, port)} for AF_INET6: flowinfo and scope_id 0.
     *
     * @param host a numeric IPv6 address or a name
     * @param port 0-65535
     */
    public Inet6Addr(String host, int port) {
        this(host, port, 0, 0);
    }

    @Override
    public String toString() {
        return Py.tuple(host, port, flowinfo, scope_id);
    }
}
