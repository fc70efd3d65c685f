// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/** Python's {@code ssl.SSLEOFError} (errno 8): the connection ended without close_notify, e.g. {@code [SSL: UNEXPECTED_EOF_WHILE_READING] EOF occurred in violation of protocol (_ssl.c:2580)}. */
public class SSLEOFError extends SSLError {
    /**
     * {@code SSLEOFError(errno, strerror)} with its reason and library.
     *
     * @param errno OpenSSL's error class
     * @param strerror the message
     * @param reason OpenSSL's reason mnemonic, or null
     * @param library OpenSSL's library mnemonic, or null
     */
    public SSLEOFError(int errno, String strerror, String reason, String library) {
        super(errno, strerror, reason, library);
    }
}
