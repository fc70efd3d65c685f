// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A text file object from {@code sock.makefile('r' | 'w' | 'rw', encoding=..., errors=...,
 * newline=...)}: Python's io.TextIOWrapper over a buffered {@link BinaryFile}. The encoding
 * defaults to {@code 'UTF-8'} (CPython's locale encoding here), errors to {@code 'strict'}
 * (also {@code 'replace'}, {@code 'ignore'}, {@code 'surrogateescape'}); newline is Python's:
 * null (None) reads {@code \r\n} and {@code \r} as {@code \n}, {@code ""} splits lines at any
 * of them without translating, {@code "\n"}, {@code "\r"}, {@code "\r\n"} split at that one and
 * are what {@code \n} becomes on writing. Iterating gives the lines; {@link #asReader()} and
 * {@link #asWriter()} are views for Java code.
 */
public final class TextFile extends FileObject implements Iterable<String> {
    /** makefile's text arguments, checked before the socket reference is taken. */
    record Options(String encoding, String errors, String newline) {
        Options {
            if (newline != null && !newline.isEmpty() && !newline.equals("\n") && !newline.equals("\r")
                    && !newline.equals("\r\n")) {
                throw new ValueError("illegal newline value: " + newline);
            }
            encoding = encoding == null ? "UTF-8" : encoding;
            Codecs.charset(encoding);
            errors = errors == null ? "strict" : errors;
        }
    }

    private final BinaryFile buffer;
    private final String mode;
    private final Options options;
    private final Charset charset;
    private Codecs.Decoder decoder;
    private final StringBuilder decoded = new StringBuilder();
    private boolean eof;
    /** Universal newlines: a {@code \r} at a chunk's end waits to see whether {@code \n} follows. */
    private boolean pendingCR;

    TextFile(BinaryFile buffer, String mode, Options options) {
        this.buffer = buffer;
        this.mode = mode;
        this.options = options;
        this.charset = Codecs.charset(options.encoding());
    }

    @Override
    SocketFile.Raw raw() {
        return buffer.raw();
    }

    @Override
    public String mode() {
        return mode;
    }

    @Override
    public boolean readable() {
        return buffer.readable();
    }

    @Override
    public boolean writable() {
        return buffer.writable();
    }

    @Override
    public boolean closed() {
        return buffer.closed();
    }

    /**
     * {@code f.encoding}.
     *
     * @return the encoding's name as given, {@code 'UTF-8'} by default
     */
    public String encoding() {
        return options.encoding();
    }

    /**
     * {@code f.errors}.
     *
     * @return the error handler's name, {@code 'strict'} by default
     */
    public String errors() {
        return options.errors();
    }

    private void check(boolean reading) throws UnsupportedOperation {
        raw().checkClosed();
        if (reading ? !raw().reading : !raw().writing) {
            throw new UnsupportedOperation(reading ? "not readable" : "not writable");
        }
    }

    /** Decodes one more chunk (what one read1 gives); false once EOF was decoded. */
    private boolean fill() throws OSError {
        if (eof) {
            return false;
        }
        if (decoder == null) {
            decoder = new Codecs.Decoder(charset, options.errors());
        }
        byte[] chunk = buffer.read1(SocketFile.DEFAULT_BUFFER_SIZE);
        if (chunk == null) {
            throw Errno.exception(errno.EAGAIN);
        }
        eof = chunk.length == 0;
        String text = decoder.decode(chunk, 0, chunk.length, eof);
        if (options.newline() == null) {
            if (pendingCR) {
                text = "\r" + text;
                pendingCR = false;
            }
            if (!eof && text.endsWith("\r")) {
                pendingCR = true;
                text = text.substring(0, text.length() - 1);
            }
            text = text.replace("\r\n", "\n").replace('\r', '\n');
        }
        decoded.append(text);
        return true;
    }

    private String take(int n) {
        String s = decoded.substring(0, n);
        decoded.delete(0, n);
        return s;
    }

    /**
     * {@code f.read()}: the text up to EOF.
     *
     * @return the text (empty at EOF)
     * @throws OSError    if the socket fails, or {@link UnsupportedOperation} if the mode does not read
     * @throws ValueError if the file is closed, or {@link UnicodeError} for undecodable bytes
     *                    under {@code errors='strict'}
     */
    public String read() throws OSError {
        return read(-1);
    }

    /**
     * {@code f.read(size)}: size characters, fewer only at EOF.
     *
     * @param size how many characters (UTF-16 units in Java); negative means up to EOF
     * @return the text
     * @throws OSError    if the socket fails, or {@link UnsupportedOperation} if the mode does not read
     * @throws ValueError if the file is closed, or {@link UnicodeError} for undecodable bytes
     */
    public String read(int size) throws OSError {
        check(true);
        while ((size < 0 || decoded.length() < size) && fill()) {
            // decode until enough
        }
        return take(size < 0 ? decoded.length() : Math.min(size, decoded.length()));
    }

    /**
     * {@code f.readline()}: up to and including the next line end (see the class comment).
     *
     * @return the line (empty at EOF)
     * @throws OSError    if the socket fails, or {@link UnsupportedOperation} if the mode does not read
     * @throws ValueError if the file is closed, or {@link UnicodeError} for undecodable bytes
     */
    public String readline() throws OSError {
        return readline(-1);
    }

    /**
     * {@code f.readline(size)}: as {@link #readline()}, but at most size characters.
     *
     * @param size the most characters; negative means no limit
     * @return the line (empty at EOF)
     * @throws OSError    if the socket fails, or {@link UnsupportedOperation} if the mode does not read
     * @throws ValueError if the file is closed, or {@link UnicodeError} for undecodable bytes
     */
    public String readline(int size) throws OSError {
        check(true);
        while (true) {
            int end = lineEnd();
            if (end >= 0) {
                return take(size >= 0 ? Math.min(size, end) : end);
            }
            if (size >= 0 && decoded.length() >= size) {
                return take(size);
            }
            if (!fill()) {
                return take(size >= 0 ? Math.min(size, decoded.length()) : decoded.length());
            }
        }
    }

    /** Where the first complete line of {@link #decoded} ends (after its terminator), or -1. */
    private int lineEnd() {
        String nl = options.newline();
        if (nl == null || nl.equals("\n")) {
            int i = decoded.indexOf("\n");
            return i < 0 ? -1 : i + 1;
        }
        if (!nl.isEmpty()) {
            int i = decoded.indexOf(nl);
            return i < 0 ? -1 : i + nl.length();
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c == '\n') {
                return i + 1;
            }
            if (c == '\r') {
                if (i + 1 < decoded.length()) {
                    return decoded.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                }
                return eof ? i + 1 : -1; // a \n may follow in the next chunk
            }
        }
        return -1;
    }

    /**
     * {@code f.readlines()}: every line up to EOF.
     *
     * @return the lines
     * @throws OSError    if the socket fails, or {@link UnsupportedOperation} if the mode does not read
     * @throws ValueError if the file is closed, or {@link UnicodeError} for undecodable bytes
     */
    public List<String> readlines() throws OSError {
        List<String> lines = new ArrayList<>();
        for (String line = readline(); !line.isEmpty(); line = readline()) {
            lines.add(line);
        }
        return lines;
    }

    /**
     * {@code f.write(s)}: encodes s ({@code \n} becomes the newline argument) into the buffer;
     * flush() or close() sends it.
     *
     * @param s the text
     * @return the number of characters written (Python's code points)
     * @throws OSError    if the socket fails, or {@link UnsupportedOperation} if the mode does not write
     * @throws ValueError if the file is closed, or {@link UnicodeError} for text the encoding
     *                    cannot hold under {@code errors='strict'} (a lone surrogate in UTF-8)
     */
    public int write(String s) throws OSError {
        if (s == null) {
            throw new TypeError("write() argument must be str, not None");
        }
        check(false);
        String nl = options.newline();
        String text = nl == null || nl.isEmpty() || nl.equals("\n") ? s : s.replace("\n", nl);
        buffer.write(Codecs.encode(text, charset, options.errors()));
        return s.codePointCount(0, s.length());
    }

    /**
     * {@code f.writelines(lines)}: writes each string in turn.
     *
     * @param lines the strings
     * @throws OSError    if the socket fails, or {@link UnsupportedOperation} if the mode does not write
     * @throws ValueError if the file is closed, or {@link UnicodeError} as {@link #write(String)}
     */
    public void writelines(List<String> lines) throws OSError {
        raw().checkClosed();
        for (String line : lines) {
            write(line);
        }
    }

    @Override
    public void flush() throws OSError {
        raw().checkClosed();
        buffer.flush();
    }

    @Override
    public void close() throws OSError {
        buffer.close();
    }

    /**
     * {@code iter(f)}: the lines, as {@link #readline()} gives them, until EOF.
     *
     * @return an iterator whose next() throws {@link UncheckedIOException} around a socket error
     * @throws ValueError if the file is closed
     */
    @Override
    public Iterator<String> iterator() {
        raw().checkClosed();
        return lines(this::readline, String::isEmpty);
    }

    /**
     * A Java view: {@code read(cbuf, off, len)} gives what is decoded, decoding one more chunk
     * when nothing is; -1 at EOF. close() closes this file.
     *
     * @return the reader
     */
    public Reader asReader() {
        return new Reader() {
            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                java.util.Objects.checkFromIndexSize(off, len, cbuf.length);
                check(true);
                if (len == 0) {
                    return 0;
                }
                while (decoded.isEmpty() && fill()) {
                    // one chunk may decode to nothing (an incomplete character)
                }
                if (decoded.isEmpty()) {
                    return -1;
                }
                int n = Math.min(len, decoded.length());
                decoded.getChars(0, n, cbuf, off);
                decoded.delete(0, n);
                return n;
            }

            @Override
            public void close() throws IOException {
                TextFile.this.close();
            }
        };
    }

    /**
     * A Java view: writes go to {@link #write(String)}; flush() and close() are this file's.
     *
     * @return the writer
     */
    public Writer asWriter() {
        return new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                TextFile.this.write(new String(cbuf, off, len));
            }

            @Override
            public void flush() throws IOException {
                TextFile.this.flush();
            }

            @Override
            public void close() throws IOException {
                TextFile.this.close();
            }
        };
    }

    /** Python's repr: {@code <_io.TextIOWrapper name=3 mode='r' encoding='UTF-8'>}. */
    @Override
    public String toString() {
        String name = raw().reading && raw().writing ? "" : " name=" + name();
        return "<_io.TextIOWrapper" + name + " mode=" + Py.repr(mode) + " encoding=" + Py.repr(options.encoding())
                + ">";
    }
}
