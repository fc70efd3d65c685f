# SPDX-License-Identifier: Apache-2.0
"""UDP echo server: sends every datagram back to where it came from (no connection, no accept)."""
import argparse
import socket

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument('--host', default='127.0.0.1')
parser.add_argument('--port', type=int, default=65432)
args = parser.parse_args()

with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as server:
    server.bind((args.host, args.port))
    host, port = server.getsockname()
    print(f'Server is listening on {host}:{port}')
    while True:
        data, addr = server.recvfrom(65535)
        print(f'Received {data!r} from {addr}')
        server.sendto(data, addr)
