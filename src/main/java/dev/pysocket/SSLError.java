// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/**
 * Python's {@code ssl.SSLError}, a subclass of {@link OSError}: a failure the TLS layer reports.
 * {@code errno} is OpenSSL's error class ({@code SSL_ERROR_SSL} = 1, {@code SSL_ERROR_WANT_READ}
 * = 2, ...), {@code strerror} the message CPython builds, e.g.
 * {@code [SSL: TLSV1_ALERT_UNKNOWN_CA] tlsv1 alert unknown ca (_ssl.c:1006)}, which is also what
 * {@link #getMessage()} returns, as Python's {@code str(e)} does.
 */
public class SSLError extends OSError {
    /** {@code e.reason}: OpenSSL's reason mnemonic, e.g. CERTIFICATE_VERIFY_FAILED, or null. */
    private final String reason;
    /** {@code e.library}: the OpenSSL library the error comes from, e.g. SSL, or null. */
    private final String library;

    /**
     * {@code SSLError(errno, strerror)} with its {@code reason} and {@code library} attributes.
     *
     * @param errno OpenSSL's error class
     * @param strerror the message
     * @param reason OpenSSL's reason mnemonic, such as {@code CERTIFICATE_VERIFY_FAILED}, or null
     * @param library OpenSSL's library mnemonic, such as {@code SSL}, or null
     */
    public SSLError(int errno, String strerror, String reason, String library) {
        super(errno, strerror);
        this.reason = reason;
        this.library = library;
    }

    /**
     * {@code SSLError(message)}: errno, reason and library are None.
     *
     * @param message the message
     */
    public SSLError(String message) {
        super(message);
        this.reason = null;
        this.library = null;
    }

    /**
     * {@code e.reason}.
     *
     * @return OpenSSL's reason mnemonic, or null for None
     */
    public String reason() {
        return reason;
    }

    /**
     * {@code e.library}.
     *
     * @return OpenSSL's library mnemonic, or null for None
     */
    public String library() {
        return library;
    }

    /**
     * {@code str(e)}: the strerror alone, without {@code [Errno n]}, as CPython prints it; for
     * {@code SSLError(message)} the args tuple, {@code ('message',)}, as CPython's SSLError_str
     * gives when strerror is None.
     */
    @Override
    public String getMessage() {
        if (strerror() != null) {
            return strerror();
        }
        return errno() == null ? "(" + Py.repr(super.getMessage()) + ",)" : super.getMessage();
    }

    /**
     * Python's {@code repr(e)}: {@code SSLError(1, '...')}, or {@code SSLError('message')}.
     *
     * @return the class name with Python's repr of the arguments
     */
    @Override
    public String repr() {
        return errno() == null ? getClass().getSimpleName() + "(" + Py.repr(super.getMessage()) + ")" : super.repr();
    }
}
