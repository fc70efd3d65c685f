// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import dev.pysocket.syscall.Posix;
import dev.pysocket.syscall.Scratch;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A caller's buffer staged in native memory for one syscall: {@link #buf} and {@link #len} are
 * what the kernel gets. Native segments (and direct ByteBuffers, as {@link #segment}) go as they
 * are; Java arrays and heap segments (heap ByteBuffers among them) are copied through this thread's scratch buffer, or, past
 * {@link Scratch#MAX_DATA}, through a confined arena that {@link #close()} frees.
 *
 * <p>One instance per thread is reused, so staging allocates nothing in steady state: open it in
 * try-with-resources around one call. (A nested use on the same thread gets a fresh instance.)
 */
final class Buffers implements AutoCloseable {
    private static final ThreadLocal<Buffers> LOCAL = ThreadLocal.withInitial(Buffers::new);

    /** Native memory for the syscall. */
    MemorySegment buf;
    /** How many bytes of {@link #buf} the syscall may use. */
    long len;
    private boolean inUse;
    private boolean nested;
    private Arena arena;
    /** Where received bytes go back to when {@link #buf} is a copy: an array, or a heap segment. */
    private byte[] array;
    private MemorySegment heapTarget;

    private Buffers() {
    }

    /** This thread's instance, or a fresh one (which must not share the scratch buffer) if it is taken. */
    private static Buffers take(MemorySegment buf, long len) {
        Buffers b = LOCAL.get();
        if (b.inUse) {
            b = new Buffers();
            b.nested = true;
        }
        b.inUse = true;
        b.buf = buf;
        b.len = len;
        return b;
    }

    /** {@code len} bytes of native memory to copy through. */
    private static Buffers stage(long len) {
        Buffers b = take(null, len);
        if (len <= Scratch.MAX_DATA && !b.nested) {
            b.buf = Scratch.get().data(len);
        } else {
            b.arena = Arena.ofConfined();
            try {
                b.buf = unzeroed(b.arena, len);
            } catch (MemoryError e) {
                b.close();
                throw e;
            }
        }
        return b;
    }

    /**
     * {@code size} bytes of native memory that {@code arena} frees, not zeroed: malloc(3), as
     * CPython's buffers, so memory the kernel will overwrite costs no time and, until written, no
     * resident pages ({@code Arena.allocate} zero-fills, 1 s and 2 GB of RSS for a 2 GiB recv).
     * Python's MemoryError when malloc refuses.
     */
    static MemorySegment unzeroed(Arena arena, long size) {
        MemorySegment p = Posix.malloc(Math.max(size, 1));
        if (p.equals(MemorySegment.NULL)) {
            throw new MemoryError();
        }
        return p.reinterpret(size, arena, Posix::free); // exactly what was allocated
    }


    // ---- data going to the kernel ------------------------------------------------------------

    /** {@code data}'s bytes, for a send. */
    static Buffers forSend(byte[] data) {
        checkNotNone(data);
        Buffers b = stage(data.length);
        MemorySegment.copy(data, 0, b.buf, ValueLayout.JAVA_BYTE, 0, data.length);
        return b;
    }

    /** A segment's bytes: native ones as they are, heap ones copied. */
    static Buffers forSend(MemorySegment data) {
        checkUsable(data);
        if (data.isNative()) {
            return take(data, data.byteSize());
        }
        Buffers b = stage(data.byteSize());
        MemorySegment.copy(data, 0, b.buf, 0, data.byteSize());
        return b;
    }

    // ---- data coming from the kernel ---------------------------------------------------------

    /** Room for {@code size} new bytes, read back with {@link #bytes(long)}. */
    static Buffers forRecv(long size) {
        return stage(size);
    }

    /** The first {@code nbytes} of {@code dst}, filled by {@link #received(long)}. */
    static Buffers forRecv(byte[] dst, int nbytes) {
        Buffers b = stage(Objects.checkIndex(nbytes, dst.length + 1));
        b.array = dst;
        return b;
    }

    /** The first {@code nbytes} of a segment: native ones are filled in place. */
    static Buffers forRecv(MemorySegment dst, long nbytes) {
        checkUsable(dst);
        Objects.checkIndex(nbytes, dst.byteSize() + 1); // the kernel never gets more than the segment
        if (dst.isNative()) {
            return take(dst, nbytes);
        }
        Buffers b = stage(nbytes);
        b.heapTarget = dst;
        return b;
    }

    /**
     * After the syscall reported {@code n} bytes: copies them to the caller's buffer if it was
     * staged, and returns n. n may exceed the buffer (recv with MSG_TRUNC reports a datagram's
     * full length): then only what fits is copied, and n is still returned, as in CPython.
     */
    long received(long n) {
        int copied = (int) Math.min(n, len);
        if (array != null) {
            MemorySegment.copy(buf, ValueLayout.JAVA_BYTE, 0, array, 0, copied);
        } else if (heapTarget != null) {
            MemorySegment.copy(buf, 0, heapTarget, 0, copied);
        }
        return n;
    }

    /**
     * The {@code n} bytes received, as a new array of length n (which, with MSG_TRUNC, may exceed
     * the buffer: the tail is then zero here, where CPython leaves it undefined).
     */
    byte[] bytes(long n) {
        byte[] out = new byte[Math.toIntExact(n)];
        MemorySegment.copy(buf, ValueLayout.JAVA_BYTE, 0, out, 0, (int) Math.min(n, len));
        return out;
    }

    /** Frees the arena if the call needed one, and makes this instance reusable. */
    @Override
    public void close() {
        if (arena != null) {
            arena.close();
            arena = null;
        }
        buf = null;
        array = null;
        heapTarget = null;
        inUse = false;
    }

    /**
     * The bytes between a ByteBuffer's position and limit as a segment (a heap segment over the
     * backing array, or native memory). Position and limit are read once each, and the segment is
     * cut from those two reads (nothing when the position is past the limit, as {@code slice()}
     * does): a caller moving the position while the call runs cannot make the kernel read or
     * write outside [position, limit) of that read. The caller's position does not move.
     *
     * <p>Allocates nothing in steady state: a segment of the buffer's whole capacity is kept per
     * thread for the last few buffers (weakly: the cache never keeps a buffer alive), with the
     * last slice cut from it, reused while the position and limit stay the same.
     */
    static MemorySegment segment(ByteBuffer buffer) {
        checkNotNone(buffer);
        int position = buffer.position();
        int limit = buffer.limit();
        return LOCAL.get().view(buffer).slice(position, Math.max(limit - position, 0));
    }

    /** How many buffers a thread's cache of {@link View}s holds (a send and a receive buffer, and more). */
    private static final int VIEWS = 4;
    @SuppressWarnings("unchecked")
    private final WeakReference<View>[] views = new WeakReference[VIEWS];
    private int nextView;

    /** This thread's view of {@code buffer}: a cached one, or a new one replacing the oldest. */
    private View view(ByteBuffer buffer) {
        for (WeakReference<View> ref : views) {
            View v = ref == null ? null : ref.get();
            if (v != null && v.buffer == buffer) {
                return v;
            }
        }
        View v = new View(buffer);
        views[nextView] = new WeakReference<>(v);
        nextView = (nextView + 1) % VIEWS;
        return v;
    }

    /** A ByteBuffer's whole capacity as a segment, and the last slice of it handed out. */
    private static final class View {
        final ByteBuffer buffer;
        final MemorySegment whole;
        private long offset = -1;
        private long length;
        private MemorySegment slice;

        View(ByteBuffer buffer) {
            this.buffer = buffer;
            ByteBuffer all;
            for (;;) {
                try {
                    all = buffer.duplicate(); // reads mark, position and limit, all of them private to the copy
                    break;
                } catch (IllegalArgumentException moving) {
                    // another thread moved them between those reads (a position past the limit,
                    // a mark past the position): read again; only a racing caller gets here
                }
            }
            whole = MemorySegment.ofBuffer(all.clear());
        }

        /** {@code [offset, offset + length)}, within the capacity because it comes from one read of position and limit. */
        MemorySegment slice(long offset, long length) {
            if (offset != this.offset || length != this.length) {
                slice = whole.asSlice(offset, length);
                this.offset = offset;
                this.length = length;
            }
            return slice;
        }
    }

    /**
     * A segment this thread may use now, checked with the arguments as CPython checks a buffer:
     * one of a closed arena is CPython's released memoryview, ValueError; one confined to
     * another thread, the same ValueError with a message of its own (docs/mapping.md).
     */
    static void checkUsable(MemorySegment segment) {
        checkNotNone(segment);
        if (!segment.scope().isAlive()) {
            throw released();
        }
        if (!segment.isAccessibleBy(Thread.currentThread())) {
            throw new ValueError("operation forbidden on a memory segment confined to another thread");
        }
    }

    /**
     * What a call that failed with {@code e} raises: the ValueError of {@link #checkUsable} when
     * {@code buf}'s arena was closed by another thread during the call (the downcall then
     * refuses it before the syscall), else {@code e} itself.
     */
    static RuntimeException unusable(MemorySegment buf, IllegalStateException e) {
        return buf.scope().isAlive() ? e : released();
    }

    private static ValueError released() {
        return new ValueError("operation forbidden on released memoryview object");
    }

    /**
     * A bytes-like object of a list Python takes (sendmsg's buffers): a {@code byte[]}, a
     * ByteBuffer (read once, as {@link #segment(ByteBuffer)}) or a usable MemorySegment, as a
     * segment over its bytes; anything else is CPython's TypeError naming its Python type.
     */
    static MemorySegment bytesLike(Object o) {
        return switch (o) {
            case byte[] a -> MemorySegment.ofArray(a);
            case ByteBuffer bb -> segment(bb);
            case MemorySegment seg -> {
                checkUsable(seg);
                yield seg;
            }
            case null -> throw new TypeError("a bytes-like object is required, not 'NoneType'");
            default -> throw new TypeError("a bytes-like object is required, not '" + pythonTypeName(o) + "'");
        };
    }

    /**
     * A writable buffer of recvmsg_into's list: a {@code byte[]}, a ByteBuffer that is not
     * read-only, or a usable writable MemorySegment, as a segment over its bytes; else null.
     */
    static MemorySegment writable(Object o) {
        MemorySegment seg = switch (o) {
            case byte[] a -> MemorySegment.ofArray(a);
            case ByteBuffer bb -> segment(bb);
            case MemorySegment m -> {
                checkUsable(m);
                yield m;
            }
            case null, default -> null;
        };
        return seg == null || seg.isReadOnly() ? null : seg;
    }

    /** The Python type a porter's value stands for, in CPython's TypeError messages. */
    private static String pythonTypeName(Object o) {
        return switch (o) {
            case String x -> "str";
            case Integer x -> "int";
            case Long x -> "int";
            case Double x -> "float";
            case Boolean x -> "bool";
            case java.util.List<?> x -> "list";
            default -> o.getClass().getSimpleName();
        };
    }

    /** Python's TypeError for None where a buffer is required. */
    static void checkNotNone(Object buffer) {
        if (buffer == null) {
            throw new TypeError("a bytes-like object is required, not 'NoneType'");
        }
    }
}
