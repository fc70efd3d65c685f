# SPDX-License-Identifier: Apache-2.0
"""Select client: connects to several servers and reads from whichever is ready (select.select)."""
import argparse
import select
import socket

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument('--host', default='127.0.0.1')
parser.add_argument('--ports', default='65432,65433,65434', help='the servers, comma-separated')
args = parser.parse_args()

names = {}
received = {}
for i, port in enumerate(args.ports.split(',')):
    sock = socket.create_connection((args.host, int(port)), timeout=10)
    sock.sendall(f'message {i}'.encode())
    sock.shutdown(socket.SHUT_WR)
    names[sock] = f'server {i}'
    received[sock] = b''

waiting = list(names)
while waiting:
    readable, writable, exceptional = select.select(waiting, [], [], 10)
    if not readable:
        raise TimeoutError('no server answered in 10 s')
    for sock in readable:
        data = sock.recv(1024)
        if data:
            received[sock] += data
        else:
            print(f'{names[sock]} sent {received[sock]!r}')
            waiting.remove(sock)
            sock.close()
