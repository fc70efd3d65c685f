# SPDX-License-Identifier: Apache-2.0
"""Echo client: sends a message, then prints everything the server sends back."""
import argparse
import socket

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument('--host', default='127.0.0.1')
parser.add_argument('--port', type=int, default=65432)
parser.add_argument('--message', default='Hello, world')
args = parser.parse_args()

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
    sock.connect((args.host, args.port))
    sock.sendall(args.message.encode())
    sock.shutdown(socket.SHUT_WR)
    received = b''
    while True:
        data = sock.recv(1024)
        if not data:
            break
        received += data
    print(f'Received {received!r}')
