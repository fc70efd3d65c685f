// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/** Python's {@code ssl.SSLWantWriteError} (errno 3): a non-blocking TLS operation needs to write to the socket first; wait until it is writable and call again with the same data. */
public class SSLWantWriteError extends SSLError {
    /**
     * {@code SSLWantWriteError(errno, strerror)} with its reason and library.
     *
     * @param errno OpenSSL's error class
     * @param strerror the message
     * @param reason OpenSSL's reason mnemonic, or null
     * @param library OpenSSL's library mnemonic, or null
     */
    public SSLWantWriteError(int errno, String strerror, String reason, String library) {
        super(errno, strerror, reason, library);
    }
}
