package dev.pysocket;

/** Python's {@code ConnectionError}: the base of the connection errors. */
public class ConnectionError extends OSError {
    /** {@code ConnectionError(errno, strerror)}. */
    public ConnectionError(int errno, String strerror) {
        super(errno, strerror);
    }

    /** {@code ConnectionError(message)}, with errno None. */
    public ConnectionError(String message) {
        super(message);
    }
}
