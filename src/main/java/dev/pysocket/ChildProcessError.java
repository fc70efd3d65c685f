package dev.pysocket;

/** Python's {@code ChildProcessError}: raised for ECHILD. */
public class ChildProcessError extends OSError {
    /** {@code ChildProcessError(errno, strerror)}. */
    public ChildProcessError(int errno, String strerror) {
        super(errno, strerror);
    }

    /** {@code ChildProcessError(message)}, with errno None. */
    public ChildProcessError(String message) {
        super(message);
    }
}
