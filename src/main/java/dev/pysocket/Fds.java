package dev.pysocket;

/** Descriptor arguments of the select and selectors modules. */
final class Fds {
    private Fds() {
    }

    /**
     * CPython's {@code PyObject_AsFileDescriptor}: an Integer/Long is the descriptor, a
     * {@link FileLike} gives its {@code fileno()}; a negative result is a ValueError, anything
     * else a TypeError.
     */
    static int asFileDescriptor(Object o) throws OSError {
        Long raw = rawFd(o);
        if (raw == null) {
            throw new TypeError("argument must be an int, or have a fileno() method.");
        }
        long fd = raw;
        if (fd > Integer.MAX_VALUE || fd < Integer.MIN_VALUE) {
            throw new OverflowError("Python int too large to convert to C int");
        }
        if (fd < 0) {
            throw new ValueError("file descriptor cannot be a negative integer (" + fd + ")");
        }
        return (int) fd;
    }

    /** The number an fd argument stands for: an Integer/Long itself, a FileLike's fileno(); else null. */
    static Long rawFd(Object o) throws OSError {
        return switch (o) {
            case Integer i -> (long) i;
            case Long l -> l;
            case FileLike f -> (long) f.fileno();
            case null, default -> null;
        };
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
