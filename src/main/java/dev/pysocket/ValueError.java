package dev.pysocket;

/** Python's {@code ValueError}: an argument has the right type but a bad value. */
public class ValueError extends RuntimeException {
    /** {@code ValueError(message)}. */
    public ValueError(String message) {
        super(message);
    }
}
