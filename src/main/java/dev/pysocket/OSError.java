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
    /** Python's {@code e.errno}; null is None. */
    private final Integer errno;
    /** Python's {@code e.strerror}; null is None. */
    private final String strerror;

    /**
     * {@code OSError(errno, strerror)}.
     *
     * @param errno    Python's {@code e.errno}: the error number, e.g. 9 (EBADF); an errno with a
     *     subclass of its own is better made with that subclass, as {@code Errno} does
     * @param strerror Python's {@code e.strerror}: the system's message for errno, e.g.
     *     {@code Bad file descriptor}; the exception prints as
     *     {@code [Errno 9] Bad file descriptor}
     */
    public OSError(int errno, String strerror) {
        super("[Errno " + errno + "] " + strerror);
        this.errno = errno;
        this.strerror = strerror;
    }

    /**
     * {@code OSError(message)}: errno and strerror are None.
     *
     * @param message the whole message, Python's {@code str(e)}, e.g.
     *     {@code getsockopt buflen out of range}
     */
    public OSError(String message) {
        super(message);
        this.errno = null;
        this.strerror = null;
    }

    /**
     * {@code e.errno}: the error number, or null for Python's None.
     *
     * @return the error number, or null when the error has none (Python's None)
     */
    public Integer errno() {
        return errno;
    }

    /**
     * {@code e.strerror}: the system's message for errno, or null for Python's None.
     *
     * @return the message for errno, or null when the error has no errno (Python's None)
     */
    public String strerror() {
        return strerror;
    }

    /**
     * Python's {@code repr(e)}, e.g. {@code ConnectionRefusedError(111, 'Connection refused')}.
     *
     * @return the class name with Python's repr of the arguments: {@code Name(errno, 'strerror')}
     *     or {@code Name('message')}
     */
    public String repr() {
        String name = getClass().getSimpleName();
        return errno != null
                ? name + "(" + errno + ", " + Py.repr(strerror) + ")"
                : name + "(" + Py.repr(getMessage()) + ")";
    }
}
