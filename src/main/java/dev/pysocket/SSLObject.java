// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.nio.ByteBuffer;

/**
 * Python's {@code ssl.SSLObject}: TLS with no socket under it, over two {@link MemoryBIO}s, made
 * by {@link SSLContext#wrap_bio}. Every call that needs the peer's bytes raises
 * {@link SSLWantReadError} until they are written into the incoming BIO; what it produces for
 * the peer is in the outgoing BIO. The session's attributes are those of {@link SSLSocket}.
 */
public final class SSLObject extends TlsChannel {
    private final MemoryBIO incoming;
    private final MemoryBIO outgoing;

    SSLObject(SSLContext context, MemoryBIO incoming, MemoryBIO outgoing, boolean serverSide, String serverHostname) {
        super(context, serverSide, serverHostname);
        this.incoming = incoming;
        this.outgoing = outgoing;
    }

    @Override
    int transportWrite(ByteBuffer src) throws OSError {
        return outgoing.write(src);
    }

    @Override
    int transportRead(ByteBuffer dst, int max) {
        return incoming.readInto(dst, max);
    }

    @Override
    boolean raggedEofIsEnd() {
        return false;
    }

    /**
     * {@code obj.read(len)}: up to len decrypted bytes.
     *
     * @param len at most this many bytes
     * @return the bytes; empty after the peer's close_notify
     * @throws OSError SSLWantReadError until the incoming BIO has a whole record, SSLEOFError
     *     after write_eof() without close_notify, SSLError for TLS failures
     */
    public byte[] read(int len) throws OSError {
        if (len < 0) {
            throw new ValueError("size should not be negative");
        }
        ByteBuffer b = ByteBuffer.allocate(len);
        int n = len == 0 ? 0 : read(b, len);
        return java.util.Arrays.copyOf(b.array(), n);
    }

    /**
     * {@code obj.write(data)}: encrypts data into the outgoing BIO.
     *
     * @param data the plain text
     * @return how many bytes were taken: all of them
     * @throws OSError SSLWantReadError while the handshake waits for the peer, SSLError for TLS failures
     */
    public int write(byte[] data) throws OSError {
        return write(ByteBuffer.wrap(data), data.length);
    }

    /**
     * {@code obj.unwrap()}: sends close_notify and waits for the peer's.
     *
     * @throws OSError SSLWantReadError until the peer's close_notify is in the incoming BIO
     */
    public void unwrap() throws OSError {
        shutdownTls();
    }

    /** Python's repr shape, {@code <ssl.SSLObject object at 0x...>}. */
    @Override
    public String toString() {
        return "<ssl.SSLObject object at 0x" + Integer.toHexString(System.identityHashCode(this)) + ">";
    }
}
