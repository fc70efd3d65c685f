# SPDX-License-Identifier: Apache-2.0
"""Echo server: accepts one client and sends back everything it receives."""
import argparse
import socket

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument('--host', default='127.0.0.1')
parser.add_argument('--port', type=int, default=65432)
args = parser.parse_args()

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((args.host, args.port))
    server.listen()
    host, port = server.getsockname()
    print(f'Server is listening on {host}:{port}')
    conn, addr = server.accept()
    with conn:
        print(f'Connected by {addr}')
        echoed = b''
        while True:
            data = conn.recv(1024)
            if not data:
                break
            conn.sendall(data)
            echoed += data
        print(f'Echoed {echoed!r}')
