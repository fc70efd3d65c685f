// SPDX-License-Identifier: Apache-2.0
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
}
