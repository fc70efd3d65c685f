// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/**
 * A socket address, as Python spells it: {@code (host, port)} for AF_INET ({@link InetAddr}),
 * {@code (host, port, flowinfo, scope_id)} for AF_INET6 ({@link Inet6Addr}), a str or bytes
 * path for AF_UNIX ({@link UnixAddr}), and {@code (family, bytes)} for families pysocket does
 * not decode ({@link RawAddr}). {@code toString()} is Python's {@code repr()} of the same value.
 *
 * <p>Like CPython, a socket checks the address against its own family when it is used, so an
 * AF_INET socket given a 4-tuple raises CPython's {@code TypeError}.
 */
public sealed interface Address permits IpAddress, UnixAddr, RawAddr {
}
