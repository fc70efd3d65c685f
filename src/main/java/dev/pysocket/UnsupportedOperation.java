// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/**
 * Python's {@code io.UnsupportedOperation}: a file object asked for what its mode does not allow
 * (reading a {@code 'wb'} file, say). Python's class is both an OSError and a ValueError; Java's
 * single inheritance keeps OSError, so errno is None.
 */
public class UnsupportedOperation extends OSError {
    /**
     * {@code UnsupportedOperation(message)}.
     *
     * @param message CPython's message, e.g. {@code "read"} or {@code "not writable"}
     */
    public UnsupportedOperation(String message) {
        super(message);
    }
}
