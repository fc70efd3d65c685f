// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/** Python's {@code ConnectionResetError}: raised for ECONNRESET. */
public class ConnectionResetError extends ConnectionError {
    /**
     * {@code ConnectionResetError(errno, strerror)}.
     *
     * @param errno    Python's {@code e.errno}: the error number, normally ECONNRESET, the errno
     *     for which CPython raises this class
     * @param strerror Python's {@code e.strerror}: the system's message for errno; the exception
     *     prints as {@code [Errno 104] Connection reset by peer}
     */
    public ConnectionResetError(int errno, String strerror) {
        super(errno, strerror);
    }

    /**
     * {@code ConnectionResetError(message)}, with errno None.
     *
     * @param message the whole message, Python's {@code str(e)}; {@code e.errno} and
     *     {@code e.strerror} are None (null)
     */
    public ConnectionResetError(String message) {
        super(message);
    }
}
