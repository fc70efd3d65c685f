// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/**
 * Python's {@code socketserver} module: {@link TCPServer}, {@link UDPServer},
 * {@link UnixStreamServer}, {@link UnixDatagramServer}, their {@link ThreadingMixIn} variants
 * ({@link ThreadingTCPServer}, ...) and the handlers {@link BaseRequestHandler},
 * {@link StreamRequestHandler}, {@link DatagramRequestHandler}. The servers are classes of this
 * package; this class holds what the module itself documents. {@code ForkingMixIn} and its
 * servers are not provided: the JVM cannot fork (docs/mapping.md).
 */
public final class socketserver {
    private socketserver() {
    }
}
