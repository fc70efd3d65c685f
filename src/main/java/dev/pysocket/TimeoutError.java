package dev.pysocket;

/** Python's {@code TimeoutError}: raised for ETIMEDOUT, and as {@code TimeoutError('timed out')} when a socket timeout expires (Python's {@code socket.timeout} is this class). */
public class TimeoutError extends OSError {
    /** {@code TimeoutError(errno, strerror)}. */
    public TimeoutError(int errno, String strerror) {
        super(errno, strerror);
    }

    /** {@code TimeoutError(message)}, with errno None. */
    public TimeoutError(String message) {
        super(message);
    }
}
