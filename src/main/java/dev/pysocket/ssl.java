// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Python's {@code ssl} module on the JDK's {@link javax.net.ssl.SSLEngine}:
 * {@code import ssl} is {@code import static dev.pysocket.ssl.*;}. Contexts ({@link SSLContext})
 * read the PEM certificates and keys OpenSSL reads, wrap pysocket sockets into
 * {@link SSLSocket}s (whose I/O goes through the socket's own send/recv, timeouts and modes) and
 * memory buffers into {@link SSLObject}s; failures are CPython's exceptions with OpenSSL's
 * reasons and messages. docs/mapping.md lists every name and difference.
 */
public final class ssl {
    private ssl() {
    }

    /** {@code ssl.PROTOCOL_TLS} (deprecated in Python): either side, no verification by default. */
    public static final int PROTOCOL_TLS = 2;
    /** {@code ssl.PROTOCOL_TLS_CLIENT}: client side, verifies the server and its host name. */
    public static final int PROTOCOL_TLS_CLIENT = 16;
    /** {@code ssl.PROTOCOL_TLS_SERVER}: server side. */
    public static final int PROTOCOL_TLS_SERVER = 17;

    /** {@code ssl.CERT_NONE}: no certificate is asked for or verified. */
    public static final int CERT_NONE = 0;
    /** {@code ssl.CERT_OPTIONAL}: a server asks for a client certificate and verifies one if sent. */
    public static final int CERT_OPTIONAL = 1;
    /** {@code ssl.CERT_REQUIRED}: the peer must present a valid certificate. */
    public static final int CERT_REQUIRED = 2;

    /** {@code ssl.SSL_ERROR_SSL}: the errno of a protocol failure. */
    public static final int SSL_ERROR_SSL = 1;
    /** {@code ssl.SSL_ERROR_WANT_READ}: the errno of {@link SSLWantReadError}. */
    public static final int SSL_ERROR_WANT_READ = 2;
    /** {@code ssl.SSL_ERROR_WANT_WRITE}: the errno of {@link SSLWantWriteError}. */
    public static final int SSL_ERROR_WANT_WRITE = 3;
    /** {@code ssl.SSL_ERROR_WANT_X509_LOOKUP}. */
    public static final int SSL_ERROR_WANT_X509_LOOKUP = 4;
    /** {@code ssl.SSL_ERROR_SYSCALL}: the errno of {@link SSLSyscallError}. */
    public static final int SSL_ERROR_SYSCALL = 5;
    /** {@code ssl.SSL_ERROR_ZERO_RETURN}: the errno of {@link SSLZeroReturnError}. */
    public static final int SSL_ERROR_ZERO_RETURN = 6;
    /** {@code ssl.SSL_ERROR_WANT_CONNECT}. */
    public static final int SSL_ERROR_WANT_CONNECT = 7;
    /** {@code ssl.SSL_ERROR_EOF}: the errno of {@link SSLEOFError}. */
    public static final int SSL_ERROR_EOF = 8;
    /** {@code ssl.SSL_ERROR_INVALID_ERROR_CODE}. */
    public static final int SSL_ERROR_INVALID_ERROR_CODE = 10;

    /** {@code ssl.HAS_SNI}. */
    public static final boolean HAS_SNI = true;
    /** {@code ssl.HAS_ALPN}. */
    public static final boolean HAS_ALPN = true;
    /** {@code ssl.HAS_NPN}: the JDK has no NPN. */
    public static final boolean HAS_NPN = false;
    /** {@code ssl.HAS_TLSv1_2}. */
    public static final boolean HAS_TLSv1_2 = true;
    /** {@code ssl.HAS_TLSv1_3}. */
    public static final boolean HAS_TLSv1_3 = true;

    /** {@code ssl.Purpose}: what a default context is for. */
    public enum Purpose {
        /** {@code Purpose.SERVER_AUTH}: a client context, verifying servers. */
        SERVER_AUTH,
        /** {@code Purpose.CLIENT_AUTH}: a server context, for verifying clients. */
        CLIENT_AUTH;

        /** Python's repr: {@code <Purpose.SERVER_AUTH: _ASN1Object(...)>} shortened to the name. */
        @Override
        public String toString() {
            return "<Purpose." + name() + ">";
        }
    }

    /** {@code ssl.TLSVersion}: the versions minimum_version and maximum_version take. */
    public enum TLSVersion {
        /** {@code TLSVersion.MINIMUM_SUPPORTED}. */
        MINIMUM_SUPPORTED(-2, null),
        /** {@code TLSVersion.SSLv3} (never enabled by the JDK). */
        SSLv3(768, "SSLv3"),
        /** {@code TLSVersion.TLSv1} (disabled by the JDK's security settings). */
        TLSv1(769, "TLSv1"),
        /** {@code TLSVersion.TLSv1_1} (disabled by the JDK's security settings). */
        TLSv1_1(770, "TLSv1.1"),
        /** {@code TLSVersion.TLSv1_2}. */
        TLSv1_2(771, "TLSv1.2"),
        /** {@code TLSVersion.TLSv1_3}. */
        TLSv1_3(772, "TLSv1.3"),
        /** {@code TLSVersion.MAXIMUM_SUPPORTED}. */
        MAXIMUM_SUPPORTED(-1, null);

        private final int value;
        private final String jdkName;

        TLSVersion(int value, String jdkName) {
            this.value = value;
            this.jdkName = jdkName;
        }

        /**
         * The enum's int value, as Python's {@code TLSVersion.TLSv1_2.value}.
         *
         * @return the protocol number (771 for TLS 1.2), or -2/-1 for the MINIMUM/MAXIMUM markers
         */
        public int value() {
            return value;
        }

        String jdkName() {
            return jdkName;
        }

        /** Python's repr, {@code <TLSVersion.TLSv1_2: 771>}. */
        @Override
        public String toString() {
            return "<TLSVersion." + name() + ": " + value + ">";
        }
    }

    /**
     * {@code ssl.create_default_context()}: a client context that verifies servers against the
     * JDK's default CAs.
     *
     * @return the context
     */
    public static SSLContext create_default_context() {
        return create_default_context(Purpose.SERVER_AUTH);
    }

    /**
     * {@code ssl.create_default_context(purpose)}.
     *
     * @param purpose SERVER_AUTH for a client context, CLIENT_AUTH for a server context
     * @return the context
     */
    public static SSLContext create_default_context(Purpose purpose) {
        SSLContext ctx = contextFor(purpose);
        if (ctx.verify_mode() != CERT_NONE) {
            ctx.load_default_certs(purpose);
        }
        return ctx;
    }

    /**
     * {@code ssl.create_default_context(cafile=cafile)}: a client context trusting cafile's CAs.
     *
     * @param cafile a PEM file of CA certificates
     * @return the context
     * @throws OSError as {@link SSLContext#load_verify_locations(String)}
     */
    public static SSLContext create_default_context(String cafile) throws OSError {
        return create_default_context(Purpose.SERVER_AUTH, cafile, null, null);
    }

    /**
     * {@code ssl.create_default_context(purpose, cafile, capath, cadata)}: with any of cafile,
     * capath and cadata, those CAs are trusted; without, a context that verifies loads the
     * default CAs, as CPython does.
     *
     * @param purpose SERVER_AUTH for a client context, CLIENT_AUTH for a server context
     * @param cafile a PEM file, or null
     * @param capath a directory of PEM files, or null
     * @param cadata PEM text or DER bytes, or null
     * @return the context
     * @throws OSError as {@link SSLContext#load_verify_locations(String, String, Object)}
     */
    public static SSLContext create_default_context(Purpose purpose, String cafile, String capath, Object cadata)
            throws OSError {
        if (cafile == null && capath == null && cadata == null) {
            return create_default_context(purpose);
        }
        SSLContext ctx = contextFor(purpose);
        ctx.load_verify_locations(cafile, capath, cadata);
        return ctx;
    }

    /** A client context to authenticate servers, a server context to authenticate clients. */
    private static SSLContext contextFor(Purpose purpose) {
        return new SSLContext(purpose == Purpose.SERVER_AUTH ? PROTOCOL_TLS_CLIENT : PROTOCOL_TLS_SERVER);
    }

    /**
     * {@code ssl.DER_cert_to_PEM_cert(der_cert_bytes)}.
     *
     * @param der a certificate in DER
     * @return the same certificate as PEM text, 64 characters a line, as CPython writes it
     */
    public static String DER_cert_to_PEM_cert(byte[] der) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN CERTIFICATE-----\n" + b64 + "\n-----END CERTIFICATE-----\n";
    }

    /**
     * {@code ssl.PEM_cert_to_DER_cert(pem_cert_string)}.
     *
     * @param pem one certificate as PEM text
     * @return its DER bytes
     * @throws ValueError when the text does not start and end with the certificate markers
     */
    public static byte[] PEM_cert_to_DER_cert(String pem) {
        String begin = "-----BEGIN CERTIFICATE-----";
        String end = "-----END CERTIFICATE-----";
        String s = pem.strip();
        if (!s.startsWith(begin)) {
            throw new ValueError("Invalid PEM encoding; must start with " + begin);
        }
        if (!s.endsWith(end)) {
            throw new ValueError("Invalid PEM encoding; must end with " + end);
        }
        return Base64.getMimeDecoder().decode(s.substring(begin.length(), s.length() - end.length()));
    }
}
