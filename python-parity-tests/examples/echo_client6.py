# SPDX-License-Identifier: Apache-2.0
"""IPv6 echo client: create_connection picks the family from the address it resolves."""
import argparse
import socket

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument('--host', default='::1')
parser.add_argument('--port', type=int, default=65432)
parser.add_argument('--message', default='Hello, IPv6')
args = parser.parse_args()

with socket.create_connection((args.host, args.port), timeout=10) as sock:
    print(f'Connected to {sock.getpeername()} from family {sock.family!r}')
    sock.sendall(args.message.encode())
    sock.shutdown(socket.SHUT_WR)
    received = b''
    while data := sock.recv(1024):
        received += data
    print(f'Received {received!r}')
