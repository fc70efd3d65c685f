// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/** Python's {@code IsADirectoryError}: raised for EISDIR. */
public class IsADirectoryError extends OSError {
    /**
     * {@code IsADirectoryError(errno, strerror)}.
     *
     * @param errno    Python's {@code e.errno}: the error number, normally EISDIR, the errno for
     *     which CPython raises this class
     * @param strerror Python's {@code e.strerror}: the system's message for errno; the exception
     *     prints as {@code [Errno 21] Is a directory}
     */
    public IsADirectoryError(int errno, String strerror) {
        super(errno, strerror);
    }

    /**
     * {@code IsADirectoryError(message)}, with errno None.
     *
     * @param message the whole message, Python's {@code str(e)}; {@code e.errno} and
     *     {@code e.strerror} are None (null)
     */
    public IsADirectoryError(String message) {
        super(message);
    }
}
