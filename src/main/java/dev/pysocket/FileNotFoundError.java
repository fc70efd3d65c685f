package dev.pysocket;

/** Python's {@code FileNotFoundError}: raised for ENOENT. */
public class FileNotFoundError extends OSError {
    /** {@code FileNotFoundError(errno, strerror)}. */
    public FileNotFoundError(int errno, String strerror) {
        super(errno, strerror);
    }

    /** {@code FileNotFoundError(message)}, with errno None. */
    public FileNotFoundError(String message) {
        super(message);
    }
}
