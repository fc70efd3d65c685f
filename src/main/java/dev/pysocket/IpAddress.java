// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/**
 * An IP socket address, AF_INET's {@link InetAddr} or AF_INET6's {@link Inet6Addr}: what a porter
 * reads as {@code addr[0]} and {@code addr[1]} in Python, {@code host()} and {@code port()} here,
 * without a cast. {@code if (sock.getsockname() instanceof IpAddress a) a.port()}.
 */
public sealed interface IpAddress extends Address permits InetAddr, Inet6Addr {
    /**
     * Python's {@code addr[0]}.
     *
     * @return the host: a numeric address as the kernel gave it, or the name the caller passed
     */
    String host();

    /**
     * Python's {@code addr[1]}.
     *
     * @return the port, 0-65535
     */
    int port();
}
