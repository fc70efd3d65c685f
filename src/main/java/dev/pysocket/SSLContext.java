// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Python's {@code ssl.SSLContext}: the settings, certificates and keys that connections are made
 * with. {@code ssl.SSLContext(protocol)} is {@code new SSLContext(protocol)}. TLS is the JDK's
 * {@link SSLEngine}; certificates are verified with the JDK's PKIX validator and host names by
 * OpenSSL's rules, and failures carry OpenSSL's verify code and message (docs/mapping.md).
 */
public final class SSLContext {
    private final int protocol;
    private volatile int verifyMode;
    private volatile boolean checkHostname;
    private volatile ssl.TLSVersion minimumVersion = ssl.TLSVersion.TLSv1_2;
    private volatile ssl.TLSVersion maximumVersion = ssl.TLSVersion.MAXIMUM_SUPPORTED;
    private final Set<X509Certificate> trusted = new LinkedHashSet<>();
    private volatile PrivateKey key;
    private volatile X509Certificate[] chain;
    private volatile String[] ciphers;
    private volatile String[] alpn;
    /** The JDK context for the current certificates and keys; rebuilt when they change. */
    private javax.net.ssl.SSLContext jdk;

    /**
     * {@code ssl.SSLContext(protocol)}: {@link ssl#PROTOCOL_TLS_CLIENT} verifies the server and
     * its host name; {@link ssl#PROTOCOL_TLS_SERVER} (and the deprecated {@link ssl#PROTOCOL_TLS})
     * verifies nothing by default.
     *
     * @param protocol one of the {@code PROTOCOL_*} constants
     * @throws ValueError for any other protocol number
     */
    public SSLContext(int protocol) {
        if (protocol != ssl.PROTOCOL_TLS_CLIENT && protocol != ssl.PROTOCOL_TLS_SERVER
                && protocol != ssl.PROTOCOL_TLS) {
            throw new ValueError("invalid or unsupported protocol version " + protocol);
        }
        this.protocol = protocol;
        boolean client = protocol == ssl.PROTOCOL_TLS_CLIENT;
        this.verifyMode = client ? ssl.CERT_REQUIRED : ssl.CERT_NONE;
        this.checkHostname = client;
    }

    /**
     * {@code ctx.protocol}.
     *
     * @return the {@code PROTOCOL_*} constant the context was made with
     */
    public int protocol() {
        return protocol;
    }

    /**
     * {@code ctx.verify_mode}.
     *
     * @return {@link ssl#CERT_NONE}, {@link ssl#CERT_OPTIONAL} or {@link ssl#CERT_REQUIRED}
     */
    public int verify_mode() {
        return verifyMode;
    }

    /**
     * {@code ctx.verify_mode = mode}.
     *
     * @param mode {@link ssl#CERT_NONE}, {@link ssl#CERT_OPTIONAL} or {@link ssl#CERT_REQUIRED}
     * @throws ValueError for another value, or CERT_NONE while check_hostname is on
     */
    public void verify_mode(int mode) {
        if (mode < ssl.CERT_NONE || mode > ssl.CERT_REQUIRED) {
            throw new ValueError("invalid value for verify_mode");
        }
        if (mode == ssl.CERT_NONE && checkHostname) {
            throw new ValueError("Cannot set verify_mode to CERT_NONE when check_hostname is enabled.");
        }
        verifyMode = mode;
    }

    /**
     * {@code ctx.check_hostname}.
     *
     * @return whether a client checks the server's certificate against server_hostname
     */
    public boolean check_hostname() {
        return checkHostname;
    }

    /**
     * {@code ctx.check_hostname = flag}; turning it on also sets verify_mode to CERT_REQUIRED
     * when it was CERT_NONE, as CPython does.
     *
     * @param flag whether to check host names
     */
    public void check_hostname(boolean flag) {
        if (flag && verifyMode == ssl.CERT_NONE) {
            verifyMode = ssl.CERT_REQUIRED;
        }
        checkHostname = flag;
    }

