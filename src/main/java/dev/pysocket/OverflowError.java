// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/** Python's {@code OverflowError}: an integer argument is out of the C type's range. */
public class OverflowError extends ArithmeticException {
    /**
     * {@code OverflowError(message)}.
     *
     * @param message the whole message, Python's {@code str(e)}, e.g.
     *     {@code htons: Python int too large to convert to C 16-bit unsigned integer}
     */
    public OverflowError(String message) {
        super(message);
    }
}
