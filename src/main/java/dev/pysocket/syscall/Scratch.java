// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.syscall;

import dev.pysocket.bindings.posix_h;
import dev.pysocket.bindings.sockaddr_storage;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Per-thread native memory that the syscall layer and the socket API reuse for every call, so a
 * call on a hot path allocates nothing: the errno capture area, a sockaddr buffer with its
 * length, a few words for option values and file descriptor pairs, one pollfd, and a data buffer
 * for copying to and from Java heap arrays.
 *
 * <p>Who may use which field, so that no two users meet on one thread: a socket call owns
 * {@link #addr} and {@link #len} from before its engine call until it has read them back after
 * it (the engine's operations read and write them; nothing in the engine's wait touches them);
 * {@link #word} belongs to calls that never wait (options, modes, socketpair, SO_ERROR after a
 * connect's wait); {@link #name} to the resolver and interface-name calls; {@link #pollfd} to
 * the engine's poll(2) wait; {@link #event} to epoll_ctl(2) (the poller's registrations, the epoll object's); {@link #data}
 * to {@code Buffers}, which hands it out once per call and gives a nested use its own memory.
 *
 * <p>Memory belongs to an automatic arena: it is freed when the thread that owns it is gone. The
 * data buffer grows on demand up to {@link #MAX_DATA}; larger transfers use a confined arena of
 * their own for the length of one call.
 */
public final class Scratch {
    /** Largest data buffer kept per thread; bigger transfers get a per-call confined arena. */
    public static final long MAX_DATA = 64 * 1024;
    /** Size of {@link #word}: room for a struct linger, a timeval or two file descriptors. */
    public static final long WORD_SIZE = 64;

    /** Size of {@link #name}: NI_MAXHOST, the longest host name getnameinfo(3) returns, plus one. */
    public static final int NAME_MAX = 1026;

    private static final ThreadLocal<Scratch> LOCAL = ThreadLocal.withInitial(Scratch::new);

    private final Arena arena = Arena.ofAuto();
    /** Where the downcalls capture errno. */
    final MemorySegment callState = arena.allocate(posix_h.capturedStateLayout());
    /** A sockaddr_storage for addresses passed in or out. */
    public final MemorySegment addr = arena.allocate(sockaddr_storage.layout());
    /** A socklen_t (and room for any other 4-byte in/out length). */
    public final MemorySegment len = arena.allocate(8, 8);
    /** Small values: int options, struct linger/timeval, socketpair's two descriptors. */
    public final MemorySegment word = arena.allocate(WORD_SIZE, 8);
    /** A NUL-terminated name (a host, a service, an interface) of up to NAME_MAX - 1 bytes. */
    public final MemorySegment name = arena.allocate(NAME_MAX);
    /** One struct pollfd for waiting on a single descriptor. */
    public final MemorySegment pollfd = arena.allocate(8, 4);
    /** One struct epoll_event (packed, 12 bytes) for registering a wait with epoll_ctl(2). */
    public final MemorySegment event = arena.allocate(16, 8);
    private MemorySegment data = MemorySegment.NULL;

    private Scratch() {
    }

    /** This thread's scratch memory. */
    public static Scratch get() {
        return LOCAL.get();
    }

    /**
     * {@code s} as a NUL-terminated UTF-8 string in {@link #name}, or null when it does not fit
     * (the caller then uses an arena of its own).
     */
    public MemorySegment name(String s) {
        byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (utf8.length >= NAME_MAX) {
            return null;
        }
        MemorySegment.copy(utf8, 0, name, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, utf8.length);
        name.set(java.lang.foreign.ValueLayout.JAVA_BYTE, utf8.length, (byte) 0);
        return name;
    }

    /**
     * The data buffer, at least {@code size} bytes ({@code size <= MAX_DATA}), grown on demand.
     * Callers pass the length they use along with it: no slice is made, so nothing is allocated.
     * Its contents are unspecified.
     */
    public MemorySegment data(long size) {
        if (size > MAX_DATA || size < 0) {
            throw new IllegalArgumentException("scratch data request of " + size + " bytes");
        }
        if (data.byteSize() < size) {
            long capacity = Math.max(4096, Long.highestOneBit(Math.max(size - 1, 1)) << 1);
            data = arena.allocate(Math.min(capacity, MAX_DATA), 16);
        }
        return data;
    }
}
