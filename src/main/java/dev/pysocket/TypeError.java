// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/** Python's {@code TypeError}: an argument has a type Python would refuse (where Java's static types still let it through). */
public class TypeError extends RuntimeException {
    /**
     * {@code TypeError(message)}.
     *
     * @param message the whole message, Python's {@code str(e)}, e.g.
     *     {@code a bytes-like object is required, not 'str'}
     */
    public TypeError(String message) {
        super(message);
    }
}
