// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/** Python's {@code LookupError}: an unknown codec or error handler name, as in {@code unknown encoding: x}. */
public class LookupError extends RuntimeException {
    /**
     * {@code LookupError(message)}.
     *
     * @param message CPython's message
     */
    public LookupError(String message) {
        super(message);
    }
}
