// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.bindings.posix_h.ENOENT;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * The PEM files OpenSSL reads: certificates, and private keys as PKCS#8, PKCS#1 RSA or SEC1 EC,
 * plain or encrypted (legacy {@code Proc-Type: 4,ENCRYPTED} or PKCS#8 {@code ENCRYPTED PRIVATE
 * KEY}). BouncyCastle's parser reads them, since the JDK reads only unencrypted PKCS#8; its
 * provider is used for the decryption alone and never installed.
 */
final class Pem {
    /** Only for the PEM ciphers (the JDK lacks some OpenSSL uses); keys end up as JDK keys. */
    private static final Provider BC = new BouncyCastleProvider();

    private Pem() {
    }

    /** The file's text; a missing file is FileNotFoundError, as OpenSSL's fopen gives CPython. */
    static String read(String file) throws OSError {
        try {
            return Files.readString(Path.of(file), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw Errno.exception(ENOENT());
        } catch (IOException e) {
            throw new OSError(e.getMessage());
        }
    }

    /** Every CERTIFICATE block of the text, in order (other blocks are skipped). */
    static List<X509Certificate> certificates(String pem) throws GeneralSecurityException, IOException {
        List<X509Certificate> certs = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object o; (o = parser.readObject()) != null; ) {
                if (o instanceof X509CertificateHolder holder) {
                    certs.add(converter.getCertificate(holder));
                }
            }
        }
        return certs;
    }

    /**
     * The first private key of the text, decrypted with the password if it is encrypted; null if
     * the text holds none.
     *
     * @throws GeneralSecurityException a wrong or missing password, or an unreadable key
     */
    static PrivateKey privateKey(String pem, char[] password) throws GeneralSecurityException, IOException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object o; (o = parser.readObject()) != null; ) {
                try {
                    switch (o) {
                        case PEMKeyPair pair -> {
                            return converter.getPrivateKey(pair.getPrivateKeyInfo());
                        }
                        case PrivateKeyInfo info -> {
                            return converter.getPrivateKey(info);
                        }
                        case PEMEncryptedKeyPair enc -> {
                            PEMKeyPair pair = enc.decryptKeyPair(new JcePEMDecryptorProviderBuilder()
                                    .setProvider(BC).build(needPassword(password)));
                            return converter.getPrivateKey(pair.getPrivateKeyInfo());
                        }
                        case PKCS8EncryptedPrivateKeyInfo enc -> {
                            PrivateKeyInfo info = enc.decryptPrivateKeyInfo(
                                    new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC)
                                            .build(needPassword(password)));
                            return converter.getPrivateKey(info);
                        }
                        default -> {
                            // certificates and parameters: keep looking
                        }
                    }
                } catch (org.bouncycastle.operator.OperatorCreationException
                         | org.bouncycastle.pkcs.PKCSException
                         | org.bouncycastle.openssl.EncryptionException e) {
                    throw new GeneralSecurityException(e.getMessage(), e);
                }
            }
        }
        return null;
    }

    private static char[] needPassword(char[] password) throws GeneralSecurityException {
        if (password == null) {
            throw new GeneralSecurityException("no password for an encrypted key");
        }
        return password;
    }
}
