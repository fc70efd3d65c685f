// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/** Python's {@code ssl.SSLSyscallError} (errno 5, {@code SSL_ERROR_SYSCALL}): the transport failed under the TLS layer. */
public class SSLSyscallError extends SSLError {
    /**
     * {@code SSLSyscallError(errno, strerror)} with its reason and library.
     *
     * @param errno OpenSSL's error class
     * @param strerror the message
     * @param reason OpenSSL's reason mnemonic, or null
     * @param library OpenSSL's library mnemonic, or null
     */
    public SSLSyscallError(int errno, String strerror, String reason, String library) {
        super(errno, strerror, reason, library);
    }
}
