// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import dev.pysocket.syscall.Posix;
import dev.pysocket.syscall.WakeSignal;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.spi.AbstractInterruptibleChannel;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A platform thread while it is in a call that may block in the kernel (a blocking-mode syscall,
 * or poll/select/epoll_wait): what {@code close()} and {@code Thread.interrupt()} signal to wake
 * it, as the JDK's {@code NativeThread}. One per thread, reused; virtual threads never block in
 * the kernel and do not use it (they park on the {@link Poller}).
 *
 * <p>{@code Thread.interrupt()} reaches us through the JDK's public hook for interruptible I/O,
 * {@link AbstractInterruptibleChannel}'s {@code begin()}/{@code end()}: the interrupting thread
 * calls {@link Hook#implCloseChannel()}, which sends the {@link WakeSignal}. A signal that lands
 * just before the thread enters its syscall wakes nothing, so it is sent again every
 * {@value #RESEND_MILLIS} ms until the thread has left the call.
 */
final class Caller {
    private static final ThreadLocal<Caller> LOCAL = ThreadLocal.withInitial(Caller::new);
    private static final long RESEND_MILLIS = 5;
    private static final int MAX_RESENDS = 2000; // 10 s: past that the thread is not in our call

    /** The thread's kernel id, for tgkill(2). */
    final int tid = Posix.gettid();
    /** Links of the {@link FdHandle}'s list of possibly blocked callers (guarded by that handle). */
    Caller next;
    Caller prev;
    /** Counts the calls, so a late resend for an earlier call stops. */
    private volatile long call;
    private volatile boolean inCall;
    private Hook hook = new Hook(this);

    private Caller() {
    }

    /** The current platform thread's caller. */
    static Caller current() {
        return LOCAL.get();
    }

    /** Enters a stretch that may block: from now on an interrupt signals this thread. */
    void begin() {
        call++;
        inCall = true;
        hook.enter();
    }

    /** Leaves it. */
    void end() {
        inCall = false;
        if (hook.exit()) {
            hook = new Hook(this); // an interrupt spends the hook (the channel is "closed")
        }
    }

    /** Sends the wake signal once (close(): the pre-closed descriptor covers a signal that lands too early). */
    void signal() {
        WakeSignal.send(tid);
    }

    /** Signals until the thread leaves the call it is in (interrupt: nothing else would wake it). */
    private void signalUntilOut() {
        long which = call;
        signal();
        Resender.schedule(this, which);
    }

    private boolean stillIn(long which) {
        return inCall && call == which;
    }

    /** The bridge from Thread.interrupt(); one use only, as a channel closes once. */
    private static final class Hook extends AbstractInterruptibleChannel {
        private final Caller caller;

        Hook(Caller caller) {
            this.caller = caller;
        }

        void enter() {
            begin();
        }

        /** Whether an interrupt came while inside. */
        boolean exit() {
            try {
                end(true);
                return false;
            } catch (AsynchronousCloseException e) { // ClosedByInterruptException included
                return true;
            }
        }

        @Override
        protected void implCloseChannel() {
            caller.signalUntilOut();
        }
    }

    /** Resends the wake signal to an interrupted caller until it is out (one daemon thread, made on first interrupt). */
    private static final class Resender {
        private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r ->
                Thread.ofPlatform().daemon().name("pysocket-waker").unstarted(r));

        static void schedule(Caller c, long which) {
            ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
            int[] count = {0};
            self[0] = TIMER.scheduleAtFixedRate(() -> {
                if (!c.stillIn(which) || ++count[0] > MAX_RESENDS) {
                    self[0].cancel(false);
                    return;
                }
                c.signal();
            }, RESEND_MILLIS, RESEND_MILLIS, TimeUnit.MILLISECONDS);
        }
    }
}
