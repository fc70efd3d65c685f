package dev.pysocket;

/** Python's {@code ConnectionResetError}: raised for ECONNRESET. */
public class ConnectionResetError extends ConnectionError {
    /** {@code ConnectionResetError(errno, strerror)}. */
    public ConnectionResetError(int errno, String strerror) {
        super(errno, strerror);
    }

    /** {@code ConnectionResetError(message)}, with errno None. */
    public ConnectionResetError(String message) {
        super(message);
    }
}
