// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/**
 * Python's {@code ssl.SSLCertVerificationError} (and its alias {@code ssl.CertificateError}):
 * the peer's certificate failed verification. {@code verify_code} and {@code verify_message} are
 * OpenSSL's {@code X509_V_ERR_*} code and text, e.g. 62 and
 * {@code Hostname mismatch, certificate is not valid for 'localhost'.}. Unlike CPython's, this
 * class is not also a {@code ValueError} (Java has single inheritance).
 */
public class SSLCertVerificationError extends SSLError {
    /** {@code e.verify_code}: OpenSSL's X509_V_ERR_* number. */
    private final int verifyCode;
    /** {@code e.verify_message}: OpenSSL's text for that number. */
    private final String verifyMessage;

    /**
     * {@code SSLCertVerificationError}: errno 1, reason {@code CERTIFICATE_VERIFY_FAILED}, library
     * {@code SSL}, the message CPython builds from the verify message.
     *
     * @param verifyCode OpenSSL's {@code X509_V_ERR_*} code
     * @param verifyMessage OpenSSL's text for it
     */
    public SSLCertVerificationError(int verifyCode, String verifyMessage) {
        super(1, "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: " + verifyMessage
                + " (_ssl.c:1006)", "CERTIFICATE_VERIFY_FAILED", "SSL");
        this.verifyCode = verifyCode;
        this.verifyMessage = verifyMessage;
    }

    /**
     * {@code e.verify_code}.
     *
     * @return OpenSSL's {@code X509_V_ERR_*} code, e.g. 10 for an expired certificate
     */
    public int verify_code() {
        return verifyCode;
    }

    /**
     * {@code e.verify_message}.
     *
     * @return OpenSSL's text for the code, e.g. {@code certificate has expired}
     */
    public String verify_message() {
        return verifyMessage;
    }
}
