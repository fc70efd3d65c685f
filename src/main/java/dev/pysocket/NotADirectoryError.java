// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/** Python's {@code NotADirectoryError}: raised for ENOTDIR. */
public class NotADirectoryError extends OSError {
    /**
     * {@code NotADirectoryError(errno, strerror)}.
     *
     * @param errno    Python's {@code e.errno}: the error number, normally ENOTDIR, the errno for
     *     which CPython raises this class
     * @param strerror Python's {@code e.strerror}: the system's message for errno; the exception
     *     prints as {@code [Errno 20] Not a directory}
     */
    public NotADirectoryError(int errno, String strerror) {
        super(errno, strerror);
    }

    /**
     * {@code NotADirectoryError(message)}, with errno None.
     *
     * @param message the whole message, Python's {@code str(e)}; {@code e.errno} and
     *     {@code e.strerror} are None (null)
     */
    public NotADirectoryError(String message) {
        super(message);
    }
}
