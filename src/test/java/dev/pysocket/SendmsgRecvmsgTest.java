// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.CoreTestSupport.*;
import static dev.pysocket.socket.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * sendmsg, recvmsg, recvmsg_into, CMSG_LEN/CMSG_SPACE, send_fds/recv_fds. Every expected value
 * is what python3 (CPython 3.11.7) printed on this machine for the same calls; the Python
 * expression is quoted next to each assertion.
 */
@Timeout(60)
class SendmsgRecvmsgTest {
    @TempDir
    Path dir;

    /** a, b: a connected AF_UNIX stream pair; p, q: another pair whose descriptors travel. */
    SocketType a;
    SocketType b;
    SocketType p;
    SocketType q;
    final List<Integer> received = new ArrayList<>();

    @BeforeEach
    void pairs() throws Exception {
        SocketPair ab = socketpair();
        a = ab.a();
        b = ab.b();
        SocketPair pq = socketpair();
        p = pq.a();
        q = pq.b();
        for (SocketType s : List.of(a, b, p, q)) {
            s.settimeout(10.0); // a bound on every wait
        }
    }

    @AfterEach
    void close() throws Exception {
        for (int fd : received) {
            if (fdTarget(fd) != null) {
                socket.close(fd);
            }
        }
        closeAll(a, b, p, q);
    }

    // ---- helpers -------------------------------------------------------------------------

    /** Python's {@code array.array('i', fds).tobytes()}. */
    static byte[] ints(int... values) {
        ByteBuffer bb = ByteBuffer.allocate(values.length * 4).order(ByteOrder.nativeOrder());
        for (int v : values) {
            bb.putInt(v);
        }
        return bb.array();
    }

    static int[] toInts(byte[] data) {
        ByteBuffer bb = ByteBuffer.wrap(data).order(ByteOrder.nativeOrder());
        int[] out = new int[data.length / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = bb.getInt();
        }
        return out;
    }

    /** The descriptors an item carries, remembered so that they are closed after the test. */
    int[] fdsOf(AncData item) {
        int[] fds = toInts(item.cmsg_data());
        for (int fd : fds) {
            received.add(fd);
        }
        return fds;
    }

