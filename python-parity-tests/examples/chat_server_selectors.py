# SPDX-License-Identifier: Apache-2.0
"""Chat server on one thread: a selector says which client has a message to broadcast."""
import argparse
import selectors
import socket

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument('--host', default='127.0.0.1')
parser.add_argument('--port', type=int, default=65432)
args = parser.parse_args()

def broadcast(sel, message, sender):
    for key in sel.get_map().values():
        if key.data is not None and key.fileobj is not sender:
            try:
                key.fileobj.sendall(message)
            except OSError:
                pass  # a client that went away: its end of file removes it


with selectors.DefaultSelector() as sel, socket.create_server((args.host, args.port)) as server:
    host, port = server.getsockname()
    print(f'Server is listening on {host}:{port}')
    sel.register(server, selectors.EVENT_READ, data=None)
    while True:
        for key, mask in sel.select():
            if key.data is None:
                conn, addr = server.accept()
                sel.register(conn, selectors.EVENT_READ, data=addr)
                print(f'Connected by {addr}')
                continue
            conn = key.fileobj
            try:
                data = conn.recv(1024)
            except ConnectionError:
                data = b''
            if data:
                broadcast(sel, data, conn)
            else:
                sel.unregister(conn)
                conn.close()
                print(f'Disconnected {key.data} ({len(sel.get_map()) - 1} left)')
