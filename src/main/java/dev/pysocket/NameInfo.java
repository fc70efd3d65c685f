// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/**
 * The result of {@code getnameinfo()}: Python's {@code (host, port)}, both str.
 *
 * @param host the host name, or the numeric address with NI_NUMERICHOST
 * @param port the service name, or the port number as text with NI_NUMERICSERV
 */
public record NameInfo(String host, String port) {
    @Override
    public String toString() {
        return Py.tuple(host, port);
    }
}