    /** How many open descriptors of this process refer to the same socket as {@code s}. */
    static long copiesOf(SocketType s) throws IOException {
        String target = fdTarget(s.fileno());
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(f -> {
                try {
                    return target.equals(Files.readSymbolicLink(f).toString());
                } catch (IOException e) {
                    return false;
                }
            }).count();
        }
    }

    /** os.get_inheritable(fd), through a socket wrapping fd (closed afterwards). */
    boolean inheritable(int fd) throws OSError {
        received.remove((Integer) fd);
        try (SocketType s = socket(AF_UNIX, SOCK_STREAM, 0, fd)) {
            return s.get_inheritable();
        }
    }

    static List<byte[]> bufs(String... parts) {
        List<byte[]> out = new ArrayList<>();
        for (String s : parts) {
            out.add(s.getBytes());
        }
        return out;
    }

    AncData rights(int... fds) {
        return new AncData(SOL_SOCKET, SCM_RIGHTS, ints(fds));
    }

    // ---- CMSG_LEN / CMSG_SPACE -----------------------------------------------------------

    @Test
    void cmsgLenValues() {
        // CMSG_LEN(0), (1), (4), (2**31-1-16) -> 16 17 20 2147483647
        assertEquals(16, CMSG_LEN(0));
        assertEquals(17, CMSG_LEN(1));
        assertEquals(20, CMSG_LEN(4));
        assertEquals(2147483647, CMSG_LEN(2147483631));
    }

    @Test
    void cmsgSpaceValues() {
        // CMSG_SPACE(0), (1), (4), (8), (12), (2**31-1-24), (2**31-1-40) -> 16 24 24 24 32 2147483640 2147483624
        assertEquals(16, CMSG_SPACE(0));
        assertEquals(24, CMSG_SPACE(1));
        assertEquals(24, CMSG_SPACE(4));
        assertEquals(24, CMSG_SPACE(8));
        assertEquals(32, CMSG_SPACE(12));
        assertEquals(2147483640, CMSG_SPACE(2147483623));
        assertEquals(2147483624, CMSG_SPACE(2147483607));
    }

    @Test
    void cmsgOutOfRange() {
        // OverflowError('CMSG_LEN() argument out of range') for -1, 2**31-16, 2**31
        for (long n : new long[] {-1, 2147483632L, 1L << 31, Long.MAX_VALUE}) {
            assertPyError(OverflowError.class, "CMSG_LEN() argument out of range", () -> CMSG_LEN(n));
        }
        // OverflowError('CMSG_SPACE() argument out of range') for -1, 2**31-1-23, 2**31-1-16
        for (long n : new long[] {-1, 2147483624L, 2147483631L, Long.MIN_VALUE}) {
            assertPyError(OverflowError.class, "CMSG_SPACE() argument out of range", () -> CMSG_SPACE(n));
        }
    }

    // ---- normal data ---------------------------------------------------------------------

    @Test
    void gatherOnSendAndEmptyMessage() throws Exception {
        // a.sendmsg([b'ab', b'', b'cd']) -> 4; b.recvmsg(100) -> (b'abcd', [], 0, None)
        assertEquals(4, a.sendmsg(bufs("ab", "", "cd")));
        RecvMsg m = b.recvmsg(100);
        assertEquals("(b'abcd', [], 0, None)", m.toString());
        assertEquals(new RecvMsg("abcd".getBytes(), List.of(), 0, null), m);
        // a.sendmsg([]) -> 0
        assertEquals(0, a.sendmsg(List.of()));
    }

    @Test
    void recvmsgZeroBufsizeStillCalls() throws Exception {
        // a.send(b'hello'); b.recvmsg(0) -> (b'', [], 0, None); b.recvmsg(100) -> (b'hello', [], 0, None)
        a.send("hello".getBytes());
        assertEquals("(b'', [], 0, None)", b.recvmsg(0).toString());
        assertEquals("(b'hello', [], 0, None)", b.recvmsg(100).toString());
    }

    @Test
    void scatterOnRecvmsgInto() throws Exception {
        // a.send(b'abcdefghij'); bufs=[bytearray(3), bytearray(0), bytearray(4)]
        // b.recvmsg_into(bufs) -> (7, [], 0, None); bufs == [b'abc', b'', b'defg']
        a.send("abcdefghij".getBytes());
        byte[] x = new byte[3];
        byte[] y = new byte[0];
        byte[] z = new byte[4];
        RecvMsgInto r = b.recvmsg_into(List.of(x, y, z));
        assertEquals("(7, [], 0, None)", r.toString());
        assertArrayEquals("abc".getBytes(), x);
        assertArrayEquals("defg".getBytes(), z);
        byte[] rest = new byte[10];
        assertEquals(3, b.recvmsg_into(List.of(rest)).nbytes());
        assertArrayEquals("hij".getBytes(), Arrays.copyOf(rest, 3));
    }

    @Test
    void largerThanScratch() throws Exception {
        // over a datagram pair, 100000 bytes in two parts arrive whole: n == 100000, msg_flags 0
        SocketPair d = socketpair(AF_UNIX, SOCK_DGRAM);
        try (SocketType d1 = d.a(); SocketType d2 = d.b()) {
            d2.settimeout(10.0);
            d1.setsockopt(SOL_SOCKET, SO_SNDBUF, 1 << 20);
            byte[] data = pattern(100_000, 7);
            List<byte[]> parts = List.of(Arrays.copyOf(data, 30_000), Arrays.copyOfRange(data, 30_000, 100_000));
            assertEquals(100_000, d1.sendmsg(parts));
            RecvMsg m = d2.recvmsg(200_000);
            assertArrayEquals(data, m.data());
            assertEquals(0, m.msg_flags());
            assertEquals(100_000, d1.sendmsg(parts));
            byte[] x = new byte[70_000];
            byte[] y = new byte[50_000];
            RecvMsgInto r = d2.recvmsg_into(List.of(x, y));
            assertEquals(100_000, r.nbytes());
            assertArrayEquals(Arrays.copyOf(data, 70_000), x);
            assertArrayEquals(Arrays.copyOfRange(data, 70_000, 100_000), Arrays.copyOf(y, 30_000));
        }
    }

    // ---- SCM_RIGHTS ----------------------------------------------------------------------

    @Test
    void passOneFdAndTalkOverIt() throws Exception {
        // a.sendmsg([b'x'], [(SOL_SOCKET, SCM_RIGHTS, array('i', [q.fileno()]))]) -> 1
        assertEquals(1, a.sendmsg(bufs("x"), List.of(rights(q.fileno()))));
        // b.recvmsg(10, CMSG_SPACE(4)) -> (b'x', [(1, 1, <4 bytes>)], 0, None)
        RecvMsg m = b.recvmsg(10, CMSG_SPACE(4));
        assertArrayEquals("x".getBytes(), m.data());
        assertEquals(1, m.ancdata().size());
        assertEquals(SOL_SOCKET, m.ancdata().get(0).cmsg_level());
        assertEquals(SCM_RIGHTS, m.ancdata().get(0).cmsg_type());
        assertEquals(0, m.msg_flags());
        assertNull(m.address());
        int fd = fdsOf(m.ancdata().get(0))[0];
        assertNotEquals(q.fileno(), fd);
        assertEquals(fdTarget(q.fileno()), fdTarget(fd));
        received.remove((Integer) fd);
        try (SocketType r = socket(AF_UNIX, SOCK_STREAM, 0, fd)) {
            r.settimeout(10.0);
            q.close();
            p.sendall("ping".getBytes());
            assertArrayEquals("ping".getBytes(), recvAll(r, 4));
            r.sendall("pong".getBytes());
            assertArrayEquals("pong".getBytes(), recvAll(p, 4));
        }
    }

    @Test
    void passSeveralFds() throws Exception {
        // three descriptors in one item -> one item of 12 bytes, three new descriptors
        assertEquals(2, a.sendmsg(bufs("hi"), List.of(rights(p.fileno(), q.fileno(), p.fileno()))));
        RecvMsg m = b.recvmsg(10, CMSG_SPACE(12));
        assertEquals(1, m.ancdata().size());
        assertEquals(0, m.msg_flags());
        int[] fds = fdsOf(m.ancdata().get(0));
        assertEquals(3, fds.length);
        assertEquals(fdTarget(p.fileno()), fdTarget(fds[0]));
        assertEquals(fdTarget(q.fileno()), fdTarget(fds[1]));
        assertEquals(fdTarget(p.fileno()), fdTarget(fds[2]));
        assertEquals(3, Arrays.stream(fds).distinct().count());
    }

    @Test
    void twoItemsArriveAsOne() throws Exception {
        // sendmsg([b'hi'], [(1, 1, [p]), (1, 1, [q])]); b.recvmsg(10, 100) -> b'hi' [(1, 1, 8 bytes)] 0
        assertEquals(2, a.sendmsg(bufs("hi"), List.of(rights(p.fileno()), rights(q.fileno()))));
        RecvMsg m = b.recvmsg(10, 100);
        assertEquals(1, m.ancdata().size());
        assertEquals(8, m.ancdata().get(0).cmsg_data().length);
        assertEquals(0, m.msg_flags());
        int[] fds = fdsOf(m.ancdata().get(0));
        assertEquals(fdTarget(p.fileno()), fdTarget(fds[0]));
        assertEquals(fdTarget(q.fileno()), fdTarget(fds[1]));
    }

    @Test
    void receivedFdsAreInheritableUnlessCmsgCloexec() throws Exception {
        // os.get_inheritable(received fd) -> True
        a.sendmsg(bufs("x"), List.of(rights(p.fileno())));
        int fd = fdsOf(b.recvmsg(10, CMSG_SPACE(4)).ancdata().get(0))[0];
        assertTrue(inheritable(fd));
        // b.recvmsg(10, CMSG_SPACE(8), MSG_CMSG_CLOEXEC) -> msg_flags 1073741824, not inheritable
        a.sendmsg(bufs("x"), List.of(rights(p.fileno(), q.fileno())));
        RecvMsg m = b.recvmsg(10, CMSG_SPACE(8), MSG_CMSG_CLOEXEC);
        assertEquals(1073741824, m.msg_flags());
        for (int f : fdsOf(m.ancdata().get(0))) {
            assertFalse(inheritable(f));
        }
    }

    @Test
    void ctruncKeepsWhatFitsAndLeaksNothing() throws Exception {
        long before = copiesOf(p) + copiesOf(q);
        // b.recvmsg(10, CMSG_LEN(4)) after 3 fds -> b'hi' [(1, 1, 4 bytes)] 8; one new descriptor
        a.sendmsg(bufs("hi"), List.of(rights(p.fileno(), q.fileno(), p.fileno())));
        RecvMsg m = b.recvmsg(10, CMSG_LEN(4));
        assertEquals(MSG_CTRUNC, m.msg_flags());
        assertEquals(1, m.ancdata().size());
        assertEquals(4, m.ancdata().get(0).cmsg_data().length);
        fdsOf(m.ancdata().get(0));
        assertEquals(before + 1, copiesOf(p) + copiesOf(q));
        // CMSG_LEN(4) + 2: still one descriptor, MSG_CTRUNC
        a.sendmsg(bufs("hi"), List.of(rights(p.fileno(), q.fileno())));
        m = b.recvmsg(10, CMSG_LEN(4) + 2);
        assertEquals(8, m.msg_flags());
        assertEquals(4, m.ancdata().get(0).cmsg_data().length);
        fdsOf(m.ancdata().get(0));
        assertEquals(before + 2, copiesOf(p) + copiesOf(q));
    }

    @Test
    void ctruncWithNoRoomReceivesNoFds() throws Exception {
        long before = copiesOf(p) + copiesOf(q);
        // b.recvmsg(10) -> (b'hi', [], 8, None); b.recvmsg(10, 10) -> (b'hi', [], 8, None)
        a.sendmsg(bufs("hi"), List.of(rights(p.fileno(), q.fileno())));
        assertEquals("(b'hi', [], 8, None)", b.recvmsg(10).toString());
        a.sendmsg(bufs("hi"), List.of(rights(p.fileno(), q.fileno())));
        assertEquals("(b'hi', [], 8, None)", b.recvmsg(10, 10).toString());
        assertEquals(before, copiesOf(p) + copiesOf(q));
    }

    // ---- SCM_CREDENTIALS -----------------------------------------------------------------

    @Test
    void credentialsWithPasscred() throws Exception {
        b.setsockopt(SOL_SOCKET, SO_PASSCRED, 1);
        a.sendmsg(bufs("c"));
        // b.recvmsg(10, CMSG_SPACE(12)) -> (b'c', [(1, 2, pack('iii', pid, 0, 0))], 0, None)
        RecvMsg m = b.recvmsg(10, CMSG_SPACE(12));
        int pid = (int) ProcessHandle.current().pid();
        byte[] cred = ints(pid, 0, 0);
        assertEquals(new RecvMsg("c".getBytes(), List.of(new AncData(1, 2, cred)), 0, null), m);
        assertEquals("(b'c', [" + Py.tuple(1, 2, cred) + "], 0, None)", m.toString());
        assertArrayEquals(new int[] {pid, 0, 0}, toInts(m.ancdata().get(0).cmsg_data()));
    }

    @Test
    void credentialsTruncated() throws Exception {
        b.setsockopt(SOL_SOCKET, SO_PASSCRED, 1);
        byte[] pidBytes = Arrays.copyOf(ints((int) ProcessHandle.current().pid()), 4);
        // CMSG_LEN(4) -> (b'c', [(1, 2, <pid's 4 bytes>)], 8, None)
        a.sendmsg(bufs("c"));
        assertEquals(new RecvMsg("c".getBytes(), List.of(new AncData(1, 2, pidBytes)), 8, null),
                b.recvmsg(10, CMSG_LEN(4)));
        // CMSG_LEN(0) -> (b'c', [(1, 2, b'')], 8, None)
        a.sendmsg(bufs("c"));
        assertEquals("(b'c', [(1, 2, b'')], 8, None)", b.recvmsg(10, CMSG_LEN(0)).toString());
        // 10 (less than a header) -> (b'c', [], 8, None)
        a.sendmsg(bufs("c"));
        assertEquals("(b'c', [], 8, None)", b.recvmsg(10, 10).toString());
    }

    @Test
    void credentialsThenRights() throws Exception {
        b.setsockopt(SOL_SOCKET, SO_PASSCRED, 1);
        // CMSG_SPACE(12) + CMSG_SPACE(4) -> [(1, 2, 12 bytes), (1, 1, 4 bytes)] 0
        a.sendmsg(bufs("c"), List.of(rights(p.fileno())));
        RecvMsg m = b.recvmsg(10, CMSG_SPACE(12) + CMSG_SPACE(4));
        assertEquals(0, m.msg_flags());
        assertEquals(List.of(2, 1), m.ancdata().stream().map(AncData::cmsg_type).toList());
        assertEquals(12, m.ancdata().get(0).cmsg_data().length);
        assertEquals(fdTarget(p.fileno()), fdTarget(fdsOf(m.ancdata().get(1))[0]));
        // CMSG_SPACE(12) + CMSG_LEN(0): no room for a descriptor -> [(1, 2, 12 bytes)] 8, none leaked
        long before = copiesOf(p);
        a.sendmsg(bufs("c"), List.of(rights(p.fileno())));
        m = b.recvmsg(10, CMSG_SPACE(12) + CMSG_LEN(0));
        assertEquals(8, m.msg_flags());
        assertEquals(List.of(2), m.ancdata().stream().map(AncData::cmsg_type).toList());
        assertEquals(before, copiesOf(p));
    }

    // ---- datagrams and addresses ---------------------------------------------------------

    @Test
    void udpAddressReturned() throws Exception {
        try (SocketType u = datagram(Fam.INET, dir); SocketType v = datagram(Fam.INET, dir)) {
            u.settimeout(10.0);
            // v.sendmsg([b'he', b'llo'], [], 0, u.getsockname()) -> 5
            assertEquals(5, v.sendmsg(bufs("he", "llo"), List.of(), 0, u.getsockname()));
            // u.recvmsg(100) -> (b'hello', [], 0, v.getsockname())
            assertEquals(new RecvMsg("hello".getBytes(), List.of(), 0, v.getsockname()), u.recvmsg(100));
            // a longer datagram: recvmsg(5) -> msg_flags 32 (MSG_TRUNC)
            assertEquals(11, v.sendmsg(bufs("hello world"), List.of(), 0, u.getsockname()));
            RecvMsg m = u.recvmsg(5);
            assertEquals("hello", new String(m.data()));
            assertEquals(MSG_TRUNC, m.msg_flags());
            // recvmsg_into([bytearray(3), bytearray(2)]) -> (5, [], 32, ('127.0.0.1', port))
            v.sendmsg(bufs("hello world"), List.of(), 0, u.getsockname());
            byte[] x = new byte[3];
            byte[] y = new byte[2];
            RecvMsgInto r = u.recvmsg_into(List.of(x, y));
            assertEquals("(5, [], 32, ('127.0.0.1', " + port(v) + "))", r.toString());
            assertEquals("hel", new String(x));
            assertEquals("lo", new String(y));
        }
    }

    @Test
    void unixDatagramAddresses() throws Exception {
        byte[] abs = ("\0pysocket-msg-" + ProcessHandle.current().pid() + "-" + System.nanoTime()).getBytes();
        String path = dir.resolve("y").toString();
        try (SocketType x = socket(AF_UNIX, SOCK_DGRAM); SocketType y = socket(AF_UNIX, SOCK_DGRAM)) {
            x.settimeout(10.0);
            x.bind(new UnixAddr(abs));
            y.bind(new UnixAddr(path));
            // y.sendmsg([b'z'], [], 0, b'\0name') -> 1; x.recvmsg(10) -> (b'z', [], 0, '/.../y')
            assertEquals(1, y.sendmsg(bufs("z"), List.of(), 0, new UnixAddr(abs)));
            assertEquals("(b'z', [], 0, " + Py.repr(path) + ")", x.recvmsg(10).toString());
            // x sends to itself -> (b'z', [], 0, b'\x00name')
            assertEquals(1, x.sendmsg(bufs("z"), List.of(), 0, new UnixAddr(abs)));
            assertEquals("(b'z', [], 0, " + Py.repr(abs) + ")", x.recvmsg(10).toString());
        }
        // an unbound datagram socketpair: (b'q', [], 0, None)
        SocketPair d = socketpair(AF_UNIX, SOCK_DGRAM);
        try (SocketType d1 = d.a(); SocketType d2 = d.b()) {
            d2.settimeout(10.0);
            d1.sendmsg(bufs("q"));
            assertEquals("(b'q', [], 0, None)", d2.recvmsg(10).toString());
        }
    }

    @Test
    void timeoutsAndNonBlocking() throws Exception {
        try (SocketType u = datagram(Fam.INET, dir)) {
            // u.settimeout(0.05); u.recvmsg(5) -> TimeoutError('timed out'); recvmsg_into too
            u.settimeout(0.05);
            assertPyErrorOS(TimeoutError.class, null, "timed out", () -> u.recvmsg(5));
            assertPyErrorOS(TimeoutError.class, null, "timed out", () -> u.recvmsg_into(List.of(new byte[3])));
            // u.setblocking(False); u.recvmsg(5) -> BlockingIOError(11, ...)
            u.setblocking(false);
            assertOSError(BlockingIOError.class, 11, "[Errno 11] Resource temporarily unavailable",
                    () -> u.recvmsg(5));
        }
    }

    private static void assertPyErrorOS(Class<? extends OSError> type, Integer errno, String message,
                                        org.junit.jupiter.api.function.Executable call) {
        assertOSError(type, errno, message, call);
    }

    // ---- errors --------------------------------------------------------------------------

    @Test
    void recvArgumentErrors() {
        // ValueError('negative buffer size in recvmsg()'), ValueError('invalid ancillary data buffer length')
        assertPyError(ValueError.class, "negative buffer size in recvmsg()", () -> a.recvmsg(-1));
        assertPyError(ValueError.class, "invalid ancillary data buffer length", () -> a.recvmsg(1, -1));
        assertPyError(ValueError.class, "invalid ancillary data buffer length",
                () -> a.recvmsg_into(List.of(new byte[1]), -1));
        // recvmsg_into(None), recvmsg_into([None])
        assertPyError(TypeError.class, "recvmsg_into() argument 1 must be an iterable", () -> a.recvmsg_into(null));
        assertPyError(TypeError.class,
                "recvmsg_into() argument 1 must be an iterable of single-segment read-write buffers",
                () -> a.recvmsg_into(Arrays.asList((byte[]) null), -1));
    }

    @Test
    void sendArgumentErrors() {
        assertPyError(TypeError.class, "sendmsg() argument 1 must be an iterable", () -> a.sendmsg(null));
        assertPyError(TypeError.class, "a bytes-like object is required, not 'NoneType'",
                () -> a.sendmsg(Arrays.asList((byte[]) null)));
        assertPyError(TypeError.class, "sendmsg() argument 2 must be an iterable", () -> a.sendmsg(bufs("x"), null));
        assertPyError(TypeError.class,
                "[sendmsg() ancillary data items]() argument must be 3-item sequence, not None",
                () -> a.sendmsg(bufs("x"), Arrays.asList((AncData) null)));
        assertPyError(TypeError.class, "a bytes-like object is required, not 'NoneType'",
                () -> a.sendmsg(bufs("x"), List.of(new AncData(1, 1, null))));
    }

    @Test
    void ancdataTheKernelRefuses() throws Exception {
        // (SOL_SOCKET, 999, b'') -> OSError(22, 'Invalid argument')
        assertOSError(OSError.class, 22, "[Errno 22] Invalid argument",
                () -> a.sendmsg(bufs("x"), List.of(new AncData(SOL_SOCKET, 999, new byte[0]))));
        // (SOL_SOCKET, SCM_RIGHTS, array('i', [-1])) -> OSError(9, 'Bad file descriptor')
        assertBadf(() -> a.sendmsg(bufs("x"), List.of(rights(-1))));
        // an unknown level is ignored: (999, 999, b'') -> 1; (SOL_SOCKET, SCM_RIGHTS, b'abc') -> 1
        assertEquals(1, a.sendmsg(bufs("x"), List.of(new AncData(999, 999, new byte[0]))));
        assertEquals(1, a.sendmsg(bufs("x"), List.of(new AncData(SOL_SOCKET, SCM_RIGHTS, "abc".getBytes()))));
        assertEquals("(b'xx', [], 0, None)", b.recvmsg(100, 100).toString());
    }

    @Test
    void addressErrors() throws Exception {
        // a socketpair is connected: sendmsg([b'x'], [], 0, 'foo') -> OSError(106, ...)
        assertOSError(OSError.class, 106, "[Errno 106] Transport endpoint is already connected",
                () -> a.sendmsg(bufs("x"), List.of(), 0, new UnixAddr("foo")));
        try (SocketType v = datagram(Fam.INET, dir)) {
            // OverflowError('sendmsg(): port must be 0-65535.'), checked before the buffers
            assertPyError(OverflowError.class, "sendmsg(): port must be 0-65535.",
                    () -> v.sendmsg(bufs("x"), List.of(), 0, new InetAddr("127.0.0.1", 70000)));
            assertPyError(OverflowError.class, "sendmsg(): port must be 0-65535.",
                    () -> v.sendmsg(null, List.of(), 0, new InetAddr("127.0.0.1", 70000)));
            assertPyError(TypeError.class, "sendmsg(): AF_INET address must be tuple, not str",
                    () -> v.sendmsg(bufs("x"), List.of(), 0, new UnixAddr("abc")));
            // no address on an unconnected UDP socket -> OSError(89, 'Destination address required')
            assertOSError(OSError.class, 89, "[Errno 89] Destination address required",
                    () -> v.sendmsg(bufs("x"), List.of(), 0, null));
        }
    }

    @Test
    void closedSocket() throws Exception {
        a.close();
        // OSError(9) from the call itself; argument errors come first
        assertBadf(() -> a.sendmsg(bufs("x")));
        assertBadf(() -> a.recvmsg(1));
        assertBadf(() -> a.recvmsg_into(List.of(new byte[2])));
        assertPyError(ValueError.class, "negative buffer size in recvmsg()", () -> a.recvmsg(-1));
        assertPyError(ValueError.class, "invalid ancillary data buffer length",
                () -> a.recvmsg_into(List.of(new byte[2]), -1));
        assertPyError(TypeError.class, "sendmsg() argument 1 must be an iterable", () -> a.sendmsg(null));
    }

    // ---- send_fds / recv_fds -------------------------------------------------------------

    @Test
    void sendFdsRecvFdsRoundTrip() throws Exception {
        // send_fds(a, [b'xy'], [p, q]) -> 2; recv_fds(b, 10, 5) -> b'xy', 2 fds, 0, None
        assertEquals(2, send_fds(a, bufs("xy"), List.of(p.fileno(), q.fileno())));
        RecvFds r = recv_fds(b, 10, 5);
        received.addAll(r.fds());
        assertArrayEquals("xy".getBytes(), r.msg());
        assertEquals(2, r.fds().size());
        assertEquals(0, r.msg_flags());
        assertNull(r.address());
        assertEquals(fdTarget(p.fileno()), fdTarget(r.fds().get(0)));
        assertEquals(fdTarget(q.fileno()), fdTarget(r.fds().get(1)));
        // recv_fds(b, 10, 1) after two -> 1 fd, msg_flags 8
        send_fds(a, bufs("xy"), List.of(p.fileno(), q.fileno()));
        r = recv_fds(b, 10, 1);
        received.addAll(r.fds());
        assertEquals(1, r.fds().size());
        assertEquals(8, r.msg_flags());
        // send_fds(a, [b'xy'], []); recv_fds(b, 10, 0) -> (b'xy', [], 0, None)
        assertEquals(2, send_fds(a, bufs("xy"), List.of()));
        assertEquals("(b'xy', [], 0, None)", recv_fds(b, 10, 0).toString());
    }

    @Test
    void sendFdsRecvFdsIgnoreFlagsAndAddress() throws Exception {
        // CPython 3.11's Lib/socket.py passes neither: send_fds(a, [b'xy'], [p], 0, 'x') -> 2
        assertEquals(2, send_fds(a, bufs("xy"), List.of(p.fileno()), 0, new UnixAddr("x")));
        // recv_fds(b, 10, 1, MSG_CMSG_CLOEXEC) -> msg_flags 0, descriptor inheritable
        RecvFds r = recv_fds(b, 10, 1, MSG_CMSG_CLOEXEC);
        received.addAll(r.fds());
        assertEquals(0, r.msg_flags());
        assertTrue(inheritable(r.fds().get(0)));
    }

    @Test
    void sendFdsRecvFdsErrors() {
        // recv_fds(b, 10, -1), recv_fds(b, 10, 2**29-4) -> OverflowError('CMSG_LEN() argument out of range')
        assertPyError(OverflowError.class, "CMSG_LEN() argument out of range", () -> recv_fds(b, 10, -1));
        assertPyError(OverflowError.class, "CMSG_LEN() argument out of range", () -> recv_fds(b, 10, (1 << 29) - 4));
        // recv_fds(b, -1, 1) -> ValueError('negative buffer size in recvmsg()')
        assertPyError(ValueError.class, "negative buffer size in recvmsg()", () -> recv_fds(b, -1, 1));
        // send_fds(a, [b'xy'], None), send_fds(a, None, [1]), send_fds(a, [b'xy'], [-1])
        assertPyError(TypeError.class, "'NoneType' object is not iterable", () -> send_fds(a, bufs("xy"), null));
        assertPyError(TypeError.class, "'NoneType' object cannot be interpreted as an integer",
                () -> send_fds(a, bufs("xy"), Arrays.asList((Integer) null)));
        assertPyError(TypeError.class, "sendmsg() argument 1 must be an iterable",
                () -> send_fds(a, null, List.of(1)));
        assertBadf(() -> send_fds(a, bufs("xy"), List.of(-1)));
    }

    @Test
    void recordReprs() {
        // repr((1, 1, array('i', [7]).tobytes())) -> (1, 1, b'\x07\x00\x00\x00')
        assertEquals("(1, 1, b'\\x07\\x00\\x00\\x00')", new AncData(1, 1, ints(7)).toString());
        assertEquals("(b'm', [(1, 1, b'')], 0, None)",
                new RecvMsg("m".getBytes(), List.of(new AncData(1, 1, new byte[0])), 0, null).toString());
        assertEquals("(b'', [3, 4], 8, None)", new RecvFds(new byte[0], List.of(3, 4), 8, null).toString());
        assertEquals("(0, [], 0, 'p')", new RecvMsgInto(0, List.of(), 0, new UnixAddr("p")).toString());
        assertEquals(new AncData(1, 2, new byte[] {1}), new AncData(1, 2, new byte[] {1}));
    }
}
