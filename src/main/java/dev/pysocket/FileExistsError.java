package dev.pysocket;

/** Python's {@code FileExistsError}: raised for EEXIST. */
public class FileExistsError extends OSError {
    /** {@code FileExistsError(errno, strerror)}. */
    public FileExistsError(int errno, String strerror) {
        super(errno, strerror);
    }

    /** {@code FileExistsError(message)}, with errno None. */
    public FileExistsError(String message) {
        super(message);
    }
}
