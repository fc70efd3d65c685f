// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/**
 * Python's {@code MemoryError}: the memory a call needs cannot be had (CPython raises it where
 * malloc fails, e.g. {@code epoll.poll(0, 2**31 - 1)}). Never Java's OutOfMemoryError.
 */
public class MemoryError extends RuntimeException {
    /**
     * {@code MemoryError()}: no message, as CPython's.
     */
    public MemoryError() {
        super("");
    }
}
