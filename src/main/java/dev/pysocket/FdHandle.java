// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.bindings.posix_h.*;

import dev.pysocket.syscall.Posix;
import dev.pysocket.syscall.Scratch;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A file descriptor shared by the threads that use it, closed safely while they do.
 *
 * <p>Every call holds the descriptor ({@link #acquire()} .. {@link #release()}) for the length of
 * the syscall, so the number cannot be closed and reused by another open() under a call in
 * flight. {@link #close()} marks the handle closed at once, so new calls fail with EBADF. If calls
 * are in flight it closes the way the JDK's {@code NioSocketImpl} does, never with shutdown(2):
 * <ol>
 * <li><em>pre-close</em>: dup3(2) puts a dead socket (one end of a socketpair whose other end is
 *     closed, made for this close) on the number, atomically. This connection's file loses this reference (the peer
 *     sees nothing while a {@code dup()} of it is open), and any syscall that starts on the
 *     number from now on returns at once (EOF, EPIPE, POLLHUP);</li>
 * <li><em>wake</em>: virtual threads parked on the {@link Poller} for this descriptor are
 *     unparked, and platform threads that may be blocked in the kernel ({@link Caller}s
 *     registered here) get the {@link dev.pysocket.syscall.WakeSignal}, so their syscall returns
 *     EINTR;</li>
 * <li>each woken call sees the handle closed and raises EBADF; the last one out closes the
 *     number.</li>
 * </ol>
 * (CPython closes the descriptor under a blocked thread, which then hangs or, worse, acts on a
 * reused number; see docs/mapping.md.)
 */
final class FdHandle {
    private static final int CLOSED = 1 << 30;
    private static final int DETACHED = 1 << 29;
    private static final int USERS = DETACHED - 1;

    private final int fd;
    private final AtomicInteger state = new AtomicInteger();
    /**
     * Whether a virtual thread made the descriptor non-blocking while the socket is in blocking
     * mode (it must never block a carrier); from then on every thread waits on EAGAIN instead.
     */
    private volatile boolean nonBlockingForVirtual;
    /** Platform threads in a call that may block in the kernel: an intrusive list, guarded by this. */
    private Caller callers;

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

    // ---- blocking mode ---------------------------------------------------------------------

    /**
     * Sets O_NONBLOCK with ioctl(FIONBIO), as CPython does on Linux, unless a virtual thread
     * needs it set: then blocking mode stays emulated (the engine waits on EAGAIN).
     */
    void setBlocking(boolean block) throws OSError {
        if (block && nonBlockingForVirtual) {
            return;
        }
        ioctlNonBlocking(!block);
    }

    /** Whether a syscall on the descriptor may block in the kernel (blocking mode, not emulated). */
    boolean blocksInKernel() {
        return !nonBlockingForVirtual;
    }

    /** Makes the descriptor non-blocking for good, for a virtual thread calling in blocking mode. */
    void nonBlockingForVirtualThreads() throws OSError {
        if (!nonBlockingForVirtual) {
            synchronized (this) {
                if (!nonBlockingForVirtual) {
                    ioctlNonBlocking(true);
                    nonBlockingForVirtual = true;
                }
            }
        }
    }

    /** A dup() of a descriptor made non-blocking for virtual threads shares its file, and so its flag. */
    void inheritBlocking(FdHandle original) {
        nonBlockingForVirtual = original.nonBlockingForVirtual;
    }

    private void ioctlNonBlocking(boolean nonBlocking) throws OSError {
        MemorySegment word = Scratch.get().word;
        word.set(ValueLayout.JAVA_INT, 0, nonBlocking ? 1 : 0);
        int fd = acquire();
        try {
            Errno.check(Posix.ioctl(fd, FIONBIO(), word));
        } finally {
            release();
        }
    }

    // ---- platform threads that may block ---------------------------------------------------

    /** Registers the current platform thread as possibly blocked on this descriptor. */
    synchronized void enter(Caller c) {
        c.next = callers;
        c.prev = null;
        if (callers != null) {
            callers.prev = c;
        }
        callers = c;
    }

    synchronized void leave(Caller c) {
        if (c.prev != null) {
            c.prev.next = c.next;
        } else {
            callers = c.next;
        }
        if (c.next != null) {
            c.next.prev = c.prev;
        }
        c.next = c.prev = null;
    }

    // ---- close -------------------------------------------------------------------------------

    /**
     * Closes the descriptor now, or, with calls in flight, pre-closes it, wakes them, and lets
     * the last one close it. A second close does nothing. Like CPython, ECONNRESET from close(2)
     * is not an error.
     */
    void close() throws OSError {
        // Mark closed and take a reference in one step, so the descriptor cannot be closed by a
        // releasing caller while this method still uses the number.
        int s = state.getAndUpdate(v -> (v & CLOSED) != 0 ? v : (v | CLOSED) + 1);
        if ((s & CLOSED) != 0) {
            return;
        }
        if ((s & USERS) != 0) {
            Poller.wakeAll(fd);
            preClose(fd);
            synchronized (this) {
                for (Caller c = callers; c != null; c = c.next) {
                    c.signal();
                }
            }
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

    /**
     * Puts a dead socket on {@code fd}: one end of a fresh socketpair whose other end is closed.
     * Made per pre-close (a rare path: a close with calls in flight) rather than kept open for
     * the process, so that no descriptor of pysocket's own lives on for a program to close.
     */
    private static void preClose(int fd) {
        MemorySegment sv = Scratch.get().word;
        if (Posix.socketpair(AF_UNIX(), SOCK_STREAM() | SOCK_CLOEXEC(), 0, sv) < 0) {
            return; // out of descriptors: the woken calls still see the handle closed
        }
        int dead = sv.get(ValueLayout.JAVA_INT, 0);
        Posix.close(sv.get(ValueLayout.JAVA_INT, 4));
        Posix.dup3(dead, fd, O_CLOEXEC());
        Posix.close(dead);
    }
}
