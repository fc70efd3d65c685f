// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.util.Arrays;

/**
 * An AF_UNIX address: Python's str path ({@code '/tmp/sock'}) or bytes path, where a leading NUL
 * byte names the Linux abstract namespace ({@code b'\x00name'}). {@code ""} binds to an
 * autobound abstract name. Prints as Python's repr of the str or the bytes.
 *
 * @param path    the path bytes, as the kernel sees them (str paths are encoded as CPython's
 *                {@code os.fsencode} encodes them: UTF-8 with surrogateescape)
 * @param isBytes whether Python would hold this address as bytes rather than str
 */
public record UnixAddr(byte[] path, boolean isBytes) implements Address {
    /**
     * Python has no None path: CPython's TypeError for {@code bind(None)} on AF_UNIX.
     *
     * @throws TypeError when a component is null
     */
    public UnixAddr {
        if (path == null) {
            throw noPath();
        }
    }

    /**
     * A str path.
     *
     * @param path the file system path (or {@code "\0name"} for an abstract name), encoded as
     *     CPython encodes it: UTF-8 with surrogateescape, so U+DC80 is the byte 0x80
     * @throws UnicodeError CPython's UnicodeEncodeError for any other lone surrogate, e.g.
     *     {@code 'utf-8' codec can't encode character U+D800 in position 0: surrogates not allowed}
     */
    public UnixAddr(String path) {
        this(utf8(path), false);
    }

    /**
     * A bytes path (an abstract name when it starts with NUL).
     *
     * @param path the path bytes, copied
     */
    public UnixAddr(byte[] path) {
        this(path == null ? null : path.clone(), true);
    }

    private static byte[] utf8(String path) {
        if (path == null) {
            throw noPath();
        }
        return SockAddr.fsEncode(path);
    }

    private static TypeError noPath() {
        return new TypeError("a bytes-like object is required, not 'NoneType'");
    }

    /**
     * The path as Python's str (only meaningful when {@link #isBytes()} is false).
     *
     * @return the path bytes decoded as CPython's {@code os.fsdecode} does: UTF-8 with
     *     surrogateescape, so an undecodable byte 0x80 is U+DC80 and the str
     *     round-trips to the same bytes
     */
    public String str() {
        return SockAddr.fsDecode(path);
    }

    /**
     * The path bytes, as the kernel sees them.
     *
     * @return a copy of the bytes, so that the record stays unchanged
     */
    @Override
    public byte[] path() {
        return path.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnixAddr u && u.isBytes == isBytes && Arrays.equals(u.path, path);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(path) * 31 + Boolean.hashCode(isBytes);
    }

    @Override
    public String toString() {
        return isBytes ? Py.repr(path) : Py.repr(str());
    }
}
