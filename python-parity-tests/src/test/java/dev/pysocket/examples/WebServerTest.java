// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.examples;

import static dev.pysocket.examples.ExampleProcess.start;
import static dev.pysocket.socket.*;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pysocket.InetAddr;
import dev.pysocket.SocketType;
import dev.pysocket.examples.ExampleProcess.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The web server, Python's and Java's, fetched four ways: the exact bytes over a plain socket,
 * Java's HttpClient, curl, and Python's urllib.
 */
class WebServerTest {
    static final String BODY = "<!DOCTYPE html>\n<html><body><h1>Hello, World!</h1></body></html>\n";
    static final String RESPONSE = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
            + BODY.length() + "\r\nConnection: close\r\n\r\n" + BODY;

    @ParameterizedTest
    @EnumSource(Kind.class)
    @Timeout(120)
    void answersHttp11(Kind kind) throws Exception {
        try (ExampleProcess s = start(kind, "web_server", "--port", "0")) {
            int port = s.port();
            String url = "http://127.0.0.1:" + port + "/";

            assertEquals(RESPONSE, rawGet(port), "the bytes on the wire");

            HttpResponse<String> response;
            try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
                response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
            }
            assertEquals(200, response.statusCode());
            assertEquals(HttpClient.Version.HTTP_1_1, response.version());
            assertEquals(List.of("text/html; charset=utf-8"), response.headers().allValues("content-type"));
            assertEquals(List.of(Integer.toString(BODY.length())), response.headers().allValues("content-length"));
            assertEquals(BODY, response.body());

            List<String> urllib = runToEnd(ExampleProcess.PYTHON, "-c", "import sys, urllib.request\n"
                    + "r = urllib.request.urlopen(sys.argv[1], timeout=10)\n"
                    + "print(r.status, r.headers['Content-Type'], r.headers['Content-Length'], r.read())", url);
            assertEquals(List.of("200 text/html; charset=utf-8 " + BODY.length() + " " + dev.pysocket.Py.repr(BODY.getBytes(ISO_8859_1))),
                    urllib);

            int requests = 3;
            if (curlInstalled()) {
                assertEquals(RESPONSE.lines().toList(), runToEnd("curl", "-sS", "-i", "--max-time", "10", url).stream()
                        .map(line -> line.replace("\r", "")).toList());
                requests++;
            }
            s.awaitCount("127.0.0.1 \"GET / HTTP/1.1\"", requests, Duration.ofSeconds(20));
            assertEquals(requests + 1, s.lines().size(), "one line per request: " + s.lines());
            if (!curlInstalled()) {
                Assumptions.abort("curl is not installed: the curl fetch was skipped (the other three passed)");
            }
        }
    }

    /** A GET over a plain pysocket socket, read to the end: the exact bytes the server sent. */
    static String rawGet(int port) throws IOException {
        try (SocketType sock = create_connection(new InetAddr("127.0.0.1", port), 10.0)) {
            sock.sendall("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(ISO_8859_1));
            var got = new ByteArrayOutputStream();
            for (byte[] data; (data = sock.recv(4096)).length > 0; ) {
                got.writeBytes(data);
            }
            return got.toString(ISO_8859_1);
        }
    }

    static boolean curlInstalled() {
        try {
            return new ProcessBuilder("curl", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Runs a command to its end (bounded) and returns its output lines; it must exit 0. */
    static List<String> runToEnd(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(List.of(command) + " failed: " + new String(out, ISO_8859_1));
            }
            return new String(out, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        } finally {
            p.destroyForcibly();
        }
    }
}
