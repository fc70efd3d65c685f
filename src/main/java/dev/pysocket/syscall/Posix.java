// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.syscall;

import dev.pysocket.bindings.posix_h;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * The syscall layer: one static method per C call, named and typed as in C, returning what C
 * returns. When a call fails, {@link #errno()} reads the errno it left; errno is captured by the
 * downcall itself ({@code Linker.Option.captureCallState("errno")}) into this thread's
 * {@link Scratch}, so nothing the JVM does between the call and the read can change it.
 *
 * <p>No policy lives here: no retries, no timeouts, no exceptions. Callers pass native memory
 * they own; see the man pages of each call for its contract.
 */
public final class Posix {
    private static final long ERRNO = posix_h.errnoOffset();

    private Posix() {
    }

    private static MemorySegment state() {
        return Scratch.get().callState;
    }

    /** The errno that the last failing call on this thread left. Read it only after a failure. */
    public static int errno() {
        return Scratch.get().callState.get(ValueLayout.JAVA_INT, ERRNO);
    }

    /** socket(2). */
    public static int socket(int domain, int type, int protocol) {
        return posix_h.socket(state(), domain, type, protocol);
    }

    /** socketpair(2); {@code sv} holds two ints. */
    public static int socketpair(int domain, int type, int protocol, MemorySegment sv) {
        return posix_h.socketpair(state(), domain, type, protocol, sv);
    }

    /** bind(2). */
    public static int bind(int fd, MemorySegment addr, int addrlen) {
        return posix_h.bind(state(), fd, addr, addrlen);
    }

    /** listen(2). */
    public static int listen(int fd, int backlog) {
        return posix_h.listen(state(), fd, backlog);
    }

    /** accept4(2). */
    public static int accept4(int fd, MemorySegment addr, MemorySegment addrlen, int flags) {
        return posix_h.accept4(state(), fd, addr, addrlen, flags);
    }

    /** connect(2). */
    public static int connect(int fd, MemorySegment addr, int addrlen) {
        return posix_h.connect(state(), fd, addr, addrlen);
    }

    /** send(2). */
    public static long send(int fd, MemorySegment buf, long len, int flags) {
        return posix_h.send(state(), fd, buf, len, flags);
    }

    /** sendto(2). */
    public static long sendto(int fd, MemorySegment buf, long len, int flags, MemorySegment addr, int addrlen) {
        return posix_h.sendto(state(), fd, buf, len, flags, addr, addrlen);
    }

    /** sendmsg(2). */
    public static long sendmsg(int fd, MemorySegment msg, int flags) {
        return posix_h.sendmsg(state(), fd, msg, flags);
    }

    /** recv(2). */
    public static long recv(int fd, MemorySegment buf, long len, int flags) {
        return posix_h.recv(state(), fd, buf, len, flags);
    }

    /** recvfrom(2). */
    public static long recvfrom(int fd, MemorySegment buf, long len, int flags, MemorySegment addr, MemorySegment addrlen) {
        return posix_h.recvfrom(state(), fd, buf, len, flags, addr, addrlen);
    }

    /** recvmsg(2). */
    public static long recvmsg(int fd, MemorySegment msg, int flags) {
        return posix_h.recvmsg(state(), fd, msg, flags);
    }

    /** shutdown(2). */
    public static int shutdown(int fd, int how) {
        return posix_h.shutdown(state(), fd, how);
    }

    /** close(2). */
    public static int close(int fd) {
        return posix_h.close(state(), fd);
    }

    /** dup(2). */
    public static int dup(int fd) {
        return posix_h.dup(state(), fd);
    }

    /** dup3(2): makes {@code newfd} refer to {@code oldfd}'s file, atomically replacing what it referred to. */
    public static int dup3(int oldfd, int newfd, int flags) {
        return posix_h.dup3(state(), oldfd, newfd, flags);
    }

    /** fcntl(2) with an int argument. */
    public static int fcntl(int fd, int cmd, int arg) {
        return posix_h.fcntl(state(), fd, cmd, arg);
    }

    /** ioctl(2) with a pointer argument. */
    public static int ioctl(int fd, long request, MemorySegment arg) {
        return posix_h.ioctl(state(), fd, request, arg);
    }

    /** getsockopt(2). */
    public static int getsockopt(int fd, int level, int optname, MemorySegment optval, MemorySegment optlen) {
        return posix_h.getsockopt(state(), fd, level, optname, optval, optlen);
    }

    /** setsockopt(2). */
    public static int setsockopt(int fd, int level, int optname, MemorySegment optval, int optlen) {
        return posix_h.setsockopt(state(), fd, level, optname, optval, optlen);
    }

    /** getsockname(2). */
    public static int getsockname(int fd, MemorySegment addr, MemorySegment addrlen) {
        return posix_h.getsockname(state(), fd, addr, addrlen);
    }

    /** getpeername(2). */
    public static int getpeername(int fd, MemorySegment addr, MemorySegment addrlen) {
        return posix_h.getpeername(state(), fd, addr, addrlen);
    }

    /** getaddrinfo(3): returns 0 or an EAI_* code; errno matters only for EAI_SYSTEM. */
    public static int getaddrinfo(MemorySegment node, MemorySegment service, MemorySegment hints, MemorySegment res) {
        return posix_h.getaddrinfo(state(), node, service, hints, res);
    }

    /** freeaddrinfo(3). */
    public static void freeaddrinfo(MemorySegment res) {
        posix_h.freeaddrinfo(res);
    }

    /** getnameinfo(3): returns 0 or an EAI_* code. */
    public static int getnameinfo(MemorySegment addr, int addrlen, MemorySegment host, int hostlen,
                                  MemorySegment serv, int servlen, int flags) {
        return posix_h.getnameinfo(state(), addr, addrlen, host, hostlen, serv, servlen, flags);
    }

    /** gethostname(2). */
    public static int gethostname(MemorySegment name, long len) {
        return posix_h.gethostname(state(), name, len);
    }

    /** sethostname(2). */
    public static int sethostname(MemorySegment name, long len) {
        return posix_h.sethostname(state(), name, len);
    }

    /** getservbyname_r(3): returns 0 or an errno value (ERANGE: buffer too small); *result NULL when not found. */
    public static int getservbyname_r(MemorySegment name, MemorySegment proto, MemorySegment ret, MemorySegment buf,
                                      long buflen, MemorySegment result) {
        return posix_h.getservbyname_r(state(), name, proto, ret, buf, buflen, result);
    }

    /** getservbyport_r(3): {@code port} in network byte order; as getservbyname_r. */
    public static int getservbyport_r(int port, MemorySegment proto, MemorySegment ret, MemorySegment buf,
                                      long buflen, MemorySegment result) {
        return posix_h.getservbyport_r(state(), port, proto, ret, buf, buflen, result);
    }

    /** getprotobyname_r(3): as getservbyname_r. */
    public static int getprotobyname_r(MemorySegment name, MemorySegment ret, MemorySegment buf, long buflen,
                                       MemorySegment result) {
        return posix_h.getprotobyname_r(state(), name, ret, buf, buflen, result);
    }

    /** gethostbyname_r(3): returns 0 or an errno value (ERANGE: buffer too small). */
    public static int gethostbyname_r(MemorySegment name, MemorySegment ret, MemorySegment buf, long buflen,
                                      MemorySegment result, MemorySegment h_errnop) {
        return posix_h.gethostbyname_r(state(), name, ret, buf, buflen, result, h_errnop);
    }

    /** gethostbyaddr_r(3): returns 0 or an errno value (ERANGE: buffer too small). */
    public static int gethostbyaddr_r(MemorySegment addr, int len, int type, MemorySegment ret, MemorySegment buf,
                                      long buflen, MemorySegment result, MemorySegment h_errnop) {
        return posix_h.gethostbyaddr_r(state(), addr, len, type, ret, buf, buflen, result, h_errnop);
    }

    /** inet_pton(3): 1 on success, 0 for a malformed string, -1 (errno EAFNOSUPPORT) for a bad family. */
    public static int inet_pton(int af, MemorySegment src, MemorySegment dst) {
        return posix_h.inet_pton(state(), af, src, dst);
    }

    /** inet_ntop(3): dst, or NULL with errno set. */
    public static MemorySegment inet_ntop(int af, MemorySegment src, MemorySegment dst, int size) {
        return posix_h.inet_ntop(state(), af, src, dst, size);
    }

    /** if_nameindex(3). */
    public static MemorySegment if_nameindex() {
        return posix_h.if_nameindex(state());
    }

    /** if_freenameindex(3). */
    public static void if_freenameindex(MemorySegment ptr) {
        posix_h.if_freenameindex(ptr);
    }

    /** if_nametoindex(3): 0 with errno set on failure. */
    public static int if_nametoindex(MemorySegment ifname) {
        return posix_h.if_nametoindex(state(), ifname);
    }

    /** if_indextoname(3): NULL with errno set on failure. */
    public static MemorySegment if_indextoname(int ifindex, MemorySegment ifname) {
        return posix_h.if_indextoname(state(), ifindex, ifname);
    }

    /** poll(2). */
    public static int poll(MemorySegment fds, long nfds, int timeout) {
        return posix_h.poll(state(), fds, nfds, timeout);
    }

    /** select(2). */
    public static int select(int nfds, MemorySegment readfds, MemorySegment writefds, MemorySegment exceptfds,
                             MemorySegment timeout) {
        return posix_h.select(state(), nfds, readfds, writefds, exceptfds, timeout);
    }

    /** epoll_create1(2). */
    public static int epoll_create1(int flags) {
        return posix_h.epoll_create1(state(), flags);
    }

    /** epoll_ctl(2). */
    public static int epoll_ctl(int epfd, int op, int fd, MemorySegment event) {
        return posix_h.epoll_ctl(state(), epfd, op, fd, event);
    }

    /** epoll_wait(2). */
    public static int epoll_wait(int epfd, MemorySegment events, int maxevents, int timeout) {
        return posix_h.epoll_wait(state(), epfd, events, maxevents, timeout);
    }

    /** open(2) with a mode (used only without O_CREAT, where it is ignored). */
    public static int open(MemorySegment path, int flags, int mode) {
        return posix_h.open(state(), path, flags, mode);
    }

    /** lseek(2). */
    public static long lseek(int fd, long offset, int whence) {
        return posix_h.lseek(state(), fd, offset, whence);
    }

    /** fstat(2). */
    public static int fstat(int fd, MemorySegment statbuf) {
        return posix_h.fstat(state(), fd, statbuf);
    }

    /** sendfile(2): from {@code inFd} at {@code *offset} (updated) to {@code outFd}. */
    public static long sendfile(int outFd, int inFd, MemorySegment offset, long count) {
        return posix_h.sendfile(state(), outFd, inFd, offset, count);
    }

    /** read(2). */
    public static long read(int fd, MemorySegment buf, long count) {
        return posix_h.read(state(), fd, buf, count);
    }

    /** write(2). */
    public static long write(int fd, MemorySegment buf, long count) {
        return posix_h.write(state(), fd, buf, count);
    }

    /** pipe2(2); {@code fds} holds two ints. */
    public static int pipe2(MemorySegment fds, int flags) {
        return posix_h.pipe2(state(), fds, flags);
    }

    /** getpid(2). */
    public static int getpid() {
        return posix_h.getpid();
    }

    /** sigemptyset(3): empties the signal set {@code set} (a {@code sigset_t}). */
    public static int sigemptyset(MemorySegment set) {
        return posix_h.sigemptyset(state(), set);
    }

    /** sigaction(2): {@code act} and {@code oldact} are {@code struct sigaction} or NULL. */
    public static int sigaction(int signum, MemorySegment act, MemorySegment oldact) {
        return posix_h.sigaction(state(), signum, act, oldact);
    }

    /** gettid(2): the calling thread's kernel thread id. */
    public static int gettid() {
        return posix_h.gettid();
    }

    /** tgkill(2): sends {@code sig} to thread {@code tid} of thread group (process) {@code tgid}. */
    public static int tgkill(int tgid, int tid, int sig) {
        return posix_h.tgkill(state(), tgid, tid, sig);
    }

    /**
     * strerror_r(3), GNU flavour: the system's message for {@code errnum}, read from whichever
     * buffer the C library answered with, after measuring it with strlen(3).
     */
    public static String strerror(int errnum) {
        MemorySegment buf = Scratch.get().name; // not the data buffer: an error may come mid-transfer
        MemorySegment msg = posix_h.strerror_r(state(), errnum, buf, buf.byteSize());
        return cString(msg);
    }

    /** inet_aton(3): non-zero when {@code cp} is a valid address, written to {@code inp}. */
    public static int inet_aton(MemorySegment cp, MemorySegment inp) {
        return posix_h.inet_aton(state(), cp, inp);
    }

    /** hstrerror(3). */
    public static String hstrerror(int err) {
        return cString(posix_h.hstrerror(err));
    }

    /** The calling thread's h_errno (glibc's {@code *__h_errno_location()}). */
    public static int h_errno() {
        return posix_h.__h_errno_location().reinterpret(Integer.BYTES).get(ValueLayout.JAVA_INT, 0);
    }

    /** gai_strerror(3). */
    public static String gai_strerror(int errcode) {
        return cString(posix_h.gai_strerror(errcode));
    }

    /** malloc(3): {@code size} bytes, not zeroed, or NULL. The caller frees them with {@link #free}. */
    public static MemorySegment malloc(long size) {
        return posix_h.malloc(size);
    }

    /** free(3). */
    public static void free(MemorySegment ptr) {
        posix_h.free(ptr);
    }

    /**
     * Reads a NUL-terminated string that C returned as a bare pointer: strlen(3) measures it
     * first, and only that many bytes are read (UTF-8, as CPython decodes messages).
     */
    public static String cString(MemorySegment ptr) {
        if (ptr.equals(MemorySegment.NULL)) {
            return null;
        }
        long n = posix_h.strlen(ptr);
        return new String(ptr.reinterpret(n).toArray(ValueLayout.JAVA_BYTE),
                StandardCharsets.UTF_8);
    }
}
