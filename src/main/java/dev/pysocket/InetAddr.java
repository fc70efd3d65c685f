// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/**
 * Python's AF_INET address tuple {@code (host, port)}; an AF_INET6 socket takes it too, with
 * flowinfo and scope_id 0. Prints as {@code ('127.0.0.1', 8000)}.
 *
 * @param host a numeric address or a name; {@code ""} means INADDR_ANY and
 *             {@code "<broadcast>"} INADDR_BROADCAST, as in CPython
 * @param port 0-65535
 */
public record InetAddr(String host, int port) implements IpAddress {
    @Override
    public String toString() {
        return Py.tuple(host, port);
    }
}
