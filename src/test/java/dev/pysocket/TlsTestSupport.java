// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates made at run time with the {@code openssl} command into a temporary directory
 * (a CA, a server certificate for localhost and 127.0.0.1, a client certificate, an expired one,
 * one for another host, one from an unknown CA, keys in several PEM forms), and CPython peers
 * run as {@code python3 -c SCRIPT}. Nothing here is committed key material.
 */
final class TlsTestSupport {
    private TlsTestSupport() {
    }

    /** The files of one generated set, by name: {@code file("server.pem")}. */
    record Certs(Path dir) {
        String file(String name) {
            return dir.resolve(name).toString();
        }
    }

    private static Certs made;

    /** The certificate set, made once per test run. */
    static synchronized Certs certs() throws IOException, InterruptedException {
        if (made == null) {
            Path dir = Files.createTempDirectory("pysocket-tls");
            dir.toFile().deleteOnExit();
            Files.createDirectories(dir.resolve("cadb"));
            Files.writeString(dir.resolve("cadb/index.txt"), "");
            Files.writeString(dir.resolve("cadb/serial"), "01\n");
            Files.writeString(dir.resolve("ca.cnf"), """
                    [ca]
                    default_ca = d
                    [d]
                    database = cadb/index.txt
                    serial = cadb/serial
                    new_certs_dir = cadb
                    default_md = sha256
                    policy = p
                    copy_extensions = none
                    unique_subject = no
                    [p]
                    commonName = supplied
                    [local]
                    subjectAltName = DNS:localhost,IP:127.0.0.1
                    basicConstraints = CA:FALSE
                    [client]
                    subjectAltName = DNS:client
                    basicConstraints = CA:FALSE
                    [other]
                    subjectAltName = DNS:otherhost.example
                    basicConstraints = CA:FALSE
                    """);
            openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
                    "-days", "30", "-subj", "/CN=pysocket test CA");
            openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "other-ca.key", "-out",
                    "other-ca.pem", "-days", "30", "-subj", "/CN=pysocket other CA");
            issue(dir, "server", "localhost", "local", "ca", "rsa:2048", null);
            issue(dir, "client", "client", "client", "ca", "rsa:2048", null);
            issue(dir, "other", "otherhost.example", "other", "ca", "rsa:2048", null);
            issue(dir, "unknown", "localhost", "local", "other-ca", "rsa:2048", null);
            issue(dir, "expired", "localhost", "local", "ca", "rsa:2048", new String[] {"20200101000000Z", "20200201000000Z"});
            issue(dir, "ec", "localhost", "local", "ca", "ec", null);
            // the same RSA key as PKCS#1 (traditional), encrypted PKCS#1 and encrypted PKCS#8
            openssl(dir, "pkey", "-in", "server.key", "-traditional", "-out", "server-pkcs1.key");
            openssl(dir, "rsa", "-in", "server.key", "-aes256", "-passout", "pass:secret", "-traditional",
                    "-out", "server-pkcs1-enc.key");
            openssl(dir, "pkcs8", "-topk8", "-in", "server.key", "-v2", "aes-256-cbc", "-passout", "pass:secret",
                    "-out", "server-pkcs8-enc.key");
            // the EC key as SEC1 ("EC PRIVATE KEY"); ec.key itself is PKCS#8
            openssl(dir, "ec", "-in", "ec.key", "-out", "ec-sec1.key");
            // a combined file: certificate then key
            Files.writeString(dir.resolve("server-combined.pem"),
                    Files.readString(dir.resolve("server.pem")) + Files.readString(dir.resolve("server.key")));
            made = new Certs(dir);
        }
        return made;
    }

    private static void issue(Path dir, String name, String cn, String ext, String ca, String keyType, String[] dates)
            throws IOException, InterruptedException {
        List<String> req = new ArrayList<>(List.of("req", "-newkey", keyType.equals("ec") ? "ec" : keyType));
        if (keyType.equals("ec")) {
            req.addAll(List.of("-pkeyopt", "ec_paramgen_curve:prime256v1"));
        }
        req.addAll(List.of("-nodes", "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + cn));
        openssl(dir, req.toArray(String[]::new));
        String start = dates == null ? java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now().minusSeconds(3600)) : dates[0];
        String end = dates == null ? java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now().plusSeconds(30L * 86400)) : dates[1];
        openssl(dir, "ca", "-batch", "-notext", "-config", "ca.cnf", "-cert", ca + ".pem", "-keyfile", ca + ".key",
                "-startdate", start, "-enddate", end, "-extensions", ext, "-in", name + ".csr", "-out", name + ".pem");
    }

    private static void openssl(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl " + cmd + ": " + out);
    }

    /** A running CPython script; its stdout lines are read by the test. */
    static final class Python implements AutoCloseable {
        final Process process;
        private final java.io.BufferedReader out;

        Python(Path cwd, String script, String... args) throws IOException {
            CoreTestSupport.assumePython3();
            List<String> cmd = new ArrayList<>(List.of("python3", "-u", "-c", script));
            cmd.addAll(List.of(args));
            process = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
            out = process.inputReader(StandardCharsets.UTF_8);
        }

        /** The next line the script printed (null at its end). */
        String line() throws IOException {
            return out.readLine();
        }

        /** Reads the server script's {@code READY port} line: the port (0 for AF_UNIX). */
        int ready() throws IOException {
            String l = line();
            assertTrue(l != null && l.startsWith("READY "), "python server did not start: " + l);
            return Integer.parseInt(l.substring(6).trim());
        }

        /** Waits for the script's end and returns the rest of what it printed. */
        String rest() throws IOException, InterruptedException {
            String rest = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "python did not end");
            return rest;
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
