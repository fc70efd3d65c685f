// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/** Python's {@code ConnectionAbortedError}: raised for ECONNABORTED. */
public class ConnectionAbortedError extends ConnectionError {
    /**
     * {@code ConnectionAbortedError(errno, strerror)}.
     *
     * @param errno    Python's {@code e.errno}: the error number, normally ECONNABORTED, the errno
     *     for which CPython raises this class
     * @param strerror Python's {@code e.strerror}: the system's message for errno; the exception
     *     prints as {@code [Errno 103] Software caused connection abort}
     */
    public ConnectionAbortedError(int errno, String strerror) {
        super(errno, strerror);
    }

    /**
     * {@code ConnectionAbortedError(message)}, with errno None.
     *
     * @param message the whole message, Python's {@code str(e)}; {@code e.errno} and
     *     {@code e.strerror} are None (null)
     */
    public ConnectionAbortedError(String message) {
        super(message);
    }
}
