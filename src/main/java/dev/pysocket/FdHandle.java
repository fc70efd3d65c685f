package dev.pysocket;

import static dev.pysocket.bindings.posix_h.ECONNRESET;
import static dev.pysocket.bindings.posix_h.SHUT_RDWR;

import dev.pysocket.syscall.Posix;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A file descriptor shared by the threads that use it, closed safely while they do.
 *
 * <p>Every call holds the descriptor ({@link #acquire()} .. {@link #release()}) for the length of
 * the syscall, so the number cannot be closed and reused by another open() under a call in
 * flight. {@link #close()} marks the handle closed at once, so new calls fail with EBADF; if calls
 * are in flight it shuts the socket down to wake those blocked in the kernel, and the last one out
 * closes the descriptor. (CPython closes the descriptor under a blocked thread, which then hangs
 * or, worse, acts on a reused number; see docs/mapping.md.)
 */
final class FdHandle {
    private static final int CLOSED = 1 << 30;
    private static final int DETACHED = 1 << 29;
    private static final int USERS = DETACHED - 1;

    private final int fd;
    private final AtomicInteger state = new AtomicInteger();

    FdHandle(int fd) {
        this.fd = fd;
    }

    /** The descriptor, held for one call; raises EBADF once the handle is closed. */
    int acquire() throws OSError {
        for (;;) {
            int s = state.get();
            if ((s & CLOSED) != 0) {
                throw Errno.badf();
            }
            if (state.compareAndSet(s, s + 1)) {
                return fd;
            }
        }
    }

    /** Ends one call; the last call out of a closed handle closes the descriptor. */
    void release() {
        int s = state.decrementAndGet();
        if ((s & USERS) == 0 && (s & CLOSED) != 0 && (s & DETACHED) == 0) {
            Posix.close(fd);
        }
    }

    boolean isClosed() {
        return (state.get() & CLOSED) != 0;
    }

    /** The descriptor number while open, else -1 (Python's {@code fileno()} after close). */
    int fileno() {
        return isClosed() ? -1 : fd;
    }

    /**
     * Closes the descriptor now, or when the calls in flight end. A second close does nothing.
     * Like CPython, ECONNRESET from close(2) is not an error.
     */
    void close() throws OSError {
        // Mark closed and take a reference in one step, so the descriptor cannot be closed by a
        // releasing caller while this method still uses the number.
        int s = state.getAndUpdate(v -> (v & CLOSED) != 0 ? v : (v | CLOSED) + 1);
        if ((s & CLOSED) != 0) {
            return;
        }
        if ((s & USERS) != 0) {
            Posix.shutdown(fd, SHUT_RDWR()); // wakes threads blocked on it; the last one closes
            release();
            return;
        }
        state.decrementAndGet(); // nobody else holds it, and nobody can acquire it any more
        if (Posix.close(fd) < 0) {
            int err = Posix.errno();
            if (err != ECONNRESET()) {
                throw Errno.exception(err);
            }
        }
    }

    /** Marks the handle closed without closing the descriptor, and returns it (-1 if closed). */
    int detach() {
        int s = state.getAndUpdate(v -> v | CLOSED | DETACHED);
        return (s & CLOSED) != 0 ? -1 : fd;
    }
}
