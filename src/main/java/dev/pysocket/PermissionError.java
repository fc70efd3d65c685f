// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/** Python's {@code PermissionError}: raised for EACCES and EPERM. */
public class PermissionError extends OSError {
    /**
     * {@code PermissionError(errno, strerror)}.
     *
     * @param errno    Python's {@code e.errno}: the error number, normally EACCES or EPERM, the
     *     errno for which CPython raises this class
     * @param strerror Python's {@code e.strerror}: the system's message for errno; the exception
     *     prints as {@code [Errno 13] Permission denied}
     */
    public PermissionError(int errno, String strerror) {
        super(errno, strerror);
    }

    /**
     * {@code PermissionError(message)}, with errno None.
     *
     * @param message the whole message, Python's {@code str(e)}; {@code e.errno} and
     *     {@code e.strerror} are None (null)
     */
    public PermissionError(String message) {
        super(message);
    }
}
