# SPDX-License-Identifier: Apache-2.0
"""Non-blocking client: connect_ex without waiting, then send and receive around EWOULDBLOCK."""
import argparse
import os
import select
import socket

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument('--host', default='127.0.0.1')
parser.add_argument('--port', type=int, default=65432)
parser.add_argument('--message', default='Hello, non-blocking world')
args = parser.parse_args()

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
    sock.setblocking(False)
    err = sock.connect_ex((args.host, args.port))
    if err not in (0, socket.errno.EINPROGRESS):
        raise OSError(err, os.strerror(err))
    select.select([], [sock], [], 10)  # writable once the handshake is done
    err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    if err:
        raise OSError(err, os.strerror(err))
    print(f'Connected to {sock.getpeername()}')

    message = args.message.encode()
    while message:
        try:
            sent = sock.send(message)
        except BlockingIOError:
            select.select([], [sock], [], 10)
            continue
        message = message[sent:]
    sock.shutdown(socket.SHUT_WR)

    received = b''
    while True:
        try:
            data = sock.recv(1024)
        except socket.error as e:
            if e.errno != socket.errno.EWOULDBLOCK:
                raise
            select.select([sock], [], [], 10)  # nothing yet: wait until readable
            continue
        if not data:
            break
        received += data
    print(f'Received {received!r}')
