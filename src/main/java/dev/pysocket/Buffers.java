package dev.pysocket;

import dev.pysocket.syscall.Scratch;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Moves data between the buffers callers pass (Java heap arrays, heap or direct ByteBuffers,
 * memory segments) and the native memory a syscall needs. Native buffers go to the kernel as
 * they are; heap data is copied through this thread's scratch buffer, or, past
 * {@link Scratch#MAX_DATA}, through a confined arena that lives for one call.
 */
final class Buffers {
    /** A transfer on native memory: returns the bytes moved. */
    @FunctionalInterface
    interface Transfer {
        long run(MemorySegment buf) throws OSError;
    }

    private Buffers() {
    }

    /** Runs {@code t} over {@code data}'s bytes, as native memory (data flows to the kernel). */
    static long out(MemorySegment data, Transfer t) throws OSError {
        if (data.isNative()) {
            return t.run(data);
        }
        long size = data.byteSize();
        if (size <= Scratch.MAX_DATA) { // no lambda on this path: see viaNative
            return t.run(Scratch.get().data(size).copyFrom(data));
        }
        return viaNative(size, buf -> t.run(buf.copyFrom(data)));
    }

    /** Runs {@code t} over native memory the size of {@code dst}, then copies what it read to dst. */
    static long in(MemorySegment dst, Transfer t) throws OSError {
        if (dst.isNative()) {
            return t.run(dst);
        }
        long size = dst.byteSize();
        if (size <= Scratch.MAX_DATA) { // no lambda on this path: see viaNative
            return copyIn(t, Scratch.get().data(size), dst);
        }
        return viaNative(size, buf -> copyIn(t, buf, dst));
    }

    private static long copyIn(Transfer t, MemorySegment buf, MemorySegment dst) throws OSError {
        long n = t.run(buf);
        MemorySegment.copy(buf, 0, dst, 0, Math.min(n, buf.byteSize()));
        return n;
    }

    /**
     * Reads up to {@code size} bytes with {@code t} and returns as many bytes as it reports. That
     * count may exceed the buffer (recv with MSG_TRUNC reports a datagram's full length): like
     * CPython, the result then has that length, its tail beyond the buffer zero here.
     */
    static byte[] read(long size, Transfer t) throws OSError {
        byte[][] result = new byte[1][];
        viaNative(size, buf -> {
            long n = t.run(buf);
            result[0] = new byte[Math.toIntExact(n)];
            MemorySegment.copy(buf, ValueLayout.JAVA_BYTE, 0, result[0], 0, (int) Math.min(n, buf.byteSize()));
            return n;
        });
        return result[0];
    }

    /** A Java array as a segment; null is Python's TypeError for a None buffer. */
    static MemorySegment of(byte[] data) {
        if (data == null) {
            throw new TypeError("a bytes-like object is required, not 'NoneType'");
        }
        return MemorySegment.ofArray(data);
    }

    /** A ByteBuffer's bytes from position to limit; null is Python's TypeError for None. */
    static MemorySegment of(java.nio.ByteBuffer data) {
        if (data == null) {
            throw new TypeError("a bytes-like object is required, not 'NoneType'");
        }
        return MemorySegment.ofBuffer(data);
    }

    /**
     * Native memory of {@code size} bytes for the length of {@code t}: scratch, or a one-call arena.
     * {@link #out} and {@link #in} take the scratch path themselves: this method, shared by every
     * transfer, is compiled apart and not inlined, so a lambda passed to it (and what the lambda
     * captures: the caller's transfer, its heap segment) would be allocated on every call.
     */
    private static long viaNative(long size, Transfer t) throws OSError {
        if (size <= Scratch.MAX_DATA) {
            return t.run(Scratch.get().data(size));
        }
        try (Arena arena = Arena.ofConfined()) {
            return t.run(arena.allocate(size));
        }
    }
}
