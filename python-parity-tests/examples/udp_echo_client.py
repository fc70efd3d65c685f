# SPDX-License-Identifier: Apache-2.0
"""UDP echo client: one datagram out, one back, with a timeout since UDP may lose either."""
import argparse
import socket

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument('--host', default='127.0.0.1')
parser.add_argument('--port', type=int, default=65432)
parser.add_argument('--message', default='Hello, UDP')
args = parser.parse_args()

with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
    sock.settimeout(5)
    sock.sendto(args.message.encode(), (args.host, args.port))
    try:
        data, addr = sock.recvfrom(65535)
        print(f'Received {data!r} from {addr}')
    except TimeoutError:
        print('No reply (UDP does not retransmit)')
