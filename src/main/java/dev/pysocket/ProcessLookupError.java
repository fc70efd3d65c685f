package dev.pysocket;

/** Python's {@code ProcessLookupError}: raised for ESRCH. */
public class ProcessLookupError extends OSError {
    /** {@code ProcessLookupError(errno, strerror)}. */
    public ProcessLookupError(int errno, String strerror) {
        super(errno, strerror);
    }

    /** {@code ProcessLookupError(message)}, with errno None. */
    public ProcessLookupError(String message) {
        super(message);
    }
}
