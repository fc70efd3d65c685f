// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.syscall;

import dev.pysocket.bindings.posix_h;
import dev.pysocket.bindings.sigaction;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;

/**
 * A testing aid (used by the unit tests and by the parity driver's {@code interrupt_after}
 * helper, never by the library itself): it makes a thread's blocking system call fail with
 * EINTR on purpose, so that the PEP 475 retries in the call engine and in {@code select} can be
 * shown to exist. The JVM never interrupts our syscalls by itself, so without this nothing would
 * ever take those code paths.
 *
 * <p>How: {@link #install()} gives {@link #SIGNAL} a handler that does nothing, installed
 * <em>without</em> {@code SA_RESTART}. A signal with a real handler (not {@code SIG_IGN}, which
 * the kernel drops without waking anyone) that arrives while its thread sleeps in
 * {@code recv}, {@code accept}, {@code connect}, {@code send}, {@code poll}, {@code select} or
 * {@code epoll_wait} makes that call return -1 with errno EINTR. {@code poll}, {@code select}
 * and {@code epoll_wait} are never restarted, whatever the flags; the others would be
 * restarted by the kernel with {@code SA_RESTART}, which is why it is left out (as CPython's
 * {@code signal.signal} leaves it out).
 *
 * <p>The handler is libc's {@code abs(3)}: a pure function of its argument register (three
 * instructions and {@code ret}), so it is safe in a signal handler whatever the interrupted
 * thread was doing, Java code and JVM internals included. An FFM upcall stub would not be: the
 * JVM requires an upcall to start in native state and aborts otherwise, and a signal can arrive
 * while the thread runs Java code.
 *
 * <p>The signal is {@code SIGURG}: HotSpot on Linux does not use it (it uses SIGSEGV, SIGBUS,
 * SIGFPE, SIGILL, SIGPIPE, SIGXFSZ, SIGQUIT, SIGHUP, SIGINT, SIGTERM and SIGUSR2 for thread
 * suspend/resume), its default disposition is to ignore it (so a stray one before
 * {@link #install()} harms nothing), and the kernel sends it only to the owner set with
 * {@code F_SETOWN}, which pysocket never sets.
 *
 * <p>The target thread is named by its kernel thread id, which the thread captures itself
 * ({@link #self()}); the signal goes out with {@code tgkill(getpid(), tid, SIGURG)} from a
 * helper thread. Unlike {@code pthread_kill} on a stale {@code pthread_t}, {@code tgkill} to a
 * thread that has meanwhile exited is harmless (ESRCH). Because a signal that lands just before
 * or after the syscall interrupts nothing, an {@link Interruption} sends {@link #COUNT} signals
 * {@link #INTERVAL_MILLIS} ms apart. Only platform threads can be targets (a virtual thread may
 * change carriers).
 */
public final class Interrupter {
    /** The signal used: SIGURG. */
    public static final int SIGNAL = posix_h.SIGURG();
    /** How many signals one {@link Interruption} sends. */
    public static final int COUNT = 3;
    /** The time between two signals of one {@link Interruption}, in milliseconds. */
    public static final long INTERVAL_MILLIS = 20;

    private static boolean installed;

    private Interrupter() {
    }

    /**
     * Installs the no-op handler for {@link #SIGNAL}, without SA_RESTART, once per process.
     *
     * @throws IllegalStateException if sigaction fails, or if something else already handles
     *         the signal (it is then left alone)
     */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        MemorySegment handler = posix_h.abs$address();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment old = sigaction.allocate(arena);
            if (Posix.sigaction(SIGNAL, MemorySegment.NULL, old) != 0) {
                throw new IllegalStateException("sigaction(SIGURG): " + Posix.strerror(Posix.errno()));
            }
            long previous = sigaction.sa_handler(old).address();
            if (previous != 0 /* SIG_DFL */ && previous != 1 /* SIG_IGN */ && previous != handler.address()) {
                throw new IllegalStateException("SIGURG already has a handler (0x"
                        + Long.toHexString(previous) + "); not replacing it");
            }
            MemorySegment act = sigaction.allocate(arena); // zeroed: sa_flags 0, no SA_RESTART
            sigaction.sa_handler(act, handler);
            Posix.sigemptyset(sigaction.sa_mask(act));
            sigaction.sa_flags(act, 0);
            if (Posix.sigaction(SIGNAL, act, MemorySegment.NULL) != 0) {
                throw new IllegalStateException("sigaction(SIGURG): " + Posix.strerror(Posix.errno()));
            }
        }
        installed = true;
    }

    /** A thread that can be interrupted, as captured by itself in {@link #self()}. */
    public record Target(int tid, Thread thread) {
    }

    /**
     * The calling thread as a target (its kernel thread id), after {@link #install()}.
     *
     * @throws IllegalStateException on a virtual thread
     */
    public static Target self() {
        if (Thread.currentThread().isVirtual()) {
            throw new IllegalStateException("a virtual thread cannot be the target of a signal");
        }
        install();
        return new Target(Posix.gettid(), Thread.currentThread());
    }

    /**
     * Interrupts the calling thread {@code seconds} from now: {@link #COUNT} signals
     * {@link #INTERVAL_MILLIS} ms apart. The caller then makes the blocking call.
     */
    public static Interruption interruptSelfAfter(double seconds) {
        return interruptAfter(self(), Math.round(seconds * 1000));
    }

    /** Interrupts {@code target} {@code delayMillis} from now, {@link #COUNT} times. */
    public static Interruption interruptAfter(Target target, long delayMillis) {
        return interruptAfter(target, delayMillis, COUNT, INTERVAL_MILLIS);
    }

    /** Sends {@code count} signals to {@code target}, the first after {@code delayMillis}. */
    public static Interruption interruptAfter(Target target, long delayMillis, int count, long intervalMillis) {
        install();
        return new Interruption(target, delayMillis, count, intervalMillis);
    }

    /**
     * The signals of one interruption, sent from a daemon thread. {@link #close()} cancels those
     * not sent yet and waits for the sender, so no signal of it arrives afterwards.
     */
    public static final class Interruption implements AutoCloseable {
        private final Thread sender;
        private volatile boolean cancelled;
        private volatile int sent;

        private Interruption(Target target, long delayMillis, int count, long intervalMillis) {
            int pid = Posix.getpid();
            long start = System.nanoTime();
            sender = Thread.ofPlatform().daemon().name("pysocket-interrupter-" + target.tid()).unstarted(() -> {
                for (int i = 0; i < count && !cancelled; i++) {
                    long due = start + TimeUnit.MILLISECONDS.toNanos(delayMillis + i * intervalMillis);
                    long wait;
                    while (!cancelled && (wait = due - System.nanoTime()) > 0) {
                        try {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    if (cancelled || !target.thread().isAlive()) {
                        return;
                    }
                    if (Posix.tgkill(pid, target.tid(), SIGNAL) == 0) {
                        sent++;
                    }
                }
            });
            sender.start();
        }

        /** How many signals were sent so far. */
        public int sent() {
            return sent;
        }

        /** Waits until every signal has been sent (or the interruption was cancelled). */
        public void await() throws InterruptedException {
            sender.join();
        }

        /** Cancels the signals not sent yet and waits for the sender thread to end. */
        @Override
        public void close() {
            cancelled = true;
            sender.interrupt();
            boolean interrupted = false;
            for (;;) {
                try {
                    sender.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