    /**
     * {@code ctx.minimum_version}.
     *
     * @return the lowest TLS version offered (TLSv1_2 by default, as in CPython 3.11)
     */
    public ssl.TLSVersion minimum_version() {
        return minimumVersion;
    }

    /**
     * {@code ctx.minimum_version = version}.
     *
     * @param version the lowest TLS version to offer or accept
     */
    public void minimum_version(ssl.TLSVersion version) {
        minimumVersion = java.util.Objects.requireNonNull(version);
    }

    /**
     * {@code ctx.maximum_version}.
     *
     * @return the highest TLS version offered (MAXIMUM_SUPPORTED by default)
     */
    public ssl.TLSVersion maximum_version() {
        return maximumVersion;
    }

    /**
     * {@code ctx.maximum_version = version}.
     *
     * @param version the highest TLS version to offer or accept
     */
    public void maximum_version(ssl.TLSVersion version) {
        maximumVersion = java.util.Objects.requireNonNull(version);
    }

    // ---- certificates and keys -----------------------------------------------------------

    /**
     * {@code ctx.load_cert_chain(certfile)}: the certificate chain and the private key from one
     * PEM file.
     *
     * @param certfile the PEM file with the certificate (first), its chain and the key
     * @throws OSError FileNotFoundError for a missing file; SSLError for unreadable PEM or a key
     *     that does not match the certificate
     */
    public void load_cert_chain(String certfile) throws OSError {
        load_cert_chain(certfile, null, null);
    }

    /**
     * {@code ctx.load_cert_chain(certfile, keyfile)}.
     *
     * @param certfile the PEM file with the certificate and its chain
     * @param keyfile the PEM file with the private key, or null when it is in certfile
     * @throws OSError as {@link #load_cert_chain(String)}
     */
    public void load_cert_chain(String certfile, String keyfile) throws OSError {
        load_cert_chain(certfile, keyfile, null);
    }

    /**
     * {@code ctx.load_cert_chain(certfile, keyfile, password)}: keys may be PKCS#8, PKCS#1 RSA or
     * SEC1 EC, plain or encrypted with the password.
     *
     * @param certfile the PEM file with the certificate and its chain
     * @param keyfile the PEM file with the private key, or null when it is in certfile
     * @param password the key's password, or null for an unencrypted key
     * @throws OSError FileNotFoundError for a missing file; SSLError {@code [SSL] PEM lib} for
     *     unreadable PEM, a missing or wrong password; {@code [X509: KEY_VALUES_MISMATCH]} for a
     *     key that is not the certificate's
     */
    public void load_cert_chain(String certfile, String keyfile, String password) throws OSError {
        String certText = Pem.read(certfile);
        String keyText = keyfile == null ? certText : Pem.read(keyfile);
        List<X509Certificate> certs;
        try {
            certs = Pem.certificates(certText);
        } catch (GeneralSecurityException | IOException e) {
            certs = List.of();
        }
        if (certs.isEmpty()) {
            throw pemLib(3905);
        }
        PrivateKey pk;
        try {
            pk = Pem.privateKey(keyText, password == null ? null : password.toCharArray());
        } catch (GeneralSecurityException | IOException e) {
            pk = null;
        }
        if (pk == null) {
            throw pemLib(3926);
        }
        if (!matches(pk, certs.getFirst())) {
            throw new SSLError(116, "[X509: KEY_VALUES_MISMATCH] key values mismatch (_ssl.c:3926)",
                    "KEY_VALUES_MISMATCH", "X509");
        }
        synchronized (this) {
            key = pk;
            chain = certs.toArray(X509Certificate[]::new);
            jdk = null;
        }
    }

    /** CPython's error for PEM it cannot read, at the _ssl.c line of the certificate or the key. */
    private static SSLError pemLib(int line) {
        return new SSLError(524297, "[SSL] PEM lib (_ssl.c:" + line + ")", "PEM lib", "SSL");
    }

