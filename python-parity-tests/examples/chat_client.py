# SPDX-License-Identifier: Apache-2.0
"""Chat client: sends each line typed on stdin and prints each line the other clients send."""
import argparse
import socket
import sys
import threading

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument('--host', default='127.0.0.1')
parser.add_argument('--port', type=int, default=65432)
args = parser.parse_args()


def receive(sock):
    with sock.makefile('r') as lines:
        for line in lines:
            print(line, end='')


with socket.create_connection((args.host, args.port)) as sock:
    receiver = threading.Thread(target=receive, args=(sock,))
    receiver.start()
    for line in sys.stdin:
        sock.sendall(line.encode())
    sock.shutdown(socket.SHUT_WR)  # the server sees end of file, closes us, and receive() ends
    receiver.join()
