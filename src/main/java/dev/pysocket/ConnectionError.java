// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/** Python's {@code ConnectionError}: the base of the connection errors. */
public class ConnectionError extends OSError {
    /**
     * {@code ConnectionError(errno, strerror)}.
     *
     * @param errno    Python's {@code e.errno}: the error number (the errno table itself picks a
     *     subclass: BrokenPipeError, ConnectionAbortedError, ConnectionRefusedError or
     *     ConnectionResetError)
     * @param strerror Python's {@code e.strerror}: the system's message for errno; the exception
     *     prints as {@code [Errno N] strerror}
     */
    public ConnectionError(int errno, String strerror) {
        super(errno, strerror);
    }

    /**
     * {@code ConnectionError(message)}, with errno None.
     *
     * @param message the whole message, Python's {@code str(e)}; {@code e.errno} and
     *     {@code e.strerror} are None (null)
     */
    public ConnectionError(String message) {
        super(message);
    }
}
