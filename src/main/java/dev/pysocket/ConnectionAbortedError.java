package dev.pysocket;

/** Python's {@code ConnectionAbortedError}: raised for ECONNABORTED. */
public class ConnectionAbortedError extends ConnectionError {
    /** {@code ConnectionAbortedError(errno, strerror)}. */
    public ConnectionAbortedError(int errno, String strerror) {
        super(errno, strerror);
    }

    /** {@code ConnectionAbortedError(message)}, with errno None. */
    public ConnectionAbortedError(String message) {
        super(message);
    }
}
