package dev.pysocket;

import static dev.pysocket.bindings.posix_h.*;

import dev.pysocket.bindings.pollfd;
import dev.pysocket.syscall.Posix;
import dev.pysocket.syscall.Scratch;
import java.lang.foreign.MemorySegment;

/**
 * The one call engine every socket operation goes through, as CPython's {@code sock_call_ex}:
 * <ul>
 * <li>timeout None: the descriptor is blocking and the call simply runs;</li>
 * <li>timeout 0.0: the descriptor is non-blocking and EAGAIN is the caller's to see;</li>
 * <li>timeout &gt; 0: the descriptor is non-blocking; before each attempt the engine waits for
 *     readiness against one monotonic deadline (milliseconds rounded up), and an EAGAIN after
 *     a ready wait is spurious, so it waits again;</li>
 * <li>EINTR, from the call or the wait, is retried with the remaining time (PEP 475).</li>
 * </ul>
 * A socket closed by another thread while a call waits makes the call fail with EBADF.
 */
final class CallEngine {
    /**
     * One syscall attempt on {@code fd} with the call's buffer, length and flags: returns its
     * result (&gt;= 0), or minus the errno it failed with. The arguments travel through the engine
     * so that an operation is a constant, not a lambda capturing them: a call allocates nothing.
     */
    @FunctionalInterface
    interface Op {
        long run(int fd, MemorySegment buf, long len, int flags);
    }

    /** The readiness wait; replaceable as a whole (see {@link Readiness}). */
    static volatile Readiness readiness = CallEngine::pollOne;

    private CallEngine() {
    }

    /**
     * Runs {@code op} on the socket's descriptor under the socket's timeout.
     *
     * @param writing whether the call waits for POLLOUT (else POLLIN)
     */
    static long call(SocketType sock, boolean writing, Op op, MemorySegment buf, long len, int flags)
            throws OSError {
        return call(sock.handle(), sock.timeoutNanos(), writing, false, op, buf, len, flags);
    }

    /**
     * The engine itself. {@code timeoutNanos} &lt; 0 means no limit. {@code waitAlways} makes it
     * wait before each attempt even without a timeout: connect uses it to wait for EINPROGRESS
     * to end.
     */
    static long call(FdHandle handle, long timeoutNanos, boolean writing, boolean waitAlways, Op op,
                     MemorySegment buf, long len, int flags) throws OSError {
        int fd = handle.acquire();
        try {
            boolean timed = timeoutNanos > 0;
            long deadline = timed ? System.nanoTime() + timeoutNanos : 0;
            int events = writing ? POLLOUT() : POLLIN();
            if (waitAlways) {
                events |= POLLERR();
            }
            for (;;) {
                if (timed || waitAlways) {
                    int millis = -1;
                    if (timed) {
                        long remaining = deadline - System.nanoTime();
                        if (remaining < 0) {
                            throw Errno.timedOut();
                        }
                        millis = (int) Math.min(Integer.MAX_VALUE, (remaining + 999_999) / 1_000_000);
                    }
                    int ready = readiness.await(fd, events, millis);
                    if (handle.isClosed()) {
                        throw Errno.badf();
                    }
                    if (ready < 0) {
                        int err = Posix.errno();
                        if (err == EINTR()) {
                            continue;
                        }
                        throw Errno.exception(err);
                    }
                    if (ready == 0) {
                        throw Errno.timedOut();
                    }
                }
                long result;
                try {
                    result = op.run(fd, buf, len, flags);
                } catch (IllegalStateException e) {
                    throw Buffers.unusable(buf, e); // the caller's arena closed under the call
                }
                if (result > 0) {
                    return result;
                }
                if (handle.isClosed()) {
                    throw Errno.badf();
                }
                if (result == 0) {
                    return 0;
                }
                int err = (int) -result;
                if (err == EINTR()) {
                    continue;
                }
                if (timed && (err == EAGAIN() || err == EWOULDBLOCK())) {
                    continue;
                }
                throw Errno.exception(err);
            }
        } finally {
            handle.release();
        }
    }

    /** A syscall's result in the {@link Op} convention: itself, or minus errno when it failed. */
    static long check(long result) {
        return result < 0 ? -Posix.errno() : result;
    }

    /** The default wait: poll(2) on one descriptor, with this thread's scratch pollfd. */
    private static int pollOne(int fd, int events, int timeoutMillis) {
        MemorySegment pfd = Scratch.get().pollfd;
        pollfd.fd(pfd, fd);
        pollfd.events(pfd, (short) events);
        pollfd.revents(pfd, (short) 0);
        return Posix.poll(pfd, 1, timeoutMillis);
    }
}
