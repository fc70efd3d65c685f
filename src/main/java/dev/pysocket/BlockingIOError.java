// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/** Python's {@code BlockingIOError}: raised for EAGAIN, EWOULDBLOCK, EINPROGRESS and EALREADY. */
public class BlockingIOError extends OSError {
    /**
     * {@code BlockingIOError(errno, strerror)}.
     *
     * @param errno    Python's {@code e.errno}: the error number, normally EAGAIN (also
     *     EWOULDBLOCK), EALREADY or EINPROGRESS, the errno for which CPython raises this class
     * @param strerror Python's {@code e.strerror}: the system's message for errno; the exception
     *     prints as {@code [Errno 11] Resource temporarily unavailable}
     */
    public BlockingIOError(int errno, String strerror) {
        super(errno, strerror);
    }

    /**
     * {@code BlockingIOError(message)}, with errno None.
     *
     * @param message the whole message, Python's {@code str(e)}; {@code e.errno} and
     *     {@code e.strerror} are None (null)
     */
    public BlockingIOError(String message) {
        super(message);
    }
}
