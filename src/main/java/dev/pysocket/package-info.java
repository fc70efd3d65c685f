// SPDX-License-Identifier: Apache-2.0
/**
 * CPython's {@code socket}, {@code select}, {@code selectors}, {@code errno}, {@code ssl} and
 * {@code socketserver} modules for Java: the same
 * names, arguments, results, exceptions, errno and messages as CPython 3.11 on Linux, over the
 * Foreign Function and Memory API (no JNI). This package is the whole public API.
 *
 * <h2>Where to start</h2>
 * A Python line becomes a Java line: {@code import static dev.pysocket.socket.*;} and then
 * {@code socket(AF_INET, SOCK_STREAM)}, {@code sock.connect(new InetAddr("127.0.0.1", 80))},
 * {@code sock.recv(4096)}. Python's values map to Java's as docs/mapping.md lists: None is
 * {@code null}, bytes is {@code byte[]} (or a {@code ByteBuffer}/{@code MemorySegment}), a
 * float timeout is a {@code Double}, a tuple is a record that prints like the tuple, and each
 * Python exception is a class of the same name ({@link OSError} and its subclasses are checked
 * {@link java.io.IOException}s; {@link ValueError}, {@link TypeError} and the like are
 * unchecked).
 *
 * <h2>Reading order</h2>
 * To read the sources from the top down, follow one call, say {@code sock.recv(1024)}:
 * <ol>
 * <li><b>Module classes</b>: {@link socket} (functions and constants of Python's
 *     {@code socket} module), {@link select} ({@code select()}, {@code poll}, {@code epoll}),
 *     {@link selectors} (Lib/selectors.py, class for class), {@link errno}, and on top of them
 *     {@link ssl} (on the JDK's SSLEngine) and {@link socketserver}. Lower-case like the modules
 *     they stand for.</li>
 * <li><b>The socket object</b>: {@link SocketType}, Python's {@code socket.socket}: one method
 *     per Python method, with CPython's argument checks, then a call into the engine.</li>
 * <li><b>The call engine</b>: {@code CallEngine}, CPython's {@code sock_call_ex}, the one loop
 *     that waits: the syscall tried first, then, on EAGAIN, a wait decided per call (a virtual
 *     thread parks on the shared {@code Poller}, a platform thread calls poll(2), registered as
 *     a {@code Caller} that close() and Thread.interrupt() can signal); one monotonic deadline
 *     ({@code PyTime}); EINTR retried (PEP 475); errno turned into the exception CPython raises
 *     ({@code Errno}).</li>
 * <li><b>The descriptor handle</b>: {@code FdHandle}, which every call holds for the length of
 *     its syscall, so that a socket closed by another thread never has its number closed or
 *     reused under a call in flight; its close pre-closes the number (dup3 of a dead socket)
 *     and wakes the calls in flight, and the last one out releases it.</li>
 * <li><b>The syscall layer</b>: package {@code dev.pysocket.syscall}: {@code Posix}, one static
 *     method per C call, typed as in C, with errno captured by the downcall; {@code Scratch},
 *     the per-thread native memory those calls reuse.</li>
 * <li><b>The generated bindings</b>: package {@code dev.pysocket.bindings} (folder
 *     {@code bindings/linux-x86_64/}), written by {@code native/generate} from the system
 *     headers: constants, downcall handles, struct layouts. Never edited by hand.</li>
 * </ol>
 * Beside that path, package-private classes hold one piece each: argument staging for the
 * kernel ({@code Buffers}), Python addresses to and from {@code sockaddr} ({@code SockAddr}),
 * name resolution ({@code Resolver}), address conversions ({@code Inet}),
 * {@code create_connection}/{@code create_server} ({@code Connections}), sendmsg/recvmsg and
 * their ancillary data ({@code SendmsgRecvmsg}), Python's file objects for {@code makefile()}
 * ({@code FileObject}, {@code BinaryFile}, {@code TextFile}, {@code SocketFile}, {@code Codecs}),
 * TLS over a socket ({@code TlsChannel}, {@code Pem}, {@code Certs}). docs/architecture.md
 * draws the layers and follows one {@code recv} through them.
 */
package dev.pysocket;
