// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/** Python's {@code ssl.SSLWantReadError} (errno 2): a non-blocking TLS operation needs to read from the socket first; wait until it is readable (select, selectors) and call again. */
public class SSLWantReadError extends SSLError {
    /**
     * {@code SSLWantReadError(errno, strerror)} with its reason and library.
     *
     * @param errno OpenSSL's error class
     * @param strerror the message
     * @param reason OpenSSL's reason mnemonic, or null
     * @param library OpenSSL's library mnemonic, or null
     */
    public SSLWantReadError(int errno, String strerror, String reason, String library) {
        super(errno, strerror, reason, library);
    }
}
