package dev.pysocket;

/** Python's {@code PermissionError}: raised for EACCES and EPERM. */
public class PermissionError extends OSError {
    /** {@code PermissionError(errno, strerror)}. */
    public PermissionError(int errno, String strerror) {
        super(errno, strerror);
    }

    /** {@code PermissionError(message)}, with errno None. */
    public PermissionError(String message) {
        super(message);
    }
}
