// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/**
 * Python's {@code AttributeError}: what CPython raises where a function written in Python calls
 * a method on None, e.g. {@code socket.send_fds(None, ...)}.
 */
public class AttributeError extends RuntimeException {
    /**
     * {@code AttributeError(message)}.
     *
     * @param message Python's message, e.g. {@code 'NoneType' object has no attribute 'sendmsg'}
     */
    public AttributeError(String message) {
        super(message);
    }
}
