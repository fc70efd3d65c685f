// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * A binary file object from {@code sock.makefile('rb' | 'wb' | 'rwb', buffering)}: Python's
 * io.BufferedReader, io.BufferedWriter or io.BufferedRWPair over the socket, or, with
 * {@code buffering=0}, the raw {@code socket.SocketIO} itself (every read one recv, every write
 * one send). Methods, results and errors are Python's; {@code null} is Python's None, which
 * the reading methods return when a non-blocking socket has nothing yet. Iterating gives the
 * lines ({@code for line in f}); an error while iterating is thrown as an
 * {@link UncheckedIOException} around the OSError. {@link #asInputStream()} and
 * {@link #asOutputStream()} are views for Java code.
 */
public final class BinaryFile extends FileObject implements Iterable<byte[]> {
    private final SocketFile.Raw raw;
    /** The buffer size; 0 is the raw SocketIO. */
    private final int size;
    private final byte[] rbuf;
    private int rpos;
    private int rlen;
    private final ByteArrayOutputStream wbuf = new ByteArrayOutputStream();

    BinaryFile(SocketFile.Raw raw, int size) {
        this.raw = raw;
        this.size = size;
        this.rbuf = new byte[Math.max(size, 1)];
        raw.own(this);
    }

    @Override
    SocketFile.Raw raw() {
        return raw;
    }

    private boolean buffered() {
        return size > 0;
    }

    @Override
    public String mode() {
        return raw.mode();
    }

    @Override
    public boolean closed() {
        return raw.closed();
    }

    /** Buffered files answer for a direction they lack without looking at the raw file (IOBase's False). */
    @Override
    public boolean readable() {
        return (!buffered() || raw.reading) && super.readable();
    }

    @Override
    public boolean writable() {
        return (!buffered() || raw.writing) && super.writable();
    }

    /** A buffered method's checks, in CPython's order: the mode first, then closed. */
    private void checkRead(String what) throws UnsupportedOperation {
        if (!raw.reading) {
            throw new UnsupportedOperation("read");
        }
        if (raw.closed()) {
            throw new ValueError(what + " of closed file");
        }
    }

    /**
     * {@code f.read()}: everything up to EOF.
     *
     * @return the bytes (empty at EOF), or null when a non-blocking socket had nothing
     * @throws OSError    if the socket fails (TimeoutError on a timeout; the file is then unusable)
     * @throws ValueError if the file is closed
     */
    public byte[] read() throws OSError {
        return read(-1);
    }

    /**
     * {@code f.read(size)}: buffered files wait for size bytes or EOF; the raw file
     * ({@code buffering=0}) returns what one recv gives.
     *
     * @param size how many bytes; -1 means up to EOF
     * @return the bytes (fewer only at EOF), or null when a non-blocking socket had nothing
     * @throws OSError    if the socket fails, or {@link UnsupportedOperation} if the mode does not read
     * @throws ValueError if the file is closed or size is below -1
     */
    public byte[] read(int size) throws OSError {
        if (!buffered()) {
            raw.checkClosed();
            if (size < 0) {
                return readAll();
            }
            byte[] b = new byte[size];
            Integer n = raw.readinto(b, 0, size);
            return n == null ? null : Arrays.copyOf(b, n);
        }
        checkRead("read");
        if (size < -1) {
            throw new ValueError("read length must be non-negative or -1");
        }
        return size == -1 ? readAll() : readFully(size);
    }

    private byte[] readAll() throws OSError {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(rbuf, rpos, rlen - rpos);
        rpos = rlen = 0;
        byte[] chunk = new byte[SocketFile.DEFAULT_BUFFER_SIZE];
        while (true) {
            Integer n = raw.readinto(chunk, 0, chunk.length);
            if (n == null) {
                return out.size() == 0 ? null : out.toByteArray();
            }
            if (n == 0) {
                return out.toByteArray();
            }
            out.write(chunk, 0, n);
        }
    }

    private byte[] readFully(int n) throws OSError {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (out.size() < n) {
            if (rpos == rlen) {
                Integer got = fill();
                if (got == null) {
                    return out.size() == 0 ? null : out.toByteArray();
                }
                if (got == 0) {
                    break;
                }
            }
            int k = Math.min(n - out.size(), rlen - rpos);
            out.write(rbuf, rpos, k);
            rpos += k;
        }
        return out.toByteArray();
    }

    /** One raw read into the empty buffer. */
    private Integer fill() throws OSError {
        rpos = rlen = 0;
        Integer got = raw.readinto(rbuf, 0, rbuf.length);
        if (got != null) {
            rlen = got;
        }
        return got;
    }

    /**
     * {@code f.read1(size)}: what the buffer holds, or else at most one recv.
     *
     * @param size the most bytes to return; -1 means the buffer's size
     * @return the bytes (empty at EOF), or null when a non-blocking socket had nothing
     * @throws OSError    if the socket fails, or {@link UnsupportedOperation} if the mode does not read
     * @throws ValueError if the file is closed
     */
    public byte[] read1(int size) throws OSError {
        if (!buffered()) {
            return read(size);
        }
        checkRead("read");
        int n = size < 0 ? rbuf.length : size;
        if (n == 0) {
            return new byte[0];
        }
        if (rpos == rlen) {
            Integer got = fill();
            if (got == null) {
                return null;
            }
        }
        int k = Math.min(n, rlen - rpos);
        byte[] out = Arrays.copyOfRange(rbuf, rpos, rpos + k);
        rpos += k;
        return out;
    }

    /**
     * {@code f.readline()}: up to and including the next {@code b'\n'}, or up to EOF.
     *
     * @return the line (empty at EOF)
     * @throws OSError    if the socket fails, or {@link UnsupportedOperation} if the mode does not read
     * @throws ValueError if the file is closed
     */
    public byte[] readline() throws OSError {
        return readline(-1);
    }

    /**
     * {@code f.readline(size)}: as {@link #readline()}, but at most size bytes.
     *
     * @param size the most bytes; -1 means no limit
     * @return the line (empty at EOF)
     * @throws OSError    if the socket fails, or {@link UnsupportedOperation} if the mode does not read
     * @throws ValueError if the file is closed
     */
    public byte[] readline(int size) throws OSError {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!buffered()) {
            raw.checkClosed();
            byte[] one = new byte[1];
            while (size < 0 || out.size() < size) {
                Integer n = raw.readinto(one, 0, 1);
                if (n == null || n == 0) {
                    break;
                }
                out.write(one[0]);
                if (one[0] == '\n') {
                    break;
                }
            }
            return out.toByteArray();
        }
        checkRead("readline");
        while (size < 0 || out.size() < size) {
            if (rpos == rlen) {
                Integer got = fill();
                if (got == null || got == 0) {
                    break;
                }
            }
            byte c = rbuf[rpos++];
            out.write(c);
            if (c == '\n') {
                break;
            }
        }
        return out.toByteArray();
    }

    /**
     * {@code f.readlines()}: every line up to EOF.
     *
     * @return the lines
     * @throws OSError    if the socket fails, or {@link UnsupportedOperation} if the mode does not read
     * @throws ValueError if the file is closed
     */
    public List<byte[]> readlines() throws OSError {
        raw.checkClosed();
        List<byte[]> lines = new ArrayList<>();
        for (byte[] line = readline(); line.length > 0; line = readline()) {
            lines.add(line);
        }
        return lines;
    }

    /**
     * {@code f.readinto(b)}: buffered files fill b (fewer bytes only at EOF); the raw file does
     * one recv_into.
     *
     * @param b the array to fill from its start
     * @return the count (0 at EOF), or null when a non-blocking socket had nothing
     * @throws OSError    if the socket fails, or {@link UnsupportedOperation} if the mode does not read
     * @throws ValueError if the file is closed
     */
    public Integer readinto(byte[] b) throws OSError {
        Buffers.checkNotNone(b);
        if (!buffered()) {
            return raw.readinto(b, 0, b.length);
        }
        checkRead("readinto");
        byte[] got = readFully(b.length);
        if (got == null) {
            return null;
        }
        System.arraycopy(got, 0, b, 0, got.length);
        return got.length;
    }

    /**
     * {@code f.write(b)}: buffered files keep the bytes until the buffer is full, flush() or
     * close(); the raw file does one send and returns its count.
     *
     * @param b the bytes
     * @return how many bytes were taken, or null when a non-blocking raw file took none
     * @throws OSError    if the socket fails, or {@link UnsupportedOperation} if the mode does not write
     * @throws ValueError if the file is closed
     */
    public Integer write(byte[] b) throws OSError {
        Buffers.checkNotNone(b);
        if (!buffered()) {
            return raw.write(b, 0, b.length);
        }
        if (!raw.writing) {
            throw new UnsupportedOperation("write");
        }
        if (raw.closed()) {
            throw new ValueError("write to closed file");
        }
        wbuf.write(b, 0, b.length);
        if (wbuf.size() > size) {
            flushBuffer();
        }
        return b.length;
    }

    /**
     * {@code f.writelines(lines)}: writes each item in turn.
     *
     * @param lines the byte strings
     * @throws OSError    if the socket fails, or {@link UnsupportedOperation} if the mode does not write
     * @throws ValueError if the file is closed
     */
    public void writelines(List<byte[]> lines) throws OSError {
        raw.checkClosed();
        for (byte[] line : lines) {
            write(line);
        }
    }

    @Override
    public void flush() throws OSError {
        if (!buffered() || !raw.writing) {
            raw.checkClosed();
            return;
        }
        if (raw.closed()) {
            throw new ValueError("flush of closed file");
        }
        flushBuffer();
    }

    /** Sends the write buffer; each raw write is one send. */
    private void flushBuffer() throws OSError {
        byte[] data = wbuf.toByteArray();
        int at = 0;
        try {
            while (at < data.length) {
                Integer n = raw.write(data, at, data.length - at);
                if (n == null) {
                    throw Errno.exception(errno.EAGAIN);
                }
                at += n;
            }
        } finally {
            wbuf.reset();
            wbuf.write(data, at, data.length - at);
        }
    }

    @Override
    public void close() throws OSError {
        if (raw.closed()) {
            return;
        }
        try {
            if (buffered() && raw.writing) {
                flushBuffer();
            }
        } finally {
            raw.close();
        }
    }

    /**
     * {@code iter(f)}: the lines, as {@link #readline()} gives them, until EOF.
     *
     * @return an iterator whose next() throws {@link UncheckedIOException} around a socket error
     * @throws ValueError if the file is closed
     */
    @Override
    public Iterator<byte[]> iterator() {
        raw.checkClosed();
        return lines(this::readline, line -> line.length == 0);
    }

    /**
     * A Java view: {@code read(b, off, len)} is {@link #read1(int)} (what is buffered, or one
     * recv), -1 at EOF; close() closes this file. A non-blocking socket with nothing to read
     * raises BlockingIOError (an InputStream cannot return None).
     *
     * @return the stream
     */
    public InputStream asInputStream() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                java.util.Objects.checkFromIndexSize(off, len, b.length);
                if (len == 0) {
                    return 0;
                }
                byte[] got = read1(len);
                if (got == null) {
                    throw Errno.exception(errno.EAGAIN);
                }
                System.arraycopy(got, 0, b, off, got.length);
                return got.length == 0 ? -1 : got.length;
            }

            @Override
            public void close() throws IOException {
                BinaryFile.this.close();
            }
        };
    }

    /**
     * A Java view: writes go to {@link #write(byte[])} (buffered, unless buffering is 0, where
     * the rest of a partial send is sent too), flush() and close() are this file's.
     *
     * @return the stream
     */
    public OutputStream asOutputStream() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                java.util.Objects.checkFromIndexSize(off, len, b.length);
                byte[] data = Arrays.copyOfRange(b, off, off + len);
                int at = 0;
                while (at < data.length) {
                    Integer n = BinaryFile.this.write(Arrays.copyOfRange(data, at, data.length));
                    if (n == null) {
                        throw Errno.exception(errno.EAGAIN);
                    }
                    at += n;
                }
            }

            @Override
            public void flush() throws IOException {
                BinaryFile.this.flush();
            }

            @Override
            public void close() throws IOException {
                BinaryFile.this.close();
            }
        };
    }

    /**
     * Python's repr: {@code <_io.BufferedReader name=3>}, {@code <socket.SocketIO object at 0x...>},
     * {@code <socketserver._SocketWriter object at 0x...>}.
     */
    @Override
    public String toString() {
        if (!buffered()) {
            return "<" + raw.sock.className() + at();
        }
        if (raw.reading && raw.writing) {
            return "<_io.BufferedRWPair" + at();
        }
        return "<_io.Buffered" + (raw.reading ? "Reader" : "Writer") + " name=" + name() + ">";
    }
}
