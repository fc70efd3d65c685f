# SPDX-License-Identifier: Apache-2.0
"""Raw socket: one ICMP echo request over SOCK_RAW, and its reply (needs CAP_NET_RAW)."""
import argparse
import socket
import struct
import sys

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument('--host', default='127.0.0.1')
args = parser.parse_args()

ECHO_REQUEST, ECHO_REPLY = 8, 0
IDENT, SEQ = 0x7079, 1
PAYLOAD = b'pysocket ping'


def checksum(packet):
    if len(packet) % 2:
        packet += b'\0'
    total = sum(struct.unpack(f'!{len(packet) // 2}H', packet))
    total = (total >> 16) + (total & 0xffff)
    total += total >> 16
    return ~total & 0xffff


header = struct.pack('!BBHHH', ECHO_REQUEST, 0, 0, IDENT, SEQ)
packet = struct.pack('!BBHHH', ECHO_REQUEST, 0, checksum(header + PAYLOAD), IDENT, SEQ) + PAYLOAD

try:
    sock = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
except PermissionError as e:
    print(f'{type(e).__name__}: {e}')
    sys.exit(1)
with sock:
    sock.settimeout(5)
    sock.sendto(packet, (args.host, 0))
    while True:  # a raw socket also sees our own request go by
        data, addr = sock.recvfrom(1024)
        icmp = data[(data[0] & 0x0f) * 4:]  # skip the IP header
        kind, code, _, ident, seq = struct.unpack('!BBHHH', icmp[:8])
        if kind == ECHO_REPLY and ident == IDENT:
            print(f'Reply from {addr[0]}: icmp_seq={seq} bytes={len(icmp)} data={icmp[8:]!r}')
            break
