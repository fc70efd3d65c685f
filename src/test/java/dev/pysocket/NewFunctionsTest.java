// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.socket.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * socket.sendfile (sendfile(2) and the send fallback), sethostname (in a new UTS namespace
 * only), getfqdn, getservbyname, getservbyport, getprotobyname: the values are what CPython 3.11 printed on this
 * machine for the same calls (/etc/services, /etc/protocols, localhost only).
 */
@Timeout(60)
class NewFunctionsTest {
    @TempDir
    Path dir;

    private Path file(int size) throws Exception {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        Path p = dir.resolve("f" + size);
        Files.write(p, data);
        return p;
    }

    /** Reads everything the peer sends until EOF, on another thread. */
    private static CompletableFuture<byte[]> drain(SocketType peer) {
        return CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try {
                for (int i = 0; i < 100_000; i++) {
                    byte[] b = peer.recv(65536);
                    if (b.length == 0) {
                        break;
                    }
                    all.writeBytes(b);
                }
            } catch (OSError e) {
                throw new IllegalStateException(e);
            }
            return all.toByteArray();
        });
    }

    private static byte[] slice(Path p, int from, int to) throws Exception {
        return Arrays.copyOfRange(Files.readAllBytes(p), from, to);
    }

    @Test
    void sendfileWholePathBlockingAndTimeout() throws Exception {
        Path f = file(3_000_000);
        for (Double timeout : new Double[] {null, 10.0}) {
            try (SocketPair p = socketpair()) {
                p.a().settimeout(timeout);
                var got = drain(p.b());
                assertEquals(3_000_000L, p.a().sendfile(f));
                p.a().shutdown(SHUT_WR);
                assertArrayEquals(Files.readAllBytes(f), got.get(30, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void sendfileOffsetAndCount() throws Exception {
        Path f = file(100_000);
        try (SocketPair p = socketpair()) {
            assertEquals(1000L, p.a().sendfile(f, 5, 1000L));
            assertEquals(99_990L, p.a().sendfile(f, 10));
            p.a().shutdown(SHUT_WR);
            byte[] got = drain(p.b()).get(30, TimeUnit.SECONDS);
            assertArrayEquals(slice(f, 5, 1005), Arrays.copyOfRange(got, 0, 1000));
            assertArrayEquals(slice(f, 10, 100_000), Arrays.copyOfRange(got, 1000, got.length));
        }
    }

    @Test
    void sendfileOffsetPastEndAndEmptyFile() throws Exception {
        Path f = file(10);
        Path empty = dir.resolve("empty");
        Files.write(empty, new byte[0]);
        try (SocketPair p = socketpair()) {
            assertEquals(0L, p.a().sendfile(f, 50));
            assertEquals(0L, p.a().sendfile(empty));
            p.a().setblocking(false);
            assertEquals(0L, p.a().sendfile(empty)); // CPython returns before its non-blocking check
        }
    }

    @Test
    void sendfileChecksAsCPython() throws Exception {
        Path f = file(10);
        try (SocketPair p = socketpair(); SocketType u = socket(AF_INET, SOCK_DGRAM)) {
            assertEquals("count must be a positive integer (got 0)",
                    assertThrows(ValueError.class, () -> p.a().sendfile(f, 0, 0L)).getMessage());
            assertEquals("only SOCK_STREAM type sockets are supported",
                    assertThrows(ValueError.class, () -> u.sendfile(f)).getMessage());
            p.a().setblocking(false);
            assertEquals("non-blocking sockets are not supported",
                    assertThrows(ValueError.class, () -> p.a().sendfile(f)).getMessage());
            try (FileChannel ch = FileChannel.open(f)) {
                assertEquals("non-blocking sockets are not supported",
                        assertThrows(ValueError.class, () -> p.a().sendfile(ch)).getMessage());
            }
            OSError e = assertThrows(OSError.class, () -> p.a().sendfile(dir.resolve("missing")));
            assertEquals(FileNotFoundError.class, e.getClass());
        }
    }

    @Test
    void sendfileRefusesDirectoriesAndNegativeOffsets() throws Exception {
        Path f = file(10);
        try (SocketPair p = socketpair()) {
            // Python's open(dir, 'rb') is IsADirectoryError
            OSError e = assertThrows(OSError.class, () -> p.a().sendfile(dir));
            assertEquals(IsADirectoryError.class, e.getClass(), e.repr());
            // sendfile(2) refuses the offset, then the send fallback's seek does: OSError(22), as CPython
            assertEquals("OSError(22, 'Invalid argument')", assertThrows(OSError.class, () -> p.a().sendfile(f, -1)).repr());
        }
    }

    @Test
    void sendfileTimesOutWhenThePeerDoesNotRead() throws Exception {
        Path f = file(20_000_000);
        try (SocketPair p = socketpair()) {
            p.a().settimeout(0.2);
            OSError e = assertThrows(OSError.class, () -> p.a().sendfile(f));
            assertEquals(TimeoutError.class, e.getClass());
            assertEquals("timed out", e.getMessage());
        }
    }

    @Test
    void sendfileFromChannelUsesSendAndSeeks() throws Exception {
        Path f = file(50_000);
        try (SocketPair p = socketpair(); FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            p.a().settimeout(10.0);
            var got = drain(p.b());
            assertEquals(20_000L, p.a().sendfile(ch, 100, 20_000L));
            assertEquals(20_100L, ch.position()); // Python's file.seek(offset + total_sent)
            assertEquals(29_900L, p.a().sendfile(ch)); // offset 0: from the channel's position
            p.a().shutdown(SHUT_WR);
            byte[] all = got.get(30, TimeUnit.SECONDS);
            assertArrayEquals(slice(f, 100, 20_100), Arrays.copyOfRange(all, 0, 20_000));
            assertArrayEquals(slice(f, 20_100, 50_000), Arrays.copyOfRange(all, 20_000, all.length));
            assertEquals(22, assertThrows(OSError.class, () -> p.a().sendfile(ch, -1)).errno());
        }
    }

    @Test
    void servicesAndProtocols() throws Exception {
        assertEquals(80, getservbyname("http"));
        assertEquals(53, getservbyname("domain", "udp"));
        assertEquals("http", getservbyport(80));
        assertEquals("domain", getservbyport(53, "udp"));
        assertEquals(6, getprotobyname("tcp"));
        assertEquals(17, getprotobyname("UDP"));
        assertEquals("service/proto not found", assertThrows(OSError.class, () -> getservbyname("nope")).getMessage());
        assertEquals("port/proto not found", assertThrows(OSError.class, () -> getservbyport(0)).getMessage());
        assertEquals("protocol not found", assertThrows(OSError.class, () -> getprotobyname("nope")).getMessage());
        assertEquals("getservbyport: port must be 0-65535.",
                assertThrows(OverflowError.class, () -> getservbyport(65536)).getMessage());
        UnicodeError u = assertThrows(UnicodeError.class, () -> getservbyname("h\udc80"));
        assertEquals("'utf-8' codec can't encode character '\\udc80' in position 1: surrogates not allowed",
                u.getMessage());
    }

    @Test
    void getfqdnOfLocalNames() throws Exception {
        assertEquals("localhost", getfqdn(" localhost\u00a0"));
        assertEquals("1.2.3.4.5", getfqdn("1.2.3.4.5"));
        assertEquals(getfqdn(""), getfqdn("0.0.0.0"));
        assertEquals(getfqdn(), getfqdn("::"));
    }

    @Test
    void sethostnameErrorsWithoutChangingTheHost() throws Exception {
        String before = gethostname();
        OSError e = assertThrows(OSError.class, () -> sethostname("x".repeat(100)));
        assertEquals(22, e.errno()); // longer than 64 bytes: EINVAL, whatever the privileges
        assertEquals("embedded null byte", assertThrows(ValueError.class, () -> sethostname("a\0b")).getMessage());
        assertThrows(UnicodeError.class, () -> sethostname("\ud800"));
        assertEquals(before, gethostname());
    }

    /** Runs in a child JVM inside {@code unshare -u}: sets the host name of that namespace only. */
    public static void main(String[] args) throws Exception {
        sethostname(args[0]);
        System.out.print(gethostname());
    }

    @Test
    void sethostnameInItsOwnUtsNamespace() throws Exception {
        assumeTrue(new ProcessBuilder("unshare", "-u", "true").start().waitFor() == 0, "unshare -u not permitted");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder("unshare", "-u", java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), NewFunctionsTest.class.getName(), "pysocket-uts")
                .redirectErrorStream(true).start();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        String out = new String(child.getInputStream().readAllBytes());
        assertEquals(0, child.exitValue(), out);
        assertTrue(out.endsWith("pysocket-uts"), out);
        assertNotEquals("pysocket-uts", gethostname());
    }
}
