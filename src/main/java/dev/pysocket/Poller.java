// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.bindings.posix_h.*;

import dev.pysocket.bindings.epoll_event;
import dev.pysocket.syscall.Posix;
import dev.pysocket.syscall.Scratch;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Where virtual threads wait for a descriptor, instead of blocking their carrier in poll(2): one
 * epoll instance and one platform daemon thread ({@code pysocket-poller}), started on first use,
 * as the JDK's {@code sun.nio.ch.Poller}. A virtual thread that would wait registers its interest
 * (one-shot, so an event wakes it once), parks, and is unparked by the poller thread when the
 * descriptor is ready, by {@link #wakeAll} when its socket is closed, by {@code Thread.interrupt()},
 * or by its own deadline ({@code parkNanos}).
 *
 * <p>Several threads may wait on one descriptor (Python lets any number of threads call recv on
 * one socket): the registration asks for the union of their events, and an event wakes every
 * waiter it satisfies; the rest re-arm it. Wake-ups may be spurious: the caller retries its
 * syscall, which says EAGAIN again if nothing is there.
 */
final class Poller {
    private static final int MAX_EVENTS = 256;
    private static final long STRIDE = epoll_event.sizeof();
    private static final long EVENTS = epoll_event.events$offset();
    private static final long DATA = epoll_event.data$offset();

    /** Started on first use, never before: a program on platform threads never pays for it. */
    private static final class Holder {
        static final Poller INSTANCE = new Poller();
    }

    /** One thread's wait. */
    private static final class Waiter {
        final Thread thread = Thread.currentThread();
        final int events;
        volatile boolean fired;

        Waiter(int events) {
            this.events = events;
        }
    }

    private final int epfd;
    /** Waiters per descriptor; each list is guarded by itself. */
    private final ConcurrentHashMap<Integer, List<Waiter>> waiting = new ConcurrentHashMap<>();

    private Poller() {
        epfd = Posix.epoll_create1(EPOLL_CLOEXEC());
        if (epfd < 0) {
            throw new IllegalStateException("epoll_create1: " + Posix.strerror(Posix.errno()));
        }
        Thread.ofPlatform().daemon().name("pysocket-poller").start(this::run);
    }

    /** Whether the poller was ever used (else a close has nobody to wake there). */
    private static volatile boolean started;

    /**
     * Parks the current (virtual) thread until {@code fd} is ready for {@code events}
     * (POLLIN/POLLOUT, POLLERR/POLLHUP always count), {@code deadline} passes (when
     * {@code timed}), the handle is closed, or the thread is interrupted. The caller finds out
     * which by looking.
     *
     * @return whether the descriptor became ready (or its socket is being closed)
     */
    static boolean await(FdHandle handle, int fd, int events, boolean timed, long deadline) throws OSError {
        started = true;
        return Holder.INSTANCE.park(handle, fd, events, timed, deadline);
    }

    private boolean park(FdHandle handle, int fd, int events, boolean timed, long deadline) throws OSError {
        Waiter me = new Waiter(events);
        List<Waiter> list = waiting.computeIfAbsent(fd, k -> new ArrayList<>(2));
        synchronized (list) {
            list.add(me);
            arm(fd, list);
        }
        try {
            while (!me.fired && !handle.isClosed() && !me.thread.isInterrupted()) {
                if (!timed) {
                    LockSupport.park(this);
                } else {
                    long left = PyTime.remaining(deadline);
                    if (left <= 0) {
                        break;
                    }
                    LockSupport.parkNanos(this, left);
                }
            }
            return me.fired;
        } finally {
            synchronized (list) {
                list.remove(me);
                if (list.isEmpty()) {
                    waiting.remove(fd, list);
                }
            }
        }
    }

    /** Asks epoll for the union of the waiters' events, once (EPOLLONESHOT). Called holding the list. */
    private void arm(int fd, List<Waiter> list) throws OSError {
        int events = EPOLLONESHOT();
        for (Waiter w : list) {
            events |= w.events;
        }
        MemorySegment ev = Scratch.get().event;
        epoll_event.events(ev, events);
        epoll_event.data(ev, fd);
        if (Posix.epoll_ctl(epfd, EPOLL_CTL_MOD(), fd, ev) < 0) {
            int err = Posix.errno();
            if (err != ENOENT() || Posix.epoll_ctl(epfd, EPOLL_CTL_ADD(), fd, ev) < 0) {
                throw Errno.exception(err == ENOENT() ? Posix.errno() : err);
            }
        }
    }

    /**
     * Wakes every thread waiting on {@code fd} and drops its registration: the socket is being
     * closed (before the descriptor is replaced, so that epoll forgets this file).
     */
    static void wakeAll(int fd) {
        if (!started) {
            return;
        }
        Poller p = Holder.INSTANCE;
        Posix.epoll_ctl(p.epfd, EPOLL_CTL_DEL(), fd, MemorySegment.NULL);
        List<Waiter> list = p.waiting.get(fd);
        if (list != null) {
            synchronized (list) {
                for (Waiter w : list) {
                    w.fired = true;
                    LockSupport.unpark(w.thread);
                }
            }
        }
    }

    private void run() {
        MemorySegment events = Arena.global().allocate(STRIDE * MAX_EVENTS, 8);
        for (;;) {
            int n = Posix.epoll_wait(epfd, events, MAX_EVENTS, -1);
            for (int i = 0; i < n; i++) {
                long base = i * STRIDE;
                int revents = events.get(ValueLayout.JAVA_INT_UNALIGNED, base + EVENTS);
                int fd = (int) events.get(ValueLayout.JAVA_LONG_UNALIGNED, base + DATA);
                fire(fd, revents);
            }
        }
    }

    /** Wakes the waiters the event satisfies; re-arms for those it does not. */
    private void fire(int fd, int revents) {
        List<Waiter> list = waiting.get(fd);
        if (list == null) {
            return;
        }
        synchronized (list) {
            boolean unsatisfied = false;
            for (Waiter w : list) {
                if ((revents & (w.events | POLLERR() | POLLHUP())) != 0) {
                    w.fired = true;
                    LockSupport.unpark(w.thread);
                } else if (!w.fired) {
                    unsatisfied = true;
                }
            }
            if (unsatisfied) {
                try {
                    arm(fd, list);
                } catch (OSError e) {
                    list.forEach(w -> LockSupport.unpark(w.thread)); // let them retry and see the error
                }
            }
        }
    }
}
