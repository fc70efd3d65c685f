// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.socket.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * makefile()'s file objects over a socketpair, the Java-only parts: the typed objects, the Java
 * views, iteration, and the _io_refs rule with the garbage collector (issue 7, defect 5). The
 * Python-visible behaviour is in the parity suite (makefile.case).
 */
@Timeout(60)
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
    void modesGiveTypedObjectsWithoutCasts() throws Exception {
        try (BinaryFile rb = a.makefile("rb").binary(); TextFile r = a.makefile();
             FileObject w = a.makefile("w")) {
            assertEquals("rb", rb.mode());
            assertEquals("r", r.mode());
            assertInstanceOf(TextFile.class, w);
            assertEquals("makefile mode 'w' gives a text file, not a binary one",
                    assertThrows(TypeError.class, w::binary).getMessage());
            assertEquals("makefile mode 'rb' gives a binary file, not a text one",
                    assertThrows(TypeError.class, rb::text).getMessage());
            if (!(a.makefile("rwb", 0) instanceof BinaryFile raw)) {
                throw new AssertionError("rwb is binary");
            }
            raw.close();
        }
    }

    @Test
    void javaViewsRoundTrip() throws Exception {
        try (TextFile w = a.makefile("w").text(); TextFile r = b.makefile("r").text();
             Writer writer = w.asWriter(); BufferedReader reader = new BufferedReader(r.asReader())) {
            writer.write("héllo wörld\nsecond ☃\n");
            writer.flush();
            assertEquals("héllo wörld", reader.readLine());
            assertEquals("second ☃", reader.readLine());
        }
        try (BinaryFile in = a.makefile("rb").binary(); InputStream is = in.asInputStream()) {
            b.sendall("ab".getBytes());
            byte[] buf = new byte[10];
            assertEquals(2, is.read(buf)); // one recv, as Java's contract allows
            b.shutdown(SHUT_WR);
            assertEquals(-1, is.read(buf));
            assertFalse(in.closed());
        }
    }

    @Test
    void largeTransferThroughTheViews() throws Exception {
        byte[] data = new byte[300_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = a.makefile("wb").binary().asOutputStream()) {
                out.write(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try (BinaryFile in = b.makefile("rb").binary()) {
            assertArrayEquals(data, in.read(data.length));
        }
        writer.get(10, TimeUnit.SECONDS);
    }

    @Test
    void iterationGivesLines() throws Exception {
        b.sendall("one\ntwo\r\nthree".getBytes());
        b.shutdown(SHUT_WR);
        List<String> lines = new ArrayList<>();
        try (TextFile f = a.makefile("r").text()) {
            for (String line : f) {
                lines.add(line);
            }
        }
        assertEquals(List.of("one\n", "two\n", "three"), lines);
        try (BinaryFile f = b.makefile("rb").binary()) {
            a.settimeout(0.05);
            b.settimeout(0.05);
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> f.iterator().hasNext());
            assertInstanceOf(TimeoutError.class, e.getCause());
        }
    }

    @Test
    void closedSocketKeepsItsFdWhileAFileIsOpen() throws Exception {
        BinaryFile f = a.makefile("rb").binary();
        int fd = a.fileno();
        a.close();
        assertEquals(fd, a.fileno());
        b.sendall("hello".getBytes());
        assertArrayEquals("hello".getBytes(), f.read(5));
        f.close();
        assertEquals(-1, a.fileno());
        f.close();
    }

    /** Issue 7, defect 5: a dropped file object must not keep a closed socket's fd open. */
    @Test
    void droppedFileReleasesTheClosedSocketsFd() throws Exception {
        int fd = openFileAndDrop(a);
        a.close();
        Path link = Path.of("/proc/self/fd/" + fd);
        assertTrue(Files.exists(link), "the file object's reference keeps the fd while it is reachable");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (a.fileno() != -1 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(-1, a.fileno(), "the socket's descriptor was released when its file was collected");
        assertTrue(a.toString().startsWith("<socket.socket [closed] fd=-1"), a.toString());
    }

    private static int openFileAndDrop(SocketType s) throws OSError {
        s.makefile("rb"); // dropped at once, as `s.makefile("rb")` on a line of its own
        s.makefile("w", -1);
        return s.fileno();
    }
}
