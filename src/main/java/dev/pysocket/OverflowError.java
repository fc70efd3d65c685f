package dev.pysocket;

/** Python's {@code OverflowError}: an integer argument is out of the C type's range. */
public class OverflowError extends ArithmeticException {
    /** {@code OverflowError(message)}. */
    public OverflowError(String message) {
        super(message);
    }
}