    /** Whether the key is the certificate's: a signature made with it verifies with the certificate. */
    private static boolean matches(PrivateKey pk, X509Certificate cert) {
        String algorithm = switch (pk.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            default -> pk.getAlgorithm(); // Ed25519, Ed448 sign with their own name
        };
        try {
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature s = Signature.getInstance(algorithm);
            s.initSign(pk);
            s.update(probe);
            byte[] sig = s.sign();
            s.initVerify(cert.getPublicKey());
            s.update(probe);
            return s.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * {@code ctx.load_verify_locations(cafile)}.
     *
     * @param cafile a PEM file of trusted CA certificates
     * @throws OSError FileNotFoundError for a missing file, SSLError when it holds no certificate
     */
    public void load_verify_locations(String cafile) throws OSError {
        load_verify_locations(cafile, null, null);
    }

    /**
     * {@code ctx.load_verify_locations(cafile, capath, cadata)}: trusted CA certificates from a
     * PEM file, from every PEM file of a directory (read at once, unlike OpenSSL, which looks up
     * hashed names when it needs them), and from PEM text ({@code String}) or DER ({@code byte[]}).
     *
     * @param cafile a PEM file, or null
     * @param capath a directory of PEM files, or null
     * @param cadata PEM text as a String, DER certificates as a byte[], or null
     * @throws OSError FileNotFoundError for a missing file; SSLError for a file with no certificate
     * @throws TypeError when all three are null, or cadata is of another type
     */
    public void load_verify_locations(String cafile, String capath, Object cadata) throws OSError {
        if (cafile == null && capath == null && cadata == null) {
            throw new TypeError("cafile, capath and cadata cannot be all omitted");
        }
        List<X509Certificate> found = new ArrayList<>();
        if (cafile != null) {
            List<X509Certificate> certs = parse(Pem.read(cafile));
            if (certs.isEmpty()) {
                throw new SSLError(136, "[X509: NO_CERTIFICATE_OR_CRL_FOUND] no certificate or crl found"
                        + " (_ssl.c:4149)", "NO_CERTIFICATE_OR_CRL_FOUND", "X509");
            }
            found.addAll(certs);
        }
        if (capath != null) {
            try (Stream<Path> files = Files.list(Path.of(capath))) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    found.addAll(parse(Pem.read(f.toString())));
                }
            } catch (IOException e) {
                throw Errno.exception(dev.pysocket.bindings.posix_h.ENOENT());
            }
        }
        switch (cadata) {
            case null -> { }
            case String pem -> found.addAll(parse(pem));
            case byte[] der -> {
                try {
                    CertificateFactory cf = CertificateFactory.getInstance("X.509");
                    for (var c : cf.generateCertificates(new java.io.ByteArrayInputStream(der))) {
                        found.add((X509Certificate) c);
                    }
                } catch (CertificateException e) {
                    throw new SSLError(1, "[X509: NOT_ENOUGH_DATA] not enough data (_ssl.c:4053)",
                            "NOT_ENOUGH_DATA", "X509");
                }
            }
            default -> throw new TypeError("cadata should be an ASCII string or a bytes-like object");
        }
        trust(found);
    }

    private static List<X509Certificate> parse(String pem) throws SSLError {
        try {
            return Pem.certificates(pem);
        } catch (GeneralSecurityException | IOException e) {
            throw pemLib(4149);
        }
    }

    private synchronized void trust(List<X509Certificate> certs) {
        trusted.addAll(certs);
        jdk = null;
    }

