package dev.pysocket;

/** Python's {@code ConnectionRefusedError}: raised for ECONNREFUSED. */
public class ConnectionRefusedError extends ConnectionError {
    /** {@code ConnectionRefusedError(errno, strerror)}. */
    public ConnectionRefusedError(int errno, String strerror) {
        super(errno, strerror);
    }

    /** {@code ConnectionRefusedError(message)}, with errno None. */
    public ConnectionRefusedError(String message) {
        super(message);
    }
}
