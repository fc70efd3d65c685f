package dev.pysocket;

/** Python's {@code IsADirectoryError}: raised for EISDIR. */
public class IsADirectoryError extends OSError {
    /** {@code IsADirectoryError(errno, strerror)}. */
    public IsADirectoryError(int errno, String strerror) {
        super(errno, strerror);
    }

    /** {@code IsADirectoryError(message)}, with errno None. */
    public IsADirectoryError(String message) {
        super(message);
    }
}
