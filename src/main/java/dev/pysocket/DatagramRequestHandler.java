// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

/**
 * Python's {@code socketserver.DatagramRequestHandler}: {@link #rfile} reads the datagram,
 * what handle() writes to {@link #wfile} is sent back to the client as one datagram by finish().
 */
public abstract class DatagramRequestHandler extends BaseRequestHandler {
    /** {@code self.packet}: the datagram. */
    public byte[] packet;
    /** {@code self.rfile}: reads the datagram. */
    public ByteArrayInputStream rfile;
    /** {@code self.wfile}: collects the reply. */
    public ByteArrayOutputStream wfile;

    /** For subclasses. */
    protected DatagramRequestHandler() {
    }

    /** {@code handler.setup()}: packet, rfile and wfile. */
    @Override
    public void setup() {
        packet = ((DatagramRequest) request).data();
        rfile = new ByteArrayInputStream(packet);
        wfile = new ByteArrayOutputStream();
    }

    /** {@code handler.finish()}: sends wfile's bytes to the client with sendto. */
    @Override
    public void finish() throws Exception {
        ((DatagramRequest) request).socket().sendto(wfile.toByteArray(), client_address);
    }
}
