package dev.pysocket;

/** Python's {@code BrokenPipeError}: raised for EPIPE and ESHUTDOWN. */
public class BrokenPipeError extends ConnectionError {
    /** {@code BrokenPipeError(errno, strerror)}. */
    public BrokenPipeError(int errno, String strerror) {
        super(errno, strerror);
    }

    /** {@code BrokenPipeError(message)}, with errno None. */
    public BrokenPipeError(String message) {
        super(message);
    }
}
