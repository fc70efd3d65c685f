// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.util.List;

/**
 * Python's {@code ExceptionGroup}, raised by {@code create_connection(..., all_errors=True)}
 * with every attempt's error. Prints as Python's str: {@code create_connection failed (2
 * sub-exceptions)}.
 */
public final class ExceptionGroup extends RuntimeException {
    private final transient List<Exception> exceptions;

    /**
     * {@code ExceptionGroup(message, exceptions)}.
     *
     * @param message    the group's message without the count, e.g.
     *     {@code create_connection failed}
     * @param exceptions the errors grouped, in order (Python's {@code eg.exceptions}); each is also
     *     added as a suppressed exception, so a Java stack trace shows them
     */
    public ExceptionGroup(String message, List<? extends Exception> exceptions) {
        super(message + " (" + exceptions.size() + " sub-exception" + (exceptions.size() == 1 ? "" : "s") + ")");
        this.exceptions = List.copyOf(exceptions);
        exceptions.forEach(this::addSuppressed);
    }

    /**
     * {@code eg.exceptions}.
     *
     * @return the grouped errors, in the order they happened; an unmodifiable list
     */
    public List<Exception> exceptions() {
        return exceptions;
    }
}
