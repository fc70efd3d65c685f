// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/**
 * Python's {@code socketserver.ThreadingMixIn}: a server class that implements it handles each
 * request on a new thread, as {@code class MyServer(ThreadingMixIn, TCPServer)} does in Python:
 * {@code class MyServer extends TCPServer implements ThreadingMixIn}. The threads are virtual
 * threads, which the JVM never waits for at exit (Python's {@code daemon_threads} therefore only
 * decides whether {@link BaseServer#server_close()} joins them, with
 * {@link BaseServer#block_on_close}). The state lives in {@link BaseServer}.
 */
public interface ThreadingMixIn {
}
