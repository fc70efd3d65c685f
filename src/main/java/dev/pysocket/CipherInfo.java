// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/**
 * Python's tuple {@code (name, protocol, secret_bits)}: what {@code ssl.cipher()} returns, e.g.
 * {@code ('TLS_AES_256_GCM_SHA384', 'TLSv1.3', 256)}. Prints like the Python tuple.
 *
 * @param name the suite's OpenSSL name
 * @param protocol the protocol version it was negotiated in
 * @param secret_bits the bits of its cipher's key
 */
public record CipherInfo(String name, String protocol, int secret_bits) {
    @Override
    public String toString() {
        return Py.tuple(name, protocol, secret_bits);
    }
}
