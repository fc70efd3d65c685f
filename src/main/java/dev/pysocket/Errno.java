// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.bindings.posix_h.*;

import dev.pysocket.syscall.Posix;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The errno to exception table: which {@link OSError} subclass CPython raises for an errno
 * (CPython's {@code Objects/exceptions.c}, {@code _PyExc_InitState}), and the message it carries
 * ({@code strerror(3)}, as CPython reads it). docs/errors.md is checked against {@link Table#ROWS}.
 */
final class Errno {
    /** One row: an errno name, its value on this platform, and the class CPython picks. */
    record Row(String name, int errno, Class<? extends OSError> type,
               BiFunction<Integer, String, OSError> make) {
    }

    /**
     * The table, in a holder class of its own: made on the first error, not with the first call
     * ({@link #check} runs on every call), since its 19 constructor references cost a fresh JVM
     * about as much as a socket() does.
     */
    static final class Table {
        static final List<Row> ROWS = List.of(
                new Row("EAGAIN", EAGAIN(), BlockingIOError.class, BlockingIOError::new),
                new Row("EALREADY", EALREADY(), BlockingIOError.class, BlockingIOError::new),
                new Row("EINPROGRESS", EINPROGRESS(), BlockingIOError.class, BlockingIOError::new),
                new Row("EWOULDBLOCK", EWOULDBLOCK(), BlockingIOError.class, BlockingIOError::new),
                new Row("ECHILD", ECHILD(), ChildProcessError.class, ChildProcessError::new),
                new Row("EPIPE", EPIPE(), BrokenPipeError.class, BrokenPipeError::new),
                new Row("ESHUTDOWN", ESHUTDOWN(), BrokenPipeError.class, BrokenPipeError::new),
                new Row("ECONNABORTED", ECONNABORTED(), ConnectionAbortedError.class, ConnectionAbortedError::new),
                new Row("ECONNREFUSED", ECONNREFUSED(), ConnectionRefusedError.class, ConnectionRefusedError::new),
                new Row("ECONNRESET", ECONNRESET(), ConnectionResetError.class, ConnectionResetError::new),
                new Row("EEXIST", EEXIST(), FileExistsError.class, FileExistsError::new),
                new Row("ENOENT", ENOENT(), FileNotFoundError.class, FileNotFoundError::new),
                new Row("EISDIR", EISDIR(), IsADirectoryError.class, IsADirectoryError::new),
                new Row("ENOTDIR", ENOTDIR(), NotADirectoryError.class, NotADirectoryError::new),
                new Row("EINTR", EINTR(), InterruptedError.class, InterruptedError::new),
                new Row("EACCES", EACCES(), PermissionError.class, PermissionError::new),
                new Row("EPERM", EPERM(), PermissionError.class, PermissionError::new),
                new Row("ESRCH", ESRCH(), ProcessLookupError.class, ProcessLookupError::new),
                new Row("ETIMEDOUT", ETIMEDOUT(), TimeoutError.class, TimeoutError::new));

        static final Map<Integer, Row> BY_ERRNO = index();

        private Table() {
        }

        private static Map<Integer, Row> index() {
            Map<Integer, Row> map = new java.util.HashMap<>();
            for (Row row : ROWS) {
                map.put(row.errno(), row);
            }
            return Map.copyOf(map);
        }
    }

    private static final Map<Integer, String> MESSAGES = new ConcurrentHashMap<>();

    private Errno() {
    }

    /** {@code OSError(errno, strerror(errno))}, of the subclass CPython picks for errno. */
    static OSError exception(int errno) {
        String message = strerror(errno);
        Row row = Table.BY_ERRNO.get(errno);
        return row == null ? new OSError(errno, message) : row.make().apply(errno, message);
    }

    /**
     * Python's {@code OSError(errno, strerror)} with a message of the caller's: the subclass
     * CPython's OSError constructor picks for errno (Lib/socket.py's create_server re-raises a
     * bind error this way).
     */
    static OSError exception(int errno, String strerror) {
        Row row = Table.BY_ERRNO.get(errno);
        return row == null ? new OSError(errno, strerror) : row.make().apply(errno, strerror);
    }

    /** A syscall's int result, checked: negative raises the errno it left, else it is returned. */
    static int check(int result) throws OSError {
        if (result < 0) {
            throw last();
        }
        return result;
    }

    /** The exception for the errno the last failed call on this thread left. */
    static OSError last() {
        return exception(Posix.errno());
    }

    /** strerror(3) for errno; messages are cached, since they are read on every error. */
    static String strerror(int errno) {
        return MESSAGES.computeIfAbsent(errno, Posix::strerror);
    }

    /** The error for a socket used after close: {@code [Errno 9] Bad file descriptor}. */
    static OSError badf() {
        return exception(EBADF());
    }

    /** {@code TimeoutError('timed out')}: a socket timeout expired. */
    static TimeoutError timedOut() {
        return new TimeoutError("timed out");
    }
}
