// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/** Python's {@code ValueError}: an argument has the right type but a bad value. */
public class ValueError extends RuntimeException {
    /**
     * {@code ValueError(message)}.
     *
     * @param message the whole message, Python's {@code str(e)}, e.g.
     *     {@code negative buffersize in recv}
     */
    public ValueError(String message) {
        super(message);
    }
}
