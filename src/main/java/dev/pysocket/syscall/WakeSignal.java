// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.syscall;

import dev.pysocket.bindings.posix_h;
import dev.pysocket.bindings.sigaction;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The signal that wakes a platform thread out of a blocking system call, as the JDK's
 * {@code NativeThread.signal} does: {@code close()} from another thread and
 * {@code Thread.interrupt()} send it, the blocked {@code recv}, {@code accept}, {@code poll}...
 * returns EINTR, and the call engine then sees why (closed: EBADF; interrupted:
 * InterruptedError; neither: PEP 475 retries).
 *
 * <p>The signal is {@code SIGURG} with a handler that does nothing, installed without
 * {@code SA_RESTART} (so no call is restarted by the kernel behind the engine's back). HotSpot on
 * Linux does not use SIGURG (it uses SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGPIPE, SIGXFSZ, SIGQUIT,
 * SIGHUP, SIGINT, SIGTERM and SIGUSR2), its default disposition is to ignore it, and the kernel
 * sends it only to an owner set with {@code F_SETOWN}, which pysocket never sets. The handler is
 * libc's {@code abs(3)}: a pure function of its argument register, safe whatever the interrupted
 * thread was doing (an FFM upcall would not be: the JVM aborts an upcall that does not start in
 * native state). If something other than pysocket already handles SIGURG, nothing is replaced
 * and no signal is ever sent ({@link #installed()} is false): a blocked platform thread then
 * wakes only when its call returns by itself.
 */
public final class WakeSignal {
    /** The signal: SIGURG. */
    public static final int SIGNAL = posix_h.SIGURG();

    private WakeSignal() {
    }

    private static final class Holder {
        static final boolean INSTALLED = install();
        static final int PID = Posix.getpid();
    }

    /** Whether the no-op handler is installed (once, on first use). */
    public static boolean installed() {
        return Holder.INSTALLED;
    }

    private static boolean install() {
        MemorySegment handler = posix_h.abs$address();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment old = sigaction.allocate(arena);
            if (Posix.sigaction(SIGNAL, MemorySegment.NULL, old) != 0) {
                return false;
            }
            long previous = sigaction.sa_handler(old).address();
            if (previous == handler.address()) {
                return true;
            }
            if (previous != 0 /* SIG_DFL */ && previous != 1 /* SIG_IGN */) {
                return false; // someone else's handler: leave it alone
            }
            MemorySegment act = sigaction.allocate(arena); // zeroed: sa_flags 0, no SA_RESTART
            sigaction.sa_handler(act, handler);
            Posix.sigemptyset(sigaction.sa_mask(act));
            return Posix.sigaction(SIGNAL, act, MemorySegment.NULL) == 0;
        }
    }

    /**
     * Sends the signal to kernel thread {@code tid} of this process; harmless (ESRCH) if that
     * thread has exited.
     *
     * @param tid the thread's id as {@link Posix#gettid()} gave it
     * @return whether the signal was sent
     */
    public static boolean send(int tid) {
        return installed() && Posix.tgkill(Holder.PID, tid, SIGNAL) == 0;
    }
}
