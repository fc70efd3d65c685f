// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/** Python's {@code ssl.SSLZeroReturnError} (errno 6, {@code SSL_ERROR_ZERO_RETURN}): the peer closed the TLS connection with close_notify while an operation needed more. */
public class SSLZeroReturnError extends SSLError {
    /**
     * {@code SSLZeroReturnError(errno, strerror)} with its reason and library.
     *
     * @param errno OpenSSL's error class
     * @param strerror the message
     * @param reason OpenSSL's reason mnemonic, or null
     * @param library OpenSSL's library mnemonic, or null
     */
    public SSLZeroReturnError(int errno, String strerror, String reason, String library) {
        super(errno, strerror, reason, library);
    }
}
