// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/** Python's {@code ChildProcessError}: raised for ECHILD. */
public class ChildProcessError extends OSError {
    /**
     * {@code ChildProcessError(errno, strerror)}.
     *
     * @param errno    Python's {@code e.errno}: the error number, normally ECHILD, the errno for
     *     which CPython raises this class
     * @param strerror Python's {@code e.strerror}: the system's message for errno; the exception
     *     prints as {@code [Errno 10] No child processes}
     */
    public ChildProcessError(int errno, String strerror) {
        super(errno, strerror);
    }

    /**
     * {@code ChildProcessError(message)}, with errno None.
     *
     * @param message the whole message, Python's {@code str(e)}; {@code e.errno} and
     *     {@code e.strerror} are None (null)
     */
    public ChildProcessError(String message) {
        super(message);
    }
}
