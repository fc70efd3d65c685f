// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.io.Closeable;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * What Python's {@code sock.makefile(...)} returns: a {@link BinaryFile} (modes with {@code b}:
 * io.BufferedReader, io.BufferedWriter, io.BufferedRWPair, or the raw SocketIO with
 * {@code buffering=0}) or a {@link TextFile} (io.TextIOWrapper). The methods every file object
 * has are here; {@link #binary()} and {@link #text()} give the typed object without a cast, and
 * {@code sock.makefile("rb") instanceof BinaryFile f} works too.
 *
 * <p>A file object holds a reference on its socket ({@code _io_refs}): the descriptor stays open
 * until the socket and every file object are closed. A file object that is garbage-collected
 * unclosed drops its reference, as CPython's SocketIO finalizer does (unlike CPython, it does not
 * flush what it had buffered for writing).
 */
public abstract sealed class FileObject implements Closeable permits BinaryFile, TextFile {
    FileObject() {
    }

    /** The raw SocketIO under this file object. */
    abstract SocketFile.Raw raw();

    /**
     * {@code f.mode}.
     *
     * @return the mode: {@code 'rb'}, {@code 'wb'}, {@code 'rwb'} for binary files, the mode
     *         given to makefile for text files
     */
    public abstract String mode();

    /**
     * {@code f.closed}.
     *
     * @return whether the file object is closed
     */
    public abstract boolean closed();

    /**
     * {@code f.close()}: flushes what is buffered for writing, then drops the reference on the
     * socket (closing the descriptor if the socket was closed and this was the last file).
     * Later calls do nothing.
     *
     * @throws OSError if flushing or closing the descriptor fails
     */
    @Override
    public abstract void close() throws OSError;

    /**
     * {@code f.flush()}: sends what is buffered for writing.
     *
     * @throws OSError    if sending fails
     * @throws ValueError if the file is closed
     */
    public abstract void flush() throws OSError;

    /**
     * {@code f.name}: SocketIO's name.
     *
     * @return the socket's descriptor, or -1 once the file is closed
     */
    public int name() {
        return raw().name();
    }

    /**
     * {@code f.fileno()}.
     *
     * @return the socket's descriptor
     * @throws ValueError if the file is closed: {@code I/O operation on closed file.}
     */
    public int fileno() {
        raw().checkClosed();
        return raw().fileno();
    }

    /**
     * {@code f.readable()}.
     *
     * @return whether the mode reads
     * @throws ValueError if the file is closed: {@code I/O operation on closed socket.}
     */
    public boolean readable() {
        return raw().readable();
    }

    /**
     * {@code f.writable()}.
     *
     * @return whether the mode writes
     * @throws ValueError if the file is closed: {@code I/O operation on closed socket.}
     */
    public boolean writable() {
        return raw().writable();
    }

    /**
     * This file object as a binary file.
     *
     * @return this, typed
     * @throws TypeError if the file is a text file (its mode has no {@code b})
     */
    public BinaryFile binary() {
        if (this instanceof BinaryFile b) {
            return b;
        }
        throw new TypeError("makefile mode " + Py.repr(mode()) + " gives a text file, not a binary one");
    }

    /**
     * This file object as a text file.
     *
     * @return this, typed
     * @throws TypeError if the file is a binary file (its mode has a {@code b})
     */
    public TextFile text() {
        if (this instanceof TextFile t) {
            return t;
        }
        throw new TypeError("makefile mode " + Py.repr(mode()) + " gives a binary file, not a text one");
    }

    /** A readline method: Python's file iteration calls it until it returns an empty line. */
    interface LineSource<T> {
        T readline() throws OSError;
    }

    /** {@code iter(f)} of either kind of file: lines until an empty one; errors unchecked. */
    static <T> Iterator<T> lines(LineSource<T> source, Predicate<T> empty) {
        return new Iterator<>() {
            private T next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = source.readline();
                    } catch (OSError e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return !empty.test(next);
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                T line = next;
                next = null;
                return line;
            }
        };
    }

    /** Python's {@code object at 0x...} part of a default repr. */
    String at() {
        return " object at 0x" + Integer.toHexString(System.identityHashCode(this)) + ">";
    }
}
