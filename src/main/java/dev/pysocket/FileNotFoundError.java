// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/** Python's {@code FileNotFoundError}: raised for ENOENT. */
public class FileNotFoundError extends OSError {
    /**
     * {@code FileNotFoundError(errno, strerror)}.
     *
     * @param errno    Python's {@code e.errno}: the error number, normally ENOENT, the errno for
     *     which CPython raises this class
     * @param strerror Python's {@code e.strerror}: the system's message for errno; the exception
     *     prints as {@code [Errno 2] No such file or directory}
     */
    public FileNotFoundError(int errno, String strerror) {
        super(errno, strerror);
    }

    /**
     * {@code FileNotFoundError(message)}, with errno None.
     *
     * @param message the whole message, Python's {@code str(e)}; {@code e.errno} and
     *     {@code e.strerror} are None (null)
     */
    public FileNotFoundError(String message) {
        super(message);
    }
}
