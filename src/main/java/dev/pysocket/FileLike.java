package dev.pysocket;

/**
 * Python's "any object with a {@code fileno()} method": what {@code select.select}, the
 * {@code register} methods of {@code select.poll}/{@code select.epoll} and the selectors accept
 * besides a plain int descriptor. {@link SocketType} implements it; so can any Java object
 * that wraps a descriptor.
 */
public interface FileLike {
    /** The file descriptor, as Python's {@code fileno()}; -1 (or any negative) means closed. */
    int fileno() throws OSError;
}
