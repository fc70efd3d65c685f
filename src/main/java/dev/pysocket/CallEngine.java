// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.bindings.posix_h.*;

import dev.pysocket.bindings.pollfd;
import dev.pysocket.syscall.Posix;
import dev.pysocket.syscall.Scratch;
import java.lang.foreign.MemorySegment;

/**
 * The one call engine every socket operation goes through, as CPython's {@code sock_call_ex},
 * with the JDK's way of waiting ({@code NioSocketImpl.park}):
 * <ul>
 * <li>the syscall is tried first; only when it says EAGAIN does the call wait, so timeout mode
 *     costs what blocking mode costs when the data is there (CPython polls first; the results
 *     are the same);</li>
 * <li>timeout 0.0 (non-blocking): EAGAIN is the caller's, as BlockingIOError;</li>
 * <li>timeout None (blocking): on a platform thread the descriptor is blocking and the syscall
 *     simply blocks in the kernel; a virtual thread makes the descriptor non-blocking for good
 *     ({@link FdHandle#nonBlockingForVirtualThreads()}), and from then on every thread waits on
 *     EAGAIN without a limit;</li>
 * <li>timeout &gt; 0: waits on EAGAIN against one monotonic deadline ({@link PyTime}); an EAGAIN
 *     after a ready wait is spurious, so it waits again; the deadline passing is TimeoutError;</li>
 * <li>how to wait is decided per call ({@link #await}): a virtual thread parks on the shared
 *     {@link Poller}, a platform thread calls poll(2);</li>
 * <li>EINTR is retried with the remaining time (PEP 475), unless the socket was closed (EBADF)
 *     or the thread interrupted ({@code InterruptedError}, with the interrupt status kept).</li>
 * </ul>
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

    /** poll(2) of {@code nfds} pollfds at {@code fds}, {@code flags} milliseconds; -errno on failure. */
    private static final Op POLL_ONE = (unusedFd, fds, nfds, timeoutMillis) ->
            check(Posix.poll(fds, nfds, timeoutMillis));

    /** EINTRs the waits retried on this thread: a statistic, read by the EINTR tests. */
    private static final ThreadLocal<int[]> WAIT_EINTRS = ThreadLocal.withInitial(() -> new int[1]);

    private CallEngine() {
    }

    /**
     * Runs {@code op} on the socket's descriptor under the socket's timeout.
     *
     * @param writing whether the call waits for POLLOUT (else POLLIN)
     */
    static long call(SocketType sock, boolean writing, Op op, MemorySegment buf, long len, int flags)
            throws OSError {
        long timeout = sock.timeoutNanos();
        return call(sock.handle(), timeout, timeout > 0 ? PyTime.deadline(timeout) : 0, writing, false, op,
                buf, len, flags);
    }

    /**
     * The engine itself. {@code timeoutNanos} &lt; 0 is None, 0 non-blocking, &gt; 0 a timeout
     * whose {@code deadline} (from {@link PyTime#deadline}) the caller computed: sendall keeps
     * one over many calls. {@code waitFirst} waits before the first attempt: connect uses it to
     * wait for EINPROGRESS to end.
     */
    static long call(FdHandle handle, long timeoutNanos, long deadline, boolean writing, boolean waitFirst,
                     Op op, MemorySegment buf, long len, int flags) throws OSError {
        int fd = handle.acquire();
        try {
            boolean virtual = Thread.currentThread().isVirtual();
            int events = writing ? POLLOUT() : POLLIN();
            if (waitFirst) {
                await(handle, fd, events | POLLERR(), timeoutNanos, deadline, virtual);
            }
            for (;;) {
                long result;
                try {
                    result = attempt(handle, timeoutNanos, virtual, op, fd, buf, len, flags);
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
                    checkInterrupt();
                    continue;
                }
                if ((err == EAGAIN() || err == EWOULDBLOCK()) && waitsOnEagain(handle, timeoutNanos, flags)) {
                    await(handle, fd, events, timeoutNanos, deadline, virtual);
                    continue;
                }
                throw Errno.exception(err);
            }
        } finally {
            handle.release();
        }
    }

    /**
     * Whether EAGAIN means "wait": always in timeout mode (CPython waits for readiness whatever
     * the flags); in blocking mode only when the engine made the descriptor non-blocking for
     * virtual threads, and the caller did not ask for MSG_DONTWAIT: an EAGAIN a blocking
     * descriptor gives (MSG_DONTWAIT, SO_RCVTIMEO) is the caller's BlockingIOError, as in CPython.
     */
    private static boolean waitsOnEagain(FdHandle handle, long timeoutNanos, int flags) {
        return timeoutNanos > 0 || timeoutNanos < 0 && !handle.blocksInKernel() && (flags & MSG_DONTWAIT()) == 0;
    }

    /**
     * One attempt of {@code op}, without retry or wait: in blocking mode on a platform thread a
     * syscall that may block, registered for wake-ups; else a plain non-blocking one. A virtual
     * thread in blocking mode first makes the descriptor non-blocking.
     */
    static long attempt(FdHandle handle, long timeoutNanos, boolean virtual, Op op, int fd, MemorySegment buf,
                        long len, int flags) throws OSError {
        if (timeoutNanos >= 0) {
            return op.run(fd, buf, len, flags);
        }
        if (virtual) {
            handle.nonBlockingForVirtualThreads();
            return op.run(fd, buf, len, flags);
        }
        return handle.blocksInKernel() ? blockingAttempt(handle, op, fd, buf, len, flags) : op.run(fd, buf, len, flags);
    }

    /**
     * A syscall that may block in the kernel (blocking mode on a platform thread): registered
     * with the handle and the interrupt hook, so that close() and Thread.interrupt() can signal
     * it out.
     */
    private static long blockingAttempt(FdHandle handle, Op op, int fd, MemorySegment buf, long len, int flags)
            throws OSError {
        Caller c = Caller.current();
        handle.enter(c);
        c.begin();
        try {
            checkInterrupt();
            return op.run(fd, buf, len, flags);
        } finally {
            c.end();
            handle.leave(c);
        }
    }

    /**
     * Waits until {@code fd} is ready for {@code events}: parked on the {@link Poller} on a
     * virtual thread, in poll(2) on a platform thread (EINTR retried with the time left). Raises
     * TimeoutError when the deadline passes, EBADF when the handle is closed, InterruptedError
     * when the thread is interrupted.
     */
    static void await(FdHandle handle, int fd, int events, long timeoutNanos, long deadline, boolean virtual)
            throws OSError {
        boolean timed = timeoutNanos > 0;
        for (;;) {
            long left = timed ? PyTime.remaining(deadline) : -1;
            if (timed && left < 0) {
                throw Errno.timedOut();
            }
            checkInterrupt();
            boolean ready;
            if (virtual) {
                ready = Poller.await(handle, fd, events, timed, deadline);
            } else {
                MemorySegment pfd = Scratch.get().pollfd;
                pollfd.fd(pfd, fd);
                pollfd.events(pfd, (short) events);
                pollfd.revents(pfd, (short) 0);
                // poll(2) as a syscall close() and interrupt() can wake (interrupted: InterruptedError)
                long n = blockingAttempt(handle, POLL_ONE, fd, pfd, 1, timed ? PyTime.millisCeiling(left) : -1);
                if (n < 0) {
                    if (n != -EINTR()) {
                        throw Errno.exception((int) -n);
                    }
                    WAIT_EINTRS.get()[0]++;
                }
                ready = n > 0;
                if (n == 0 && timed && !handle.isClosed() && !Thread.currentThread().isInterrupted()) {
                    throw Errno.timedOut();
                }
            }
            if (handle.isClosed()) {
                throw Errno.badf();
            }
            if (ready) {
                return;
            }
        }
    }

    /** InterruptedError [Errno 4] when the current thread's interrupt status is set (and kept). */
    static void checkInterrupt() throws OSError {
        if (Thread.currentThread().isInterrupted()) {
            throw Errno.exception(EINTR());
        }
    }

    /** EINTRs the readiness waits on this thread retried so far (for tests that prove the retry). */
    static int waitEintrs() {
        return WAIT_EINTRS.get()[0];
    }

    /** A syscall's result in the {@link Op} convention: itself, or minus errno when it failed. */
    static long check(long result) {
        return result < 0 ? -Posix.errno() : result;
    }
}
