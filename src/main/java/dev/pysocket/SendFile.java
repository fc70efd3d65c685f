// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.bindings.posix_h.*;

import dev.pysocket.bindings.stat;
import dev.pysocket.syscall.Posix;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * {@code socket.sendfile(file, offset, count)}, as Lib/socket.py: {@code _sendfile_use_sendfile}
 * (sendfile(2) in blocks of at most 1 GiB, through the {@link CallEngine} in every mode) and, when
 * it gives up before sending anything, {@code _sendfile_use_send} (8192-byte reads sent with
 * {@code send}). A {@link Path} is opened here and has a descriptor, so it takes sendfile(2); a
 * {@link FileChannel} exposes no descriptor, so it takes the send path, as a Python file object
 * without {@code fileno()} does.
 */
final class SendFile {
    /** CPython's cap on one sendfile(2) call (bpo-38319). */
    private static final long MAX_BLOCK = 1L << 30;
    /** {@code _sendfile_use_send}'s read size. */
    private static final int SEND_BLOCK = 8192;

    /** sendfile(2) in the engine's convention: {@code buf} is the off_t, {@code flags} the file's descriptor. */
    private static final CallEngine.Op SENDFILE = (fd, buf, len, flags) ->
            CallEngine.check(Posix.sendfile(fd, flags, buf, len));

    /** A file the send path reads: Python's {@code file.seek} and {@code file.read}. */
    private interface Source {
        void seek(long position) throws OSError;

        /** Reads up to {@code into.remaining()} bytes; 0 at end of file. */
        int read(ByteBuffer into) throws OSError;
    }

    private SendFile() {
    }

    /** {@code sock.sendfile(open(path, 'rb'), offset, count)}. */
    static long send(SocketType sock, Path file, long offset, Long count) throws OSError {
        if (file == null) {
            throw new TypeError("expected str, bytes or os.PathLike object, not NoneType");
        }
        int in;
        try (Arena arena = Arena.ofConfined()) {
            byte[] path = SockAddr.fsEncodeNoNul(file.toString());
            MemorySegment cpath = arena.allocate(path.length + 1L); // zeroed: NUL-terminated
            MemorySegment.copy(path, 0, cpath, ValueLayout.JAVA_BYTE, 0, path.length);
            in = Errno.check(Posix.open(cpath, O_RDONLY() | O_CLOEXEC(), 0));
        }
        try {
            long fsize = size(in); // Python's open() refuses a directory
            Long sent = useSendfile(sock, in, fsize, offset, count);
            return sent != null ? sent : useSend(sock, fdSource(in), offset, count);
        } finally {
            Posix.close(in);
        }
    }

