// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/** Python's {@code BrokenPipeError}: raised for EPIPE and ESHUTDOWN. */
public class BrokenPipeError extends ConnectionError {
    /**
     * {@code BrokenPipeError(errno, strerror)}.
     *
     * @param errno    Python's {@code e.errno}: the error number, normally EPIPE or ESHUTDOWN, the
     *     errno for which CPython raises this class
     * @param strerror Python's {@code e.strerror}: the system's message for errno; the exception
     *     prints as {@code [Errno 32] Broken pipe}
     */
    public BrokenPipeError(int errno, String strerror) {
        super(errno, strerror);
    }

    /**
     * {@code BrokenPipeError(message)}, with errno None.
     *
     * @param message the whole message, Python's {@code str(e)}; {@code e.errno} and
     *     {@code e.strerror} are None (null)
     */
    public BrokenPipeError(String message) {
        super(message);
    }
}
