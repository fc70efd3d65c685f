// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/**
 * Python's "any object with a {@code fileno()} method": what {@code select.select}, the
 * {@code register} methods of {@code select.poll}/{@code select.epoll} and the selectors accept
 * besides a plain int descriptor. {@link SocketType} implements it; so can any Java object
 * that wraps a descriptor.
 */
public interface FileLike {
    /**
     * The file descriptor, as Python's {@code fileno()}; -1 (or any negative) means closed.
     *
     * @return the descriptor the object wraps now; a negative value (a closed socket's -1) is
     *     refused by select with
     *     {@code ValueError('file descriptor cannot be a negative integer (-1)')}
     * @throws OSError when the object cannot tell its descriptor (Python lets {@code fileno()}
     *     raise anything; select passes it on unchanged)
     */
    int fileno() throws OSError;
}
