# SPDX-License-Identifier: Apache-2.0
"""Web server: answers every request with an HTML "Hello, World!" page over HTTP/1.1."""
import argparse
import socket

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument('--host', default='127.0.0.1')
parser.add_argument('--port', type=int, default=8080)
args = parser.parse_args()

BODY = b'<!DOCTYPE html>\n<html><body><h1>Hello, World!</h1></body></html>\n'


def read_request(conn):
    request = b''
    while b'\r\n\r\n' not in request and len(request) < 65536:
        data = conn.recv(4096)
        if not data:
            break
        request += data
    return request


with socket.create_server((args.host, args.port)) as server:
    host, port = server.getsockname()
    print(f'Server is listening on {host}:{port}')
    while True:
        conn, addr = server.accept()
        with conn:
            conn.settimeout(10)
            try:
                request = read_request(conn)
            except TimeoutError:
                continue
            request_line = request.split(b'\r\n', 1)[0].decode('latin-1')
            print(f'{addr[0]} "{request_line}"')
            head = ('HTTP/1.1 200 OK\r\n'
                    'Content-Type: text/html; charset=utf-8\r\n'
                    f'Content-Length: {len(BODY)}\r\n'
                    'Connection: close\r\n'
                    '\r\n')
            conn.sendall(head.encode('ascii') + BODY)
