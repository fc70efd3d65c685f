package dev.pysocket;

/** Python's {@code InterruptedError}: raised for EINTR (which pysocket retries, as PEP 475 says). */
public class InterruptedError extends OSError {
    /** {@code InterruptedError(errno, strerror)}. */
    public InterruptedError(int errno, String strerror) {
        super(errno, strerror);
    }

    /** {@code InterruptedError(message)}, with errno None. */
    public InterruptedError(String message) {
        super(message);
    }
}
