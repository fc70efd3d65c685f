package dev.pysocket;

import static dev.pysocket.socket.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** makefile() over a socketpair: modes, buffering, EOF, timeouts and the _io_refs rule, as in CPython 3.11. */
@Timeout(30)
class MakefileTest {
    private SocketType a;
    private SocketType b;

    @BeforeEach
    void pair() throws OSError {
        SocketPair p = socketpair();
        a = p.a();
        b = p.b();
        a.settimeout(5.0);
        b.settimeout(5.0);
    }

    @AfterEach
    void close() throws OSError {
        a.close();
        b.close();
    }

    @Test
    void invalidModes() {
        assertEquals("invalid mode 'x' (only r, w, b allowed)",
                assertThrows(ValueError.class, () -> a.makefile("x")).getMessage());
        assertEquals("invalid mode 'rt' (only r, w, b allowed)",
                assertThrows(ValueError.class, () -> a.makefile("rt")).getMessage());
        // CPython returns a BufferedRWPair / read-write TextIOWrapper; Java has no such stream
        assertEquals("invalid mode 'rwb' (only r, w, rb, wb)",
                assertThrows(ValueError.class, () -> a.makefile("rwb")).getMessage());
        assertEquals("invalid mode 'wr' (only r, w, rb, wb)",
                assertThrows(ValueError.class, () -> a.makefile("wr")).getMessage());
    }

    @Test
    void modesGiveTheirStreamTypes() throws Exception {
        for (String mode : new String[] {"rb", "b", "br"}) {
            try (InputStream in = a.makefile(mode)) {
                assertNotNull(in);
            }
        }
        try (BufferedReader r = a.makefile(""); BufferedReader r2 = a.makefile("r");
             OutputStream out = a.makefile("wb"); Writer w = a.makefile("w")) {
            assertNotNull(r);
            assertNotNull(r2);
            assertNotNull(out);
            assertNotNull(w);
        }
    }

    @Test
    void binaryReadAndEof() throws Exception {
        try (InputStream in = a.makefile("rb")) {
            b.sendall("hello".getBytes());
            b.shutdown(SHUT_WR);
            assertEquals(0, in.read(new byte[4], 0, 0));
            assertEquals("hello", new String(in.readAllBytes()));
            assertEquals(-1, in.read());
            assertEquals(-1, in.read(new byte[4]));
        }
    }

    @Test
    void binaryWriteIsBufferedUntilFlush() throws Exception {
        try (OutputStream out = a.makefile("wb")) {
            out.write("abc".getBytes());
            b.settimeout(0.2);
            TimeoutError t = assertThrows(TimeoutError.class, () -> b.recv(10));
            assertEquals("timed out", t.getMessage());
            out.flush();
            b.settimeout(5.0);
            assertEquals("abc", new String(b.recv(10)));
            out.write('d');
        }
        assertEquals("d", new String(b.recv(10))); // close() flushes
    }

    @Test
    void textRoundTripUtf8() throws Exception {
        try (Writer w = a.makefile("w"); BufferedReader r = b.makefile("r")) {
            w.write("héllo wörld\nsecond ☃\n");
            w.flush();
            assertEquals("héllo wörld", r.readLine());
            assertEquals("second ☃", r.readLine());
        }
    }

    @Test
    void textReadRefusesBadUtf8() throws Exception {
        try (BufferedReader r = a.makefile("r")) {
            b.sendall(new byte[] {'o', 'k', (byte) 0xff, '\n'});
            b.shutdown(SHUT_WR);
            assertThrows(MalformedInputException.class, r::readLine);
        }
    }

    @Test
    void largeTransferBothWays() throws Exception {
        byte[] data = new byte[300_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = a.makefile("wb")) {
                out.write(data);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        try (InputStream in = b.makefile("rb")) {
            byte[] got = in.readNBytes(data.length);
            assertArrayEquals(data, got);
        }
        writer.get(10, TimeUnit.SECONDS);
    }

    @Test
    void streamKeepsTheDescriptorOpen() throws Exception {
        InputStream in = a.makefile("rb");
        int fd = a.fileno();
        a.close();
        assertEquals(fd, a.fileno()); // _io_refs keeps it
        assertTrue(a.toString().startsWith("<socket.socket [closed] fd=" + fd), a.toString());
        b.sendall("hello".getBytes());
        byte[] buf = new byte[100];
        int n = in.read(buf);
        assertEquals("hello", new String(buf, 0, n));
        in.close();
        assertEquals(-1, a.fileno()); // the last stream closes the socket
        in.close(); // a second close does nothing
        assertEquals(-1, a.fileno());
    }

    @Test
    void socketOutlivesClosedStreams() throws Exception {
        try (OutputStream out = a.makefile("wb"); InputStream in = a.makefile("rb")) {
            assertNotNull(out);
            assertNotNull(in);
        }
        assertNotEquals(-1, a.fileno());
        a.sendall("still".getBytes());
        assertEquals("still", new String(b.recv(10)));
    }

    @Test
    void timeoutPoisonsTheReader() throws Exception {
        a.settimeout(0.2);
        try (InputStream in = a.makefile("rb")) {
            TimeoutError t = assertThrows(TimeoutError.class, () -> in.read());
            assertEquals("timed out", t.getMessage());
            assertNull(t.errno());
            b.sendall("x".getBytes());
            OSError e = assertThrows(OSError.class, () -> in.read());
            assertEquals(OSError.class, e.getClass());
            assertEquals("cannot read from timed out object", e.getMessage());
        }
    }

    @Test
    void useAfterClose() throws Exception {
        InputStream in = a.makefile("rb");
        in.close();
        assertEquals("read of closed file", assertThrows(ValueError.class, () -> in.read()).getMessage());
        OutputStream out = a.makefile("wb");
        out.close();
        assertEquals("write to closed file",
                assertThrows(ValueError.class, () -> out.write(new byte[1])).getMessage());
        BufferedReader r = a.makefile("r");
        r.close();
        assertEquals("I/O operation on closed file.", assertThrows(ValueError.class, r::readLine).getMessage());
        Writer w = a.makefile("w");
        w.close();
        assertEquals("I/O operation on closed file.", assertThrows(ValueError.class, () -> w.write("x")).getMessage());
    }

    @Test
    void makefileOnClosedSocketFailsOnUse() throws Exception {
        a.close();
        try (InputStream in = a.makefile("rb")) { // CPython opens it too
            OSError e = assertThrows(OSError.class, () -> in.read());
            assertEquals(9, e.errno());
            assertEquals("[Errno 9] Bad file descriptor", e.getMessage());
        }
        assertEquals(-1, a.fileno());
    }

    @Test
    void readAfterPeerWritesInPieces() throws Exception {
        try (InputStream in = a.makefile("rb")) {
            b.sendall("ab".getBytes());
            byte[] buf = new byte[10];
            int n = in.read(buf);
            assertEquals("ab", new String(buf, 0, n, StandardCharsets.US_ASCII));
            b.sendall("cd".getBytes());
            b.close();
            assertArrayEquals("cd".getBytes(), in.readAllBytes());
            assertTrue(Arrays.equals(new byte[0], in.readAllBytes()));
        }
    }
}
