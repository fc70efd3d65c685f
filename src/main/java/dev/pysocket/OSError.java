// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.io.IOException;

/**
 * Python's {@code OSError}: the base of every error a socket call reports.
 *
 * <p>{@code OSError(errno, strerror)} prints as {@code [Errno 111] Connection refused}, like
 * Python's {@code str(e)}; {@code OSError(message)} has no errno and prints the message alone.
 * It is a checked {@link IOException} so that Java code handles it like any other I/O failure.
 * Instances for an errno are made by {@link Errno#exception(int)}, which picks the subclass
 * CPython picks; {@link #of(int, String)} is the public spelling of Python's
 * {@code OSError(errno, strerror)} call, which does the same. {@code new OSError(errno, strerror)}
 * always makes this class itself, as Java constructors must.
 *
 * <p>The porter's idiom for Python's {@code e.errno == EWOULDBLOCK} is
 * {@code e.is(EWOULDBLOCK)}: Java's {@code e.errno() == EWOULDBLOCK} unboxes the Integer and
 * throws NullPointerException when errno is None (a socket timeout, for one).
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
     * Python's {@code OSError(errno, strerror)}: an exception of the subclass CPython's OSError
     * constructor picks for errno ({@code OSError.of(11, "x")} is a {@link BlockingIOError},
     * {@code OSError.of(111, "x")} a {@link ConnectionRefusedError}; numbers without a subclass
     * give OSError itself). Throw it with {@code throw OSError.of(...)}.
     *
     * @param errno    the error number, e.g. {@link dev.pysocket.errno#ECONNREFUSED}
     * @param strerror the message, e.g. {@link dev.pysocket.errno#strerror(int)} of errno
     * @return the new exception, printing as {@code [Errno errno] strerror}
     */
    public static OSError of(int errno, String strerror) {
        return Errno.exception(errno, strerror);
    }

    /**
     * Python's {@code e.errno in (a, b, ...)}, or {@code e.errno == a} with one number: whether
     * errno is one of the numbers. False when errno is None, where Java's
     * {@code e.errno() == a} would throw NullPointerException.
     *
     * @param errnos the error numbers to test against, e.g. {@code EAGAIN, EWOULDBLOCK}
     * @return true if errno is not None and equals one of them
     */
    public boolean is(int... errnos) {
        if (errno != null) {
            for (int e : errnos) {
                if (e == errno) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * {@code e.errno}: the error number, or null for Python's None (a TimeoutError('timed out'),
     * say); compare it with {@link #is(int...)}, which cannot throw on None.
     *
     * @return the errno, or null
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
