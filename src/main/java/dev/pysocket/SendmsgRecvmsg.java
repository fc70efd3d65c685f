// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.bindings.posix_h.*;

import dev.pysocket.bindings.cmsghdr;
import dev.pysocket.bindings.iovec;
import dev.pysocket.bindings.msghdr;
import dev.pysocket.bindings.sockaddr;
import dev.pysocket.bindings.sockaddr_storage;
import dev.pysocket.syscall.Posix;
import dev.pysocket.syscall.Scratch;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Ancillary-data messaging: sendmsg(2) and recvmsg(2) with their msghdr, iovecs and control
 * buffer, after CPython's {@code sock_sendmsg}, {@code sock_recvmsg_guts},
 * {@code socket_CMSG_LEN}/{@code socket_CMSG_SPACE}, and Lib/socket.py's
 * {@code send_fds}/{@code recv_fds}.
 *
 * <p>These are not hot paths: each call builds its native structures in a confined arena that
 * lives for the call (received data up to {@link Scratch#MAX_DATA} bytes lands in this thread's
 * scratch buffer, which needs no zeroing). Control messages are walked as glibc's CMSG_FIRSTHDR/CMSG_NXTHDR walk them,
 * with the alignment and header sizes from the generated bindings, and no read goes past the
 * msg_controllen the kernel reported (nor past the buffer that was passed).
 */
final class SendmsgRecvmsg {
    /** {@code CMSG_ALIGN(1)}: control messages start on multiples of this. */
    private static final long ALIGN = CMSG_ALIGN_SIZE();
    /** {@code CMSG_LEN(0)}: the offset of a control message's data ({@code CMSG_DATA}). */
    private static final long LEN0 = CMSG_LEN_0();
    /** {@code CMSG_SPACE(0)}. */
    private static final long SPACE0 = CMSG_SPACE_0();
    /** {@code sizeof(struct cmsghdr)}. */
    private static final long HDR = cmsghdr.sizeof();
    /** {@code offsetof(struct cmsghdr, cmsg_len) + sizeof(cmsg_len)}: CPython's cmsg_len_end. */
    private static final long LEN_END = cmsghdr.cmsg_len$offset() + cmsghdr.cmsg_len$layout().byteSize();
    /** CPython's SOCKLEN_T_LIMIT where socklen_t is a 32-bit int: INT_MAX. */
    private static final long SOCKLEN_T_LIMIT = Integer.MAX_VALUE;

    /** sendmsg(2) of the msghdr passed as the buffer; MSG_NOSIGNAL as for send. */
    private static final CallEngine.Op SENDMSG = (fd, msg, unusedLen, flags) ->
            CallEngine.check(Posix.sendmsg(fd, msg, flags | MSG_NOSIGNAL()));

    private SendmsgRecvmsg() {
    }

    // ---- CMSG_LEN / CMSG_SPACE -----------------------------------------------------------

    private static long align(long n) {
        return (n + ALIGN - 1) & -ALIGN;
    }

    /** CPython's {@code get_CMSG_LEN}: CMSG_LEN(length), or -1 when out of range. */
    static long cmsgLen(long length) {
        if (length < 0 || length > SOCKLEN_T_LIMIT - LEN0) {
            return -1;
        }
        long len = LEN0 + length;
        return len > SOCKLEN_T_LIMIT ? -1 : len;
    }

    /**
     * CPython's {@code get_CMSG_SPACE}: CMSG_SPACE(length), or -1 when out of range (the limit
     * leaves room for CMSG_SPACE(1), for padding before and after the data).
     */
    static long cmsgSpace(long length) {
        if (length < 0 || length > SOCKLEN_T_LIMIT - (SPACE0 + align(1))) {
            return -1;
        }
        long space = SPACE0 + align(length);
        return space > SOCKLEN_T_LIMIT ? -1 : space;
    }

    /** {@code socket.CMSG_LEN(length)}. */
    static int CMSG_LEN(long length) {
        long len = cmsgLen(length);
        if (len < 0) {
            throw new OverflowError("CMSG_LEN() argument out of range");
        }
        return (int) len;
    }

    /** {@code socket.CMSG_SPACE(length)}. */
    static int CMSG_SPACE(long length) {
        long space = cmsgSpace(length);
        if (space < 0) {
            throw new OverflowError("CMSG_SPACE() argument out of range");
        }
        return (int) space;
    }

    // ---- sendmsg -------------------------------------------------------------------------

    /**
     * {@code sock.sendmsg(buffers, ancdata, flags, address)}: checks in CPython's order (the
     * address, the buffers, then each ancillary item and the total size), builds the control
     * buffer zero-filled, and sends with MSG_NOSIGNAL added, as send does.
     */
    static int sendmsg(SocketType sock, List<?> buffers, List<AncData> ancdata, int flags,
                       Address address) throws OSError {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment msg = msghdr.allocate(arena); // zeroed: no name, no control
            if (address != null) {
                MemorySegment name = sockaddr_storage.allocate(arena);
                int namelen = SockAddr.encode(sock.family().value(), address, "sendmsg", name);
                msghdr.msg_name(msg, name);
                msghdr.msg_namelen(msg, namelen);
            }
            if (buffers == null) {
                throw new TypeError("sendmsg() argument 1 must be an iterable");
            }
            List<MemorySegment> parts = new ArrayList<>(buffers.size());
            for (Object part : buffers) {
                parts.add(Buffers.bytesLike(part));
            }
            if (ancdata == null) {
                throw new TypeError("sendmsg() argument 2 must be an iterable");
            }
            List<AncData> items = new ArrayList<>(ancdata.size());
            long controllen = 0;
            for (AncData item : ancdata) {
                if (item == null) {
                    throw new TypeError("[sendmsg() ancillary data items]() argument must be 3-item sequence, not None");
                }
                if (item.cmsg_data() == null) {
                    throw new TypeError("a bytes-like object is required, not 'NoneType'");
                }
                items.add(item);
                long space = cmsgSpace(item.cmsg_data().length);
                if (space < 0) {
                    throw new OSError("ancillary data item too large");
                }
                controllen += space;
                if (controllen > SOCKLEN_T_LIMIT) {
                    throw new OSError("too much ancillary data");
                }
            }
            setIovecs(arena, msg, parts);
            if (!items.isEmpty()) {
                MemorySegment control = arena.allocate(controllen, ALIGN); // zero-filled
                msghdr.msg_control(msg, control);
                msghdr.msg_controllen(msg, controllen);
                writeControl(control, items);
            }
            return (int) CallEngine.call(sock, true, SENDMSG, msg, 0, flags);
        }
    }

    /** One iovec per part, each pointing at a native copy of the part. */
    private static void setIovecs(Arena arena, MemorySegment msg, List<MemorySegment> parts) {
        if (parts.isEmpty()) {
            return;
        }
        MemorySegment iovs = iovec.allocateArray(parts.size(), arena);
        for (int i = 0; i < parts.size(); i++) {
            MemorySegment part = parts.get(i);
            MemorySegment iov = iovec.asSlice(iovs, i);
            MemorySegment data = arena.allocate(Math.max(part.byteSize(), 1));
            MemorySegment.copy(part, 0, data, 0, part.byteSize());
            iovec.iov_base(iov, data);
            iovec.iov_len(iov, part.byteSize());
        }
        msghdr.msg_iov(msg, iovs);
        msghdr.msg_iovlen(msg, parts.size());
    }

    /**
     * Lays the items out as CMSG_FIRSTHDR/CMSG_NXTHDR place them in a buffer sized as the sum of
     * their CMSG_SPACE; each header's cmsg_len is CMSG_LEN of its data.
     */
    private static void writeControl(MemorySegment control, List<AncData> items) {
        long controllen = control.byteSize();
        long off = controllen >= HDR ? 0 : -1;
        for (int i = 0; i < items.size(); i++) {
            if (off < 0) {
                throw new RuntimeError("unexpected NULL result from " + (i == 0 ? "CMSG_FIRSTHDR" : "CMSG_NXTHDR") + "()");
            }
            byte[] data = items.get(i).cmsg_data();
            long msgLen = cmsgLen(data.length);
            if (msgLen < 0) {
                throw new RuntimeError("item size out of range for CMSG_LEN()");
            }
            if (!minSpace(controllen, off, msgLen) || controllen - (off + LEN0) < data.length) {
                throw new RuntimeError("ancillary data does not fit in calculated space");
            }
            MemorySegment h = control.asSlice(off, HDR);
            cmsghdr.cmsg_len(h, msgLen);
            cmsghdr.cmsg_level(h, items.get(i).cmsg_level());
            cmsghdr.cmsg_type(h, items.get(i).cmsg_type());
            MemorySegment.copy(data, 0, control, ValueLayout.JAVA_BYTE, off + LEN0, data.length);
            off = nextHeader(control, controllen, off);
        }
    }

    // ---- recvmsg -------------------------------------------------------------------------

    /** {@code sock.recvmsg(bufsize, ancbufsize, flags)}. */
    static RecvMsg recvmsg(SocketType sock, int bufsize, int ancbufsize, int flags) throws OSError {
        if (bufsize < 0) {
            throw new ValueError("negative buffer size in recvmsg()");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = dataBuffer(arena, bufsize);
            Result r = recvmsgGuts(sock, arena, List.of(buf), ancbufsize, flags);
            // With MSG_TRUNC the kernel reports the datagram's whole length: as CPython, the data
            // is what fit (data[:bufsize]), and the call still returns its ancillary data.
            byte[] data = buf.asSlice(0, Math.min(r.nbytes, bufsize)).toArray(ValueLayout.JAVA_BYTE);
            return new RecvMsg(data, r.ancdata, r.flags, r.address);
        }
    }

    /** {@code sock.recvmsg_into(buffers, ancbufsize, flags)}: scatters what arrives over the arrays in order. */
    static RecvMsgInto recvmsgInto(SocketType sock, List<?> buffers, int ancbufsize, int flags)
            throws OSError {
        if (buffers == null) {
            throw new TypeError("recvmsg_into() argument 1 must be an iterable");
        }
        List<MemorySegment> targets = new ArrayList<>(buffers.size());
        for (Object b : buffers) {
            MemorySegment target = Buffers.writable(b);
            if (target == null) {
                throw new TypeError("recvmsg_into() argument 1 must be an iterable of single-segment "
                        + "read-write buffers");
            }
            targets.add(target);
        }
        try (Arena arena = Arena.ofConfined()) {
            long total = 0;
            for (MemorySegment t : targets) {
                total += t.byteSize();
            }
            MemorySegment all = dataBuffer(arena, total);
            List<MemorySegment> bufs = new ArrayList<>(targets.size());
            long at = 0;
            for (MemorySegment t : targets) {
                bufs.add(all.asSlice(at, t.byteSize()));
                at += t.byteSize();
            }
            Result r = recvmsgGuts(sock, arena, bufs, ancbufsize, flags);
            long left = r.nbytes;
            for (int i = 0; i < targets.size() && left > 0; i++) {
                long n = Math.min(left, targets.get(i).byteSize());
                MemorySegment.copy(bufs.get(i), 0, targets.get(i), 0, n);
                left -= n;
            }
            return new RecvMsgInto((int) r.nbytes, r.ancdata, r.flags, r.address);
        }
    }

    /**
     * Native memory for {@code size} bytes of received data: this thread's scratch buffer when it
     * is small enough (nothing else uses it while the call runs), else unzeroed memory of the
     * call's arena.
     */
    private static MemorySegment dataBuffer(Arena arena, long size) {
        if (size <= Scratch.MAX_DATA) {
            return Scratch.get().data(size).asSlice(0, size);
        }
        return Buffers.unzeroed(arena, size);
    }

    private record Result(long nbytes, List<AncData> ancdata, int flags, Address address) {
    }

    /**
     * CPython's {@code sock_recvmsg_guts}: one recvmsg(2) through the call engine into the given
     * native buffers, then the control messages as {@code (level, type, data)} items. Should
     * anything fail after the call, the descriptors received with SCM_RIGHTS are closed.
     */
    private static Result recvmsgGuts(SocketType sock, Arena arena, List<MemorySegment> bufs, int ancbufsize,
                                      int flags) throws OSError {
        SockAddr.checkAddrlen(sock.family().value());
        if (ancbufsize < 0) {
            throw new ValueError("invalid ancillary data buffer length");
        }
        sock.checkOpen(); // before sizing the control buffer
        MemorySegment name = sockaddr_storage.allocate(arena);
        int namelen = (int) name.byteSize();
        // Not zeroed (malloc aligns for any cmsghdr): only what the kernel reports is read.
        MemorySegment control = ancbufsize > 0 ? Buffers.unzeroed(arena, ancbufsize) : MemorySegment.NULL;
        MemorySegment msg = msghdr.allocate(arena);
        MemorySegment iovs = bufs.isEmpty() ? MemorySegment.NULL : iovec.allocateArray(bufs.size(), arena);
        for (int i = 0; i < bufs.size(); i++) {
            MemorySegment iov = iovec.asSlice(iovs, i);
            iovec.iov_base(iov, bufs.get(i));
            iovec.iov_len(iov, bufs.get(i).byteSize());
        }
        // Not a hot path (the call has its own arena): this operation may capture what it resets.
        long n = CallEngine.call(sock, false, (fd, unusedBuf, unusedLen, unusedFlags) -> {
            name.fill((byte) 0);
            sockaddr.sa_family(name, (short) AF_UNSPEC());
            msghdr.msg_name(msg, name);
            msghdr.msg_namelen(msg, namelen);
            msghdr.msg_iov(msg, iovs);
            msghdr.msg_iovlen(msg, bufs.size());
            msghdr.msg_control(msg, control);
            msghdr.msg_controllen(msg, ancbufsize);
            msghdr.msg_flags(msg, 0);
            return CallEngine.check(Posix.recvmsg(fd, msg, flags));
        }, MemorySegment.NULL, 0, flags);
        // What the kernel says it filled, never more than was passed.
        long controllen = Math.min(Math.max(msghdr.msg_controllen(msg), 0), ancbufsize);
        MemorySegment filled = ancbufsize > 0 ? control.asSlice(0, controllen) : MemorySegment.NULL;
        try {
            List<AncData> items = parseControl(filled, controllen);
            int got = Math.min(Math.max(msghdr.msg_namelen(msg), 0), namelen);
            return new Result(n, items, msghdr.msg_flags(msg), SockAddr.decode(name, got));
        } catch (RuntimeException | Error e) {
            closeReceivedFds(filled, controllen);
            throw e;
        }
    }

    /** The control messages as CPython lists them (a malformed or cut one ends the list, with a warning). */
    private static List<AncData> parseControl(MemorySegment control, long controllen) {
        List<AncData> items = new ArrayList<>();
        for (long off = firstHeader(controllen); off >= 0; off = nextHeader(control, controllen, off)) {
            long dataLen = dataLen(control, controllen, off);
            int status = dataLen == -1 ? -1 : dataLen < 0 ? 1 : 0;
            if (status != 0) {
                LoggerFactory.getLogger(SocketType.class)
                        .warn("RuntimeWarning: received malformed or improperly-truncated ancillary data");
            }
            if (status < 0) {
                break;
            }
            long len = status == 1 ? -dataLen - 2 : dataLen;
            MemorySegment h = control.asSlice(off, HDR);
            byte[] data = control.asSlice(off + LEN0, len).toArray(ValueLayout.JAVA_BYTE);
            items.add(new AncData(cmsghdr.cmsg_level(h), cmsghdr.cmsg_type(h), data));
            if (status != 0) {
                break;
            }
        }
        return List.copyOf(items);
    }

    /** Closes every descriptor an SCM_RIGHTS message in the buffer carries, so none leaks. */
    private static void closeReceivedFds(MemorySegment control, long controllen) {
        for (long off = firstHeader(controllen); off >= 0; off = nextHeader(control, controllen, off)) {
            long dataLen = dataLen(control, controllen, off);
            if (dataLen == -1) {
                break;
            }
            long len = dataLen < 0 ? -dataLen - 2 : dataLen;
            MemorySegment h = control.asSlice(off, HDR);
            if (cmsghdr.cmsg_level(h) == SOL_SOCKET() && cmsghdr.cmsg_type(h) == SCM_RIGHTS()) {
                for (long i = 0; i + Integer.BYTES <= len; i += Integer.BYTES) {
                    Posix.close(control.get(ValueLayout.JAVA_INT_UNALIGNED, off + LEN0 + i));
                }
            }
            if (dataLen < 0) {
                break;
            }
        }
    }

    // ---- walking control messages --------------------------------------------------------

    /** CMSG_FIRSTHDR: offset 0 when a whole header fits, else none (-1). */
    private static long firstHeader(long controllen) {
        return controllen >= HDR ? 0 : -1;
    }

    /**
     * glibc's CMSG_NXTHDR: the offset of the header after the one at {@code off}, or -1 when the
     * current one is malformed or there is no room for it and a whole next header. cmsg_len is
     * a size_t, compared unsigned.
     */
    private static long nextHeader(MemorySegment control, long controllen, long off) {
        long len = cmsghdr.cmsg_len(control.asSlice(off, HDR));
        if (Long.compareUnsigned(len, HDR) < 0) {
            return -1;
        }
        long remaining = controllen - off;
        long needed = HDR + (align(len) - len);
        if (Long.compareUnsigned(remaining, needed) < 0 || Long.compareUnsigned(remaining - needed, len) < 0) {
            return -1;
        }
        return off + align(len);
    }

    /** CPython's {@code cmsg_min_space}: whether {@code space} bytes (at least cmsg_len) fit at off. */
    private static boolean minSpace(long controllen, long off, long space) {
        return off + Math.max(space, LEN_END) <= controllen;
    }

    /**
     * CPython's {@code get_cmsg_data_len}, folded into one value: the data length when all of it
     * is in the buffer; {@code -(len + 2)} when only {@code len} bytes of it are (truncated);
     * -1 when the header is invalid or not in the buffer.
     */
    private static long dataLen(MemorySegment control, long controllen, long off) {
        if (!minSpace(controllen, off, LEN0)) {
            return -1;
        }
        long len = cmsghdr.cmsg_len(control.asSlice(off, HDR));
        if (Long.compareUnsigned(len, LEN0) < 0) {
            return -1;
        }
        long dataLen = len - LEN0;
        if (off + LEN0 > controllen) {
            return -1;
        }
        long space = controllen - (off + LEN0);
        if (Long.compareUnsigned(space, dataLen) >= 0) {
            return dataLen;
        }
        return -(space + 2);
    }

    // ---- send_fds / recv_fds (Lib/socket.py) ---------------------------------------------

    /**
     * {@code socket.send_fds(sock, buffers, fds, flags, address)}: one SCM_RIGHTS message. As in
     * CPython 3.11's Lib/socket.py, flags and address are accepted and not used.
     */
    static int send_fds(SocketType sock, List<?> buffers, List<Integer> fds) throws OSError {
        checkSocket(sock, "sendmsg");
        if (fds == null) {
            throw new TypeError("'NoneType' object is not iterable");
        }
        byte[] packed = new byte[fds.size() * Integer.BYTES];
        MemorySegment seg = MemorySegment.ofArray(packed);
        int i = 0;
        for (Integer fd : fds) {
            if (fd == null) {
                throw new TypeError("'NoneType' object cannot be interpreted as an integer");
            }
            seg.set(ValueLayout.JAVA_INT_UNALIGNED, i, fd);
            i += Integer.BYTES;
        }
        return sendmsg(sock, buffers, List.of(new AncData(SOL_SOCKET(), SCM_RIGHTS(), packed)), 0, null);
    }

    /**
     * {@code socket.recv_fds(sock, bufsize, maxfds, flags)}: recvmsg with room for CMSG_LEN of
     * maxfds ints; the descriptors of every SCM_RIGHTS item, a partial trailing int dropped. As
     * in CPython 3.11's Lib/socket.py, flags is accepted and not passed on.
     */
    static RecvFds recv_fds(SocketType sock, int bufsize, int maxfds) throws OSError {
        checkSocket(sock, "recvmsg");
        int ancbufsize = CMSG_LEN((long) maxfds * Integer.BYTES);
        RecvMsg m = recvmsg(sock, bufsize, ancbufsize, 0);
        List<Integer> fds = new ArrayList<>();
        for (AncData item : m.ancdata()) {
            if (item.cmsg_level() == SOL_SOCKET() && item.cmsg_type() == SCM_RIGHTS()) {
                byte[] d = item.cmsg_data();
                MemorySegment seg = MemorySegment.ofArray(d);
                for (int off = 0; off + Integer.BYTES <= d.length; off += Integer.BYTES) {
                    fds.add(seg.get(ValueLayout.JAVA_INT_UNALIGNED, off));
                }
            }
        }
        return new RecvFds(m.data(), List.copyOf(fds), m.msg_flags(), m.address());
    }

    /** Lib/socket.py looks {@code sock.sendmsg} or {@code sock.recvmsg} up first: None has neither. */
    private static void checkSocket(SocketType sock, String method) {
        if (sock == null) {
            throw new AttributeError("'NoneType' object has no attribute '" + method + "'");
        }
    }
}
