// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/** Python's {@code InterruptedError}: raised for EINTR (which pysocket retries, as PEP 475 says). */
public class InterruptedError extends OSError {
    /**
     * {@code InterruptedError(errno, strerror)}.
     *
     * @param errno    Python's {@code e.errno}: the error number, normally EINTR, the errno for
     *     which CPython raises this class
     * @param strerror Python's {@code e.strerror}: the system's message for errno; the exception
     *     prints as {@code [Errno 4] Interrupted system call}
     */
    public InterruptedError(int errno, String strerror) {
        super(errno, strerror);
    }

    /**
     * {@code InterruptedError(message)}, with errno None.
     *
     * @param message the whole message, Python's {@code str(e)}; {@code e.errno} and
     *     {@code e.strerror} are None (null)
     */
    public InterruptedError(String message) {
        super(message);
    }
}
