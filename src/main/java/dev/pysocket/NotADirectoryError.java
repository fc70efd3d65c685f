package dev.pysocket;

/** Python's {@code NotADirectoryError}: raised for ENOTDIR. */
public class NotADirectoryError extends OSError {
    /** {@code NotADirectoryError(errno, strerror)}. */
    public NotADirectoryError(int errno, String strerror) {
        super(errno, strerror);
    }

    /** {@code NotADirectoryError(message)}, with errno None. */
    public NotADirectoryError(String message) {
        super(message);
    }
}
