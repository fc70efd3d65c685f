// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.socket.*;

import java.io.InputStream;
import java.io.OutputStream;
import java.security.KeyStore;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS throughput over loopback in one run: a 64 KiB sendall / recv_into loop through pysocket's
 * SSLSocket, next to the same loop through the JDK's own javax.net.ssl.SSLSocket (same
 * certificate, TLS 1.3, AES-256-GCM on both). Run with the test class path:
 * {@code java -cp ... dev.pysocket.TlsThroughputHarness [MiB]}; prints MiB/s and the ratio.
 */
public final class TlsThroughputHarness {
    private static final int CHUNK = 64 * 1024;

    private TlsThroughputHarness() {
    }

    public static void main(String[] args) throws Exception {
        long mib = args.length > 0 ? Long.parseLong(args[0]) : 512;
        TlsTestSupport.Certs certs = TlsTestSupport.certs();
        Process p = new ProcessBuilder("openssl", "pkcs12", "-export", "-in", "server.pem", "-inkey", "server.key",
                "-out", "server.p12", "-passout", "pass:bench").directory(certs.dir().toFile()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("openssl pkcs12 failed");
        }
        javax.net.ssl.SSLContext jdk = jdkContext(certs);
        for (int round = 0; round < 3; round++) { // the first round warms up both
            double py = pysocket(certs, mib);
            double java = jdkSockets(jdk, mib);
            System.out.printf("round %d: pysocket SSLSocket %.0f MiB/s, JDK SSLSocket %.0f MiB/s, ratio %.2f%n",
                    round, py, java, py / java);
        }
    }

    private static double pysocket(TlsTestSupport.Certs certs, long mib) throws Exception {
        SSLContext server = new SSLContext(ssl.PROTOCOL_TLS_SERVER);
        server.load_cert_chain(certs.file("server.pem"), certs.file("server.key"));
        SSLContext client = ssl.create_default_context(certs.file("ca.pem"));
        long total = mib << 20;
        try (SocketType listener = create_server(new InetAddr("127.0.0.1", 0))) {
            CompletableFuture<Void> sink = CompletableFuture.runAsync(() -> {
                try (SSLSocket t = server.wrap_socket(listener.accept().conn(), true)) {
                    byte[] buf = new byte[CHUNK];
                    for (long got = 0; got < total; ) {
                        got += t.recv_into(buf);
                    }
                    t.sendall(new byte[1]);
                } catch (OSError e) {
                    throw new IllegalStateException(e);
                }
            });
            try (SSLSocket t = client.wrap_socket(create_connection(listener.getsockname()), "localhost")) {
                byte[] data = new byte[CHUNK];
                long start = System.nanoTime();
                for (long sent = 0; sent < total; sent += CHUNK) {
                    t.sendall(data);
                }
                t.recv(1);
                double secs = (System.nanoTime() - start) / 1e9;
                sink.join();
                return mib / secs;
            }
        }
    }

    private static javax.net.ssl.SSLContext jdkContext(TlsTestSupport.Certs certs) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(certs.dir().resolve("server.p12"))) {
            ks.load(in, "bench".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
        kmf.init(ks, "bench".toCharArray());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        // the client trusts the server's certificate itself: a trust anchor may be the leaf
        trust.setCertificateEntry("server", ks.getCertificateChain(ks.aliases().nextElement())[0]);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        javax.net.ssl.SSLContext c = javax.net.ssl.SSLContext.getInstance("TLS");
        c.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return c;
    }

    private static double jdkSockets(javax.net.ssl.SSLContext ctx, long mib) throws Exception {
        long total = mib << 20;
        try (SSLServerSocket listener = (SSLServerSocket) ctx.getServerSocketFactory()
                .createServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> sink = CompletableFuture.runAsync(() -> {
                try (java.net.Socket s = listener.accept()) {
                    InputStream in = s.getInputStream();
                    byte[] buf = new byte[CHUNK];
                    for (long got = 0; got < total; ) {
                        got += in.read(buf);
                    }
                    s.getOutputStream().write(1);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (javax.net.ssl.SSLSocket s = (javax.net.ssl.SSLSocket) ctx.getSocketFactory()
                    .createSocket(java.net.InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                OutputStream out = s.getOutputStream();
                byte[] data = new byte[CHUNK];
                long start = System.nanoTime();
                for (long sent = 0; sent < total; sent += CHUNK) {
                    out.write(data);
                }
                s.getInputStream().read();
                double secs = (System.nanoTime() - start) / 1e9;
                sink.join();
                return mib / secs;
            }
        }
    }
}
