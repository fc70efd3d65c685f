// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/** Python's {@code ConnectionRefusedError}: raised for ECONNREFUSED. */
public class ConnectionRefusedError extends ConnectionError {
    /**
     * {@code ConnectionRefusedError(errno, strerror)}.
     *
     * @param errno    Python's {@code e.errno}: the error number, normally ECONNREFUSED, the errno
     *     for which CPython raises this class
     * @param strerror Python's {@code e.strerror}: the system's message for errno; the exception
     *     prints as {@code [Errno 111] Connection refused}
     */
    public ConnectionRefusedError(int errno, String strerror) {
        super(errno, strerror);
    }

    /**
     * {@code ConnectionRefusedError(message)}, with errno None.
     *
     * @param message the whole message, Python's {@code str(e)}; {@code e.errno} and
     *     {@code e.strerror} are None (null)
     */
    public ConnectionRefusedError(String message) {
        super(message);
    }
}
