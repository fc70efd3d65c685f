# SPDX-License-Identifier: Apache-2.0
"""IPv6 echo server: the echo server on an AF_INET6 socket made by create_server."""
import argparse
import socket

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument('--host', default='::1')
parser.add_argument('--port', type=int, default=65432)
args = parser.parse_args()

with socket.create_server((args.host, args.port), family=socket.AF_INET6) as server:
    host, port, flowinfo, scope_id = server.getsockname()
    print(f'Server is listening on {host}:{port}')
    conn, addr = server.accept()
    with conn:
        print(f'Connected by {addr}')
        echoed = b''
        while data := conn.recv(1024):
            conn.sendall(data)
            echoed += data
        print(f'Echoed {echoed!r}')