    /**
     * {@code ctx.load_default_certs(purpose)}: the JDK's default trusted CAs (its {@code cacerts}),
     * where CPython loads OpenSSL's default paths.
     *
     * @param purpose which certificates the peer will show; both purposes load the same CAs
     */
    public void load_default_certs(ssl.Purpose purpose) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    trust(Arrays.asList(x.getAcceptedIssuers()));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no default trust store", e);
        }
    }

    /**
     * {@code ctx.load_default_certs()}, for {@link ssl.Purpose#SERVER_AUTH}.
     */
    public void load_default_certs() {
        load_default_certs(ssl.Purpose.SERVER_AUTH);
    }

    /**
     * {@code ctx.get_ca_certs()}: the trusted CA certificates, each in getpeercert()'s dict form.
     *
     * @return one dict per certificate, in the order they were loaded
     */
    public synchronized List<java.util.Map<String, Object>> get_ca_certs() {
        return trusted.stream().map(Certs::decode).toList();
    }

    // ---- ciphers and ALPN ----------------------------------------------------------------

    /**
     * {@code ctx.set_ciphers(ciphers)}: the TLS 1.2 cipher suites, as an OpenSSL cipher list of
     * names separated by {@code :} (OpenSSL's names, e.g. {@code ECDHE-RSA-AES128-GCM-SHA256}, or
     * the IANA names Java uses). OpenSSL's keywords and operators ({@code HIGH}, {@code !aNULL},
     * {@code +}) are not understood: an entry that names no suite is skipped. TLS 1.3 suites are
     * not affected, as in OpenSSL.
     *
     * @param cipherList the cipher list
     * @throws SSLError {@code ('No cipher can be selected.',)} when no entry names a suite
     */
    public void set_ciphers(String cipherList) throws SSLError {
        String[] supported = jdkContext().getSupportedSSLParameters().getCipherSuites();
        List<String> chosen = new ArrayList<>();
        for (String entry : cipherList.split("[:, ]+")) {
            for (String suite : supported) {
                if (!suite.startsWith("TLS_AES_") && !suite.startsWith("TLS_CHACHA20_")
                        && (suite.equals(entry) || Certs.openSslCipherName(suite).equals(entry))) {
                    chosen.add(suite);
                }
            }
        }
        if (chosen.isEmpty()) {
            throw new SSLError("No cipher can be selected.");
        }
        for (String suite : supported) {
            if (suite.startsWith("TLS_AES_") || suite.startsWith("TLS_CHACHA20_")) {
                chosen.add(suite);
            }
        }
        ciphers = chosen.toArray(String[]::new);
    }

    /**
     * {@code ctx.get_ciphers()}: the suites enabled, with OpenSSL's names.
     *
     * @return a dict per suite with {@code name}, {@code protocol} and {@code id}-less details
     */
    public List<java.util.Map<String, Object>> get_ciphers() {
        String[] suites = ciphers != null ? ciphers : jdkContext().getDefaultSSLParameters().getCipherSuites();
        List<java.util.Map<String, Object>> out = new ArrayList<>();
        for (String s : suites) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("name", Certs.openSslCipherName(s));
            m.put("protocol", s.startsWith("TLS_AES_") || s.startsWith("TLS_CHACHA20_") ? "TLSv1.3" : "TLSv1.2");
            out.add(m);
        }
        return out;
    }

    /**
     * {@code ctx.set_alpn_protocols(protocols)}: the protocols a client offers, or a server
     * accepts (in its order of preference), in the ALPN extension.
     *
     * @param protocols the protocol names, e.g. {@code List.of("h2", "http/1.1")}
     * @throws ValueError for a name longer than 255 bytes, as CPython
     */
    public void set_alpn_protocols(List<String> protocols) {
        for (String p : protocols) {
            int len = p.getBytes(StandardCharsets.UTF_8).length;
            if (len == 0 || len > 255) {
                throw new ValueError("NPN/ALPN protocols must be 1 to 255 in length");
            }
        }
        alpn = protocols.toArray(String[]::new);
    }

    // ---- wrapping ------------------------------------------------------------------------

    /**
     * {@code ctx.wrap_socket(sock)}: a client connection with no server_hostname; fails when
     * check_hostname is on.
     *
     * @param sock a connected (or to be connected) stream socket, detached by this call
     * @return the TLS socket, handshaken if sock is connected
     * @throws OSError as {@link #wrap_socket(SocketType, boolean, boolean, boolean, String)}
     */
    public SSLSocket wrap_socket(SocketType sock) throws OSError {
        return wrap_socket(sock, false, true, true, null);
    }

    /**
     * {@code ctx.wrap_socket(sock, server_side)}.
     *
     * @param sock a stream socket, detached by this call
     * @param serverSide whether this end is the TLS server
     * @return the TLS socket, handshaken if sock is connected
     * @throws OSError as {@link #wrap_socket(SocketType, boolean, boolean, boolean, String)}
     */
    public SSLSocket wrap_socket(SocketType sock, boolean serverSide) throws OSError {
        return wrap_socket(sock, serverSide, true, true, null);
    }

    /**
     * {@code ctx.wrap_socket(sock, server_hostname=name)}: a client connection to name.
     *
     * @param sock a stream socket, detached by this call
     * @param serverHostname the server's name (SNI, and the host name checked) or IP address
     * @return the TLS socket, handshaken if sock is connected
     * @throws OSError as {@link #wrap_socket(SocketType, boolean, boolean, boolean, String)}
     */
    public SSLSocket wrap_socket(SocketType sock, String serverHostname) throws OSError {
        return wrap_socket(sock, false, true, true, serverHostname);
    }

    /**
     * {@code ctx.wrap_socket(sock, server_side, do_handshake_on_connect, suppress_ragged_eofs,
     * server_hostname)}. As in CPython, sock is detached (its fileno() becomes -1) and the new
     * socket owns the descriptor and keeps sock's timeout.
     *
     * @param sock a stream socket
     * @param serverSide whether this end is the TLS server
     * @param doHandshakeOnConnect handshake now (if connected) or at connect()
     * @param suppressRaggedEofs whether an EOF without close_notify reads as end of data
     * @param serverHostname the server's name or IP address (client side), or null
     * @return the TLS socket
     * @throws OSError a handshake failure (SSLError and its subclasses), a socket error
     * @throws ValueError server_hostname on the server side, or missing with check_hostname
     */
    public SSLSocket wrap_socket(SocketType sock, boolean serverSide, boolean doHandshakeOnConnect,
                                 boolean suppressRaggedEofs, String serverHostname) throws OSError {
        checkSide(serverSide, serverHostname);
        return new SSLSocket(this, sock, serverSide, doHandshakeOnConnect, suppressRaggedEofs, serverHostname);
    }

    /**
     * {@code ctx.wrap_bio(incoming, outgoing, server_side, server_hostname)}: TLS over two memory
     * buffers, for code that moves the bytes itself.
     *
     * @param incoming the bytes from the peer, written by the caller
     * @param outgoing the bytes for the peer, read by the caller
     * @param serverSide whether this end is the TLS server
     * @param serverHostname the server's name (client side), or null
     * @return the TLS object
     * @throws SSLError a server side from a PROTOCOL_TLS_CLIENT context
     * @throws ValueError server_hostname on the server side, or missing with check_hostname
     */
    public SSLObject wrap_bio(MemoryBIO incoming, MemoryBIO outgoing, boolean serverSide, String serverHostname)
            throws SSLError {
        checkSide(serverSide, serverHostname);
        return new SSLObject(this, incoming, outgoing, serverSide, serverHostname);
    }

    private void checkSide(boolean serverSide, String serverHostname) throws SSLError {
        if (serverSide && serverHostname != null) {
            throw new ValueError("server_hostname can only be specified in client mode");
        }
        if (!serverSide && checkHostname && serverHostname == null) {
            throw new ValueError("check_hostname requires server_hostname");
        }
        if (serverSide && protocol == ssl.PROTOCOL_TLS_CLIENT) {
            throw new SSLError(1, "[SSL: CANNOT_CREATE_SERVER_SIDE] cannot create server side (_ssl.c:804)",
                    "CANNOT_CREATE_SERVER_SIDE", "SSL"); // the JDK would allow it; OpenSSL refuses
        }
    }

    /** A configured engine for one connection; peerHost is server_hostname (for SNI and the host check). */
    SSLEngine engine(boolean serverSide, String serverHostname) {
        SSLEngine engine = jdkContext().createSSLEngine(serverHostname, -1);
        engine.setUseClientMode(!serverSide);
        SSLParameters p = engine.getSSLParameters();
        p.setProtocols(protocols(engine.getSupportedProtocols()));
        if (ciphers != null) {
            p.setCipherSuites(ciphers);
        }
        String[] protocolsOffered = alpn;
        if (protocolsOffered != null && !serverSide) {
            p.setApplicationProtocols(protocolsOffered);
        }
        if (!serverSide && serverHostname != null && !Certs.isIp(serverHostname)) {
            p.setServerNames(List.of(new SNIHostName(serverHostname)));
        }
        if (serverSide) {
            p.setNeedClientAuth(verifyMode == ssl.CERT_REQUIRED);
            p.setWantClientAuth(verifyMode != ssl.CERT_NONE);
        }
        p.setEndpointIdentificationAlgorithm(null); // the host name is checked by Verifier, OpenSSL's way
        engine.setSSLParameters(p);
        if (serverSide && protocolsOffered != null) {
            // OpenSSL's rule as CPython uses it: the first of the server's protocols that the client
            // offers; none in common is no ALPN at all, not a failed handshake ("" below).
            engine.setHandshakeApplicationProtocolSelector((e, offered) -> Arrays.stream(protocolsOffered)
                    .filter(offered::contains).findFirst().orElse(""));
        }
        return engine;
    }

    /** The JDK protocol names between minimum_version and maximum_version. */
    private String[] protocols(String[] supported) {
        int lo = minimumVersion.value() < 0 ? 0 : minimumVersion.value();
        int hi = maximumVersion.value() < 0 ? Integer.MAX_VALUE : maximumVersion.value();
        List<String> out = new ArrayList<>();
        for (ssl.TLSVersion v : ssl.TLSVersion.values()) {
            if (v.value() >= lo && v.value() <= hi && Arrays.asList(supported).contains(v.jdkName())) {
                out.add(v.jdkName());
            }
        }
        return out.toArray(String[]::new);
    }

    private synchronized javax.net.ssl.SSLContext jdkContext() {
        if (jdk == null) {
            try {
                javax.net.ssl.SSLContext c = javax.net.ssl.SSLContext.getInstance("TLS");
                KeyManager[] km = key == null ? null : new KeyManager[] {new OneKey(key, chain)};
                c.init(km, new TrustManager[] {new Verifier(this, trustDelegate())}, null);
                jdk = c;
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("the JDK refused a TLS context", e);
            }
        }
        return jdk;
    }

    /** The JDK's PKIX trust manager over the trusted certificates (an empty store trusts none). */
    private X509TrustManager trustDelegate() throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        int i = 0;
        for (X509Certificate c : trusted) {
            ks.setCertificateEntry("ca" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(ks);
        return (X509TrustManager) tmf.getTrustManagers()[0];
    }

    /** The certificate and key of load_cert_chain, offered whatever the peer asks, as OpenSSL does. */
    private static final class OneKey extends X509ExtendedKeyManager {
        private static final String ALIAS = "cert";
        private final PrivateKey key;
        private final X509Certificate[] chain;

        OneKey(PrivateKey key, X509Certificate[] chain) {
            this.key = key;
            this.chain = chain;
        }

        private String choose(String... keyTypes) {
            String alg = key.getAlgorithm();
            for (String t : keyTypes) {
                if (t.startsWith(alg) || (alg.equals("RSA") && t.equals("RSASSA-PSS"))) {
                    return ALIAS;
                }
            }
            return null;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return choose(keyType) == null ? null : new String[] {ALIAS};
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return choose(keyType);
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return choose(keyType);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return getClientAliases(keyType, issuers);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return choose(keyType);
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return choose(keyType);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return chain.clone();
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return key;
        }
    }

    /**
     * A certificate that failed OpenSSL's verification: its {@code X509_V_ERR_*} code and text.
     * The cause is a CertPathValidatorException whose reason makes the JDK send the alert OpenSSL
     * sends for the same failure (unknown_ca, certificate_expired, bad_certificate).
     */
    static final class VerifyFailure extends CertificateException {
        final int code;
        final String text;

        VerifyFailure(int code, String text, CertPathValidatorException.Reason alertReason) {
            super(text, new CertPathValidatorException(text, null, null, -1, alertReason));
            this.code = code;
            this.text = text;
        }
    }

    /** Verifies the peer's chain with the JDK's PKIX validator and the host name by OpenSSL's rules. */
    private static final class Verifier extends X509ExtendedTrustManager {
        private final SSLContext ctx;
        private final X509TrustManager pkix;

        Verifier(SSLContext ctx, X509TrustManager pkix) {
            this.ctx = ctx;
            this.pkix = pkix;
        }

        private void verify(X509Certificate[] chain, String authType, boolean server, String host)
                throws CertificateException {
            if (ctx.verifyMode == ssl.CERT_NONE) {
                return;
            }
            try {
                if (server) {
                    pkix.checkServerTrusted(chain, authType);
                } else {
                    pkix.checkClientTrusted(chain, authType);
                }
            } catch (CertificateException e) {
                throw failure(chain, e);
            }
            if (server && ctx.checkHostname && host != null && !Certs.matchesHost(chain[0], host)) {
                boolean ip = Certs.isIp(host);
                throw new VerifyFailure(ip ? 64 : 62, (ip ? "IP address" : "Hostname")
                        + " mismatch, certificate is not valid for '" + host + "'.",
                        java.security.cert.CertPathValidatorException.BasicReason.INVALID_SIGNATURE);
            }
        }

        /** OpenSSL's code and text for what the JDK's validator found. */
        private static VerifyFailure failure(X509Certificate[] chain, CertificateException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                var expired = CertPathValidatorException.BasicReason.EXPIRED;
                var notYet = CertPathValidatorException.BasicReason.NOT_YET_VALID;
                if (t instanceof CertificateExpiredException
                        || t instanceof CertPathValidatorException v && v.getReason() == expired) {
                    return new VerifyFailure(10, "certificate has expired", expired);
                }
                if (t instanceof CertificateNotYetValidException
                        || t instanceof CertPathValidatorException v && v.getReason() == notYet) {
                    return new VerifyFailure(9, "certificate is not yet valid", notYet);
                }
            }
            X509Certificate top = chain[chain.length - 1];
            boolean selfSigned = top.getSubjectX500Principal().equals(top.getIssuerX500Principal());
            if (selfSigned) {
                return chain.length == 1
                        ? new VerifyFailure(18, "self-signed certificate", PKIXReason.NO_TRUST_ANCHOR)
                        : new VerifyFailure(19, "self-signed certificate in certificate chain", PKIXReason.NO_TRUST_ANCHOR);
            }
            return new VerifyFailure(20, "unable to get local issuer certificate", PKIXReason.NO_TRUST_ANCHOR);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            verify(chain, authType, true, engine.getPeerHost());
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            verify(chain, authType, false, null);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            verify(chain, authType, true, null);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            verify(chain, authType, false, null);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            verify(chain, authType, true, null);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            verify(chain, authType, false, null);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            // OpenSSL servers (CPython's) send no CA names in a certificate request; neither do we
            return new X509Certificate[0];
        }
    }

    /** Python's repr: {@code <ssl.SSLContext object at 0x...>}. */
    @Override
    public String toString() {
        return "<ssl.SSLContext object at 0x" + Integer.toHexString(System.identityHashCode(this)) + ">";
    }
}