    /** fstat(2)'s st_size; a directory is IsADirectoryError, as Python's {@code open(path, 'rb')}. */
    private static long size(int fd) throws OSError {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment st = stat.allocate(arena);
            Errno.check(Posix.fstat(fd, st));
            if ((stat.st_mode(st) & S_IFMT()) == S_IFDIR()) {
                throw Errno.exception(EISDIR());
            }
            return stat.st_size(st);
        }
    }

    /** {@code sock.sendfile(file, offset, count)} for a channel: no descriptor, so the send path. */
    static long send(SocketType sock, FileChannel file, long offset, Long count) throws OSError {
        if (file == null) {
            throw new AttributeError("'NoneType' object has no attribute 'read'");
        }
        check(sock, count);
        return useSend(sock, channelSource(file), offset, count);
    }

    /** {@code _check_sendfile_params} (a Java file is always binary). */
    private static void check(SocketType sock, Long count) {
        if ((sock.type().value() & SOCK_STREAM()) == 0) {
            throw new ValueError("only SOCK_STREAM type sockets are supported");
        }
        if (count != null && count <= 0) {
            throw new ValueError("count must be a positive integer (got " + count + ")");
        }
    }

    /**
     * {@code _sendfile_use_sendfile}: the bytes sent, or null when it gives up before sending
     * anything (sendfile(2) refused the file, e.g. EINVAL), which is CPython's
     * {@code _GiveupOnSendfile}.
     */
    private static Long useSendfile(SocketType sock, int in, long fsize, long offset, Long count) throws OSError {
        check(sock, count);
        if (fsize == 0) {
            return 0L;
        }
        long blocksize = Math.min(count != null ? count : fsize, MAX_BLOCK);
        long timeout = sock.timeoutNanos();
        if (timeout == 0) {
            throw new ValueError("non-blocking sockets are not supported");
        }
        long total = 0;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment off = arena.allocate(ValueLayout.JAVA_LONG);
            off.set(ValueLayout.JAVA_LONG, 0, offset);
            for (;;) {
                if (count != null) {
                    blocksize = count - total;
                    if (blocksize <= 0) {
                        break;
                    }
                }
                long sent;
                try {
                    // a new deadline for each block: CPython's select(timeout) before each call
                    sent = CallEngine.call(sock.handle(), timeout, timeout > 0 ? PyTime.deadline(timeout) : 0, true,
                            false, SENDFILE, off, blocksize, in);
                } catch (TimeoutError e) {
                    throw e;
                } catch (OSError e) {
                    if (total == 0) {
                        return null;
                    }
                    throw e;
                }
                if (sent == 0) {
                    break; // EOF
                }
                total += sent;
            }
        }
        return total;
    }

    /** {@code _sendfile_use_send}: reads of 8192 bytes (or what is left of count), each sent whole. */
    private static long useSend(SocketType sock, Source file, long offset, Long count) throws OSError {
        check(sock, count);
        if (sock.timeoutNanos() == 0) {
            throw new ValueError("non-blocking sockets are not supported");
        }
        if (offset != 0) {
            file.seek(offset);
        }
        int blocksize = count != null ? (int) Math.min(count, SEND_BLOCK) : SEND_BLOCK;
        ByteBuffer buf = ByteBuffer.allocateDirect(SEND_BLOCK);
        long total = 0;
        try {
            for (;;) {
                if (count != null) {
                    blocksize = (int) Math.min(count - total, blocksize);
                    if (blocksize <= 0) {
                        break;
                    }
                }
                buf.clear().limit(blocksize);
                int n = file.read(buf);
                if (n <= 0) {
                    break; // EOF
                }
                buf.flip();
                while (buf.hasRemaining()) {
                    try {
                        int sent = sock.send(buf);
                        total += sent;
                        buf.position(buf.position() + sent);
                    } catch (BlockingIOError e) {
                        // CPython retries at once
                    }
                }
            }
            return total;
        } finally {
            if (total > 0) {
                file.seek(offset + total);
            }
        }
    }

    private static Source fdSource(int fd) {
        return new Source() {
            @Override
            public void seek(long position) throws OSError {
                if (Posix.lseek(fd, position, SEEK_SET()) < 0) {
                    throw Errno.last();
                }
            }

            @Override
            public int read(ByteBuffer into) throws OSError {
                MemorySegment seg = MemorySegment.ofBuffer(into);
                for (;;) {
                    long n = Posix.read(fd, seg, seg.byteSize());
                    if (n >= 0) {
                        into.position(into.position() + (int) n);
                        return (int) n;
                    }
                    OSError e = Errno.last();
                    if (!e.is(EINTR())) {
                        throw e;
                    }
                }
            }
        };
    }

    private static Source channelSource(FileChannel ch) {
        return new Source() {
            @Override
            public void seek(long position) throws OSError {
                checkSeek(position);
                try {
                    ch.position(position);
                } catch (IOException e) {
                    throw ioError(e);
                }
            }

            @Override
            public int read(ByteBuffer into) throws OSError {
                try {
                    return Math.max(0, ch.read(into));
                } catch (IOException e) {
                    throw ioError(e);
                }
            }
        };
    }

    /** A negative position: lseek(2)'s EINVAL, which Python's file.seek raises. */
    private static void checkSeek(long position) throws OSError {
        if (position < 0) {
            throw Errno.exception(EINVAL());
        }
    }

    /** A channel's IOException as Python would report the file's failure: an OSError with its text. */
    private static OSError ioError(IOException e) {
        return new OSError(String.valueOf(e.getMessage() != null ? e.getMessage() : e));
    }
}
