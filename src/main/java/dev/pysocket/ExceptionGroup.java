package dev.pysocket;

import java.util.List;

/**
 * Python's {@code ExceptionGroup}, raised by {@code create_connection(..., all_errors=True)}
 * with every attempt's error. Prints as Python's str: {@code create_connection failed (2
 * sub-exceptions)}.
 */
public final class ExceptionGroup extends RuntimeException {
    private final transient List<Exception> exceptions;

    /** {@code ExceptionGroup(message, exceptions)}. */
    public ExceptionGroup(String message, List<? extends Exception> exceptions) {
        super(message + " (" + exceptions.size() + " sub-exception" + (exceptions.size() == 1 ? "" : "s") + ")");
        this.exceptions = List.copyOf(exceptions);
        exceptions.forEach(this::addSuppressed);
    }

    /** {@code eg.exceptions}. */
    public List<Exception> exceptions() {
        return exceptions;
    }
}
