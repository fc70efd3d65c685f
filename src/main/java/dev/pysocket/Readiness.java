package dev.pysocket;

/**
 * How the call engine waits for a descriptor to become ready: one function, so that the wait can
 * be replaced (for example by a shared poller that parks virtual threads instead of pinning their
 * carrier thread) without touching any socket method.
 */
@FunctionalInterface
interface Readiness {
    /**
     * Waits until {@code fd} is ready for {@code events} (POLLIN, POLLOUT, POLLERR bits) or the
     * timeout passes. Same contract as poll(2) on one descriptor.
     *
     * @param timeoutMillis milliseconds, or -1 to wait without limit
     * @return &gt; 0 when ready, 0 on timeout, -1 with errno set on failure (EINTR included)
     */
    int await(int fd, int events, int timeoutMillis);
}
