// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Python's {@code ssl.MemoryBIO}: a byte queue between an {@link SSLObject} and whatever carries
 * its records (the caller writes what the peer sent into the incoming BIO and sends what it
 * reads from the outgoing one). Thread-safe.
 */
public final class MemoryBIO {
    private byte[] data = new byte[4096];
    private int head;
    private int tail;
    private boolean eof;

    /** {@code ssl.MemoryBIO()}: an empty buffer. */
    public MemoryBIO() {
    }

    /**
     * {@code bio.pending}.
     *
     * @return how many bytes the buffer holds
     */
    public synchronized int pending() {
        return tail - head;
    }

    /**
     * {@code bio.eof}.
     *
     * @return whether write_eof() was called and every byte has been read
     */
    public synchronized boolean eof() {
        return eof && head == tail;
    }

    /**
     * {@code bio.read()}: every byte the buffer holds.
     *
     * @return the bytes (empty when there are none)
     */
    public byte[] read() {
        return read(-1);
    }

    /**
     * {@code bio.read(n)}.
     *
     * @param n at most this many bytes; negative for all
     * @return the bytes read (empty when there are none)
     */
    public synchronized byte[] read(int n) {
        int count = n < 0 ? tail - head : Math.min(n, tail - head);
        byte[] out = Arrays.copyOfRange(data, head, head + count);
        head += count;
        return out;
    }

    /**
     * {@code bio.write(b)}.
     *
     * @param b the bytes to append
     * @return how many were written: all of them
     * @throws SSLError after write_eof(), as CPython: {@code cannot write() after write_eof()}
     */
    public int write(byte[] b) throws SSLError {
        return write(ByteBuffer.wrap(b));
    }

    /** Appends src's remaining bytes, advancing its position. */
    synchronized int write(ByteBuffer src) throws SSLError {
        if (eof) {
            throw new SSLError("cannot write() after write_eof()");
        }
        int n = src.remaining();
        if (tail + n > data.length) {
            int live = tail - head;
            byte[] bigger = live + n > data.length ? new byte[Math.max(data.length * 2, live + n)] : data;
            System.arraycopy(data, head, bigger, 0, live);
            data = bigger;
            head = 0;
            tail = live;
        }
        src.get(data, tail, n);
        tail += n;
        return n;
    }

    /** Moves at most max bytes into dst (advancing it): the count, -1 at EOF, 0 when empty. */
    synchronized int readInto(ByteBuffer dst, int max) {
        if (head == tail) {
            return eof ? -1 : 0;
        }
        int n = Math.min(max, tail - head);
        dst.put(data, head, n);
        head += n;
        return n;
    }

    /** {@code bio.write_eof()}: no more bytes will come; readers see EOF once the buffer is empty. */
    public synchronized void write_eof() {
        eof = true;
    }

    /** Python's repr shape, {@code <_ssl.MemoryBIO object at 0x...>}. */
    @Override
    public String toString() {
        return "<_ssl.MemoryBIO object at 0x" + Integer.toHexString(System.identityHashCode(this)) + ">";
    }
}
