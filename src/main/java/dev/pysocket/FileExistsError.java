// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/** Python's {@code FileExistsError}: raised for EEXIST. */
public class FileExistsError extends OSError {
    /**
     * {@code FileExistsError(errno, strerror)}.
     *
     * @param errno    Python's {@code e.errno}: the error number, normally EEXIST, the errno for
     *     which CPython raises this class
     * @param strerror Python's {@code e.strerror}: the system's message for errno; the exception
     *     prints as {@code [Errno 17] File exists}
     */
    public FileExistsError(int errno, String strerror) {
        super(errno, strerror);
    }

    /**
     * {@code FileExistsError(message)}, with errno None.
     *
     * @param message the whole message, Python's {@code str(e)}; {@code e.errno} and
     *     {@code e.strerror} are None (null)
     */
    public FileExistsError(String message) {
        super(message);
    }
}
