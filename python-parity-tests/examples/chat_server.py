# SPDX-License-Identifier: Apache-2.0
"""Chat server: a thread per client; each message goes to every other connected client."""
import argparse
import socket
import threading

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument('--host', default='127.0.0.1')
parser.add_argument('--port', type=int, default=65432)
args = parser.parse_args()

clients = []
clients_lock = threading.Lock()  # the list is shared by every client's thread


def broadcast(message, sender):
    with clients_lock:
        for client in clients:
            if client is not sender:
                try:
                    client.sendall(message)
                except OSError:
                    pass  # a client that went away: its own thread removes it


def handle(conn, addr):
    with conn:
        while True:
            try:
                data = conn.recv(1024)
            except ConnectionError:
                data = b''
            if not data:
                break
            broadcast(data, conn)
        with clients_lock:
            clients.remove(conn)  # the tutorial forgets this: later broadcasts would hit a closed socket
            left = len(clients)
    print(f'Disconnected {addr} ({left} left)')


with socket.create_server((args.host, args.port)) as server:
    host, port = server.getsockname()
    print(f'Server is listening on {host}:{port}')
    while True:
        conn, addr = server.accept()
        with clients_lock:
            clients.append(conn)
        print(f'Connected by {addr}')
        threading.Thread(target=handle, args=(conn, addr), daemon=True).start()
