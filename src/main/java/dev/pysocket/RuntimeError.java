// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/** Python's {@code RuntimeError}: an operation is not allowed in the object's state (e.g. a closed selector). */
public class RuntimeError extends RuntimeException {
    /**
     * {@code RuntimeError(message)}.
     *
     * @param message the whole message, Python's {@code str(e)}, e.g.
     *     {@code concurrent poll() invocation}
     */
    public RuntimeError(String message) {
        super(message);
    }
}
