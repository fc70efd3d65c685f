package dev.pysocket;

/** Python's {@code RuntimeError}: an operation is not allowed in the object's state (e.g. a closed selector). */
public class RuntimeError extends RuntimeException {
    /** {@code RuntimeError(message)}. */
    public RuntimeError(String message) {
        super(message);
    }
}
