package dev.pysocket;

/** Python's {@code BlockingIOError}: raised for EAGAIN, EWOULDBLOCK, EINPROGRESS and EALREADY. */
public class BlockingIOError extends OSError {
    /** {@code BlockingIOError(errno, strerror)}. */
    public BlockingIOError(int errno, String strerror) {
        super(errno, strerror);
    }

    /** {@code BlockingIOError(message)}, with errno None. */
    public BlockingIOError(String message) {
        super(message);
    }
}
