// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.examples;

import static dev.pysocket.socket.*;

import dev.pysocket.Address;
import dev.pysocket.InetAddr;
import dev.pysocket.PermissionError;
import dev.pysocket.Py;
import dev.pysocket.RecvFrom;
import dev.pysocket.SocketType;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** Raw socket: one ICMP echo request over SOCK_RAW, and its reply (needs CAP_NET_RAW). */
public final class RawPing {
    static final int ECHO_REQUEST = 8, ECHO_REPLY = 0;
    static final int IDENT = 0x7079, SEQ = 1;
    static final byte[] PAYLOAD = "pysocket ping".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    static int checksum(byte[] packet) {
        // Rule: `struct.unpack('!H', ...)` → ByteBuffer.getShort() & 0xffff (Java has no unsigned short)
        ByteBuffer words = ByteBuffer.wrap(Arrays.copyOf(packet, packet.length + packet.length % 2));
        int total = 0;
        while (words.hasRemaining()) {
            total += words.getShort() & 0xffff;
        }
        total = (total >> 16) + (total & 0xffff);
        total += total >> 16;
        return ~total & 0xffff;
    }

    // Rule: `struct.pack('!BBHHH', ...)` → ByteBuffer.allocate(8).put(...).putShort(...) (network order is ByteBuffer's default)
    static byte[] icmpHeader(int kind, int checksum) {
        return ByteBuffer.allocate(8).put((byte) kind).put((byte) 0)
                .putShort((short) checksum).putShort((short) IDENT).putShort((short) SEQ).array();
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        String host = args.get("--host", "127.0.0.1");
        args.check();

        byte[] header = icmpHeader(ECHO_REQUEST, 0);
        byte[] packet = WebServer.concat(icmpHeader(ECHO_REQUEST, checksum(WebServer.concat(header, PAYLOAD))), PAYLOAD);

        SocketType sock;
        try {
            sock = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
        } catch (PermissionError e) {
            // Rule: `f'{type(e).__name__}: {e}'` → e.getClass().getSimpleName() + ": " + e.getMessage()
            System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        try (sock) {
            sock.settimeout(5.0);
            sock.sendto(packet, new InetAddr(host, 0));
            while (true) { // a raw socket also sees our own request go by
                if (sock.recvfrom(1024) instanceof RecvFrom(byte[] data, Address addr)) {
                    // Rule: `data[0]` of bytes is 0..255 → `data[0] & 0xff` (Java's byte is signed)
                    int ipHeader = (data[0] & 0x0f) * 4; // skip the IP header
                    ByteBuffer icmp = ByteBuffer.wrap(data, ipHeader, data.length - ipHeader).slice();
                    int kind = icmp.get(0) & 0xff;
                    int ident = icmp.getShort(4) & 0xffff;
                    int seq = icmp.getShort(6) & 0xffff;
                    if (kind == ECHO_REPLY && ident == IDENT) {
                        byte[] payload = Arrays.copyOfRange(data, ipHeader + 8, data.length);
                        System.out.println("Reply from " + ((InetAddr) addr).host() + ": icmp_seq=" + seq
                                + " bytes=" + icmp.remaining() + " data=" + Py.repr(payload));
                        break;
                    }
                }
            }
        }
    }
}
