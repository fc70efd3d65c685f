// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/** Python's {@code TimeoutError}: raised for ETIMEDOUT, and as {@code TimeoutError('timed out')} when a socket timeout expires (Python's {@code socket.timeout} is this class). */
public class TimeoutError extends OSError {
    /**
     * {@code TimeoutError(errno, strerror)}.
     *
     * @param errno    Python's {@code e.errno}: the error number, normally ETIMEDOUT, the errno for
     *     which CPython raises this class
     * @param strerror Python's {@code e.strerror}: the system's message for errno; the exception
     *     prints as {@code [Errno 110] Connection timed out}
     */
    public TimeoutError(int errno, String strerror) {
        super(errno, strerror);
    }

    /**
     * {@code TimeoutError(message)}, with errno None.
     *
     * @param message the whole message, Python's {@code str(e)}, as in
     *     {@code TimeoutError('timed out')} when a socket timeout expires; {@code e.errno} and
     *     {@code e.strerror} are None (null)
     */
    public TimeoutError(String message) {
        super(message);
    }
}
