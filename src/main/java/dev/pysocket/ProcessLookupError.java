// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/** Python's {@code ProcessLookupError}: raised for ESRCH. */
public class ProcessLookupError extends OSError {
    /**
     * {@code ProcessLookupError(errno, strerror)}.
     *
     * @param errno    Python's {@code e.errno}: the error number, normally ESRCH, the errno for
     *     which CPython raises this class
     * @param strerror Python's {@code e.strerror}: the system's message for errno; the exception
     *     prints as {@code [Errno 3] No such process}
     */
    public ProcessLookupError(int errno, String strerror) {
        super(errno, strerror);
    }

    /**
     * {@code ProcessLookupError(message)}, with errno None.
     *
     * @param message the whole message, Python's {@code str(e)}; {@code e.errno} and
     *     {@code e.strerror} are None (null)
     */
    public ProcessLookupError(String message) {
        super(message);
    }
}
