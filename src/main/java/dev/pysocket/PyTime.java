// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/**
 * CPython's Python/pytime.c, the part pysocket needs: timeouts converted from seconds with
 * CPython's rounding, and the one monotonic deadline a waiting call keeps ({@code _PyDeadline_Init},
 * {@code _PyDeadline_Get}). Every wait (the call engine, sendall, select, poll, epoll) measures
 * its time left with these, against {@link System#nanoTime()}.
 */
final class PyTime {
    private PyTime() {
    }

    /** {@code _PyDeadline_Init}: the monotonic instant {@code timeoutNanos} (&gt; 0) from now. */
    static long deadline(long timeoutNanos) {
        return System.nanoTime() + timeoutNanos;
    }

    /** {@code _PyDeadline_Get}: nanoseconds left until {@code deadline}; negative once it passed. */
    static long remaining(long deadline) {
        return deadline - System.nanoTime();
    }

    /** Nanoseconds as poll(2)'s or epoll_wait(2)'s milliseconds, rounded up and capped at INT_MAX. */
    static int millisCeiling(long nanos) {
        return (int) Math.min(Integer.MAX_VALUE, divideCeiling(nanos, 1_000_000));
    }

    /**
     * CPython's {@code _PyTime_FromObject} for a float: {@code value * unitToNs} rounded
     * (ROUND_UP: away from zero), in nanoseconds.
     */
    static long nanosFromDouble(double value, double unitToNs) {
        if (Double.isNaN(value)) {
            throw new ValueError("Invalid value NaN (not a number)");
        }
        double d = value * unitToNs;
        d = d >= 0.0 ? Math.ceil(d) : Math.floor(d);
        if (!((double) Long.MIN_VALUE <= d && d < -(double) Long.MIN_VALUE)) {
            throw new OverflowError("timestamp out of range for platform time_t");
        }
        return (long) d;
    }

    /** CPython's {@code _PyTime_FromObject} for an int: {@code value * unitToNs}, checked. */
    static long nanosFromLong(long value, long unitToNs) {
        try {
            return Math.multiplyExact(value, unitToNs);
        } catch (ArithmeticException e) {
            throw new OverflowError("timestamp too large to convert to C _PyTime_t");
        }
    }

    /** CPython's {@code _PyTime_Divide} with ROUND_UP (away from zero). */
    static long divideUp(long t, long k) {
        if (t >= 0) {
            return t / k + (t % k != 0 ? 1 : 0);
        }
        return t / k - (t % k != 0 ? 1 : 0);
    }

    /** CPython's {@code _PyTime_Divide} with ROUND_CEILING. */
    static long divideCeiling(long t, long k) {
        return Math.ceilDiv(t, k);
    }
}
