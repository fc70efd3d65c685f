package dev.pysocket;

import java.io.IOException;

/**
 * Python's {@code OSError}: the base of every error a socket call reports.
 *
 * <p>{@code OSError(errno, strerror)} prints as {@code [Errno 111] Connection refused}, like
 * Python's {@code str(e)}; {@code OSError(message)} has no errno and prints the message alone.
 * It is a checked {@link IOException} so that Java code handles it like any other I/O failure.
 * Instances for an errno are made by {@link Errno#exception(int)}, which picks the subclass
 * CPython picks.
 */
public class OSError extends IOException {
    private final Integer errno;
    private final String strerror;

    /** {@code OSError(errno, strerror)}. */
    public OSError(int errno, String strerror) {
        super("[Errno " + errno + "] " + strerror);
        this.errno = errno;
        this.strerror = strerror;
    }

    /** {@code OSError(message)}: errno and strerror are None. */
    public OSError(String message) {
        super(message);
        this.errno = null;
        this.strerror = null;
    }

    /** {@code e.errno}: the error number, or null for Python's None. */
    public Integer errno() {
        return errno;
    }

    /** {@code e.strerror}: the system's message for errno, or null for Python's None. */
    public String strerror() {
        return strerror;
    }

    /** Python's {@code repr(e)}, e.g. {@code ConnectionRefusedError(111, 'Connection refused')}. */
    public String repr() {
        String name = getClass().getSimpleName();
        return errno != null
                ? name + "(" + errno + ", " + Py.repr(strerror) + ")"
                : name + "(" + Py.repr(getMessage()) + ")";
    }
}
