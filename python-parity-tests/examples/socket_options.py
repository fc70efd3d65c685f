# SPDX-License-Identifier: Apache-2.0
"""Socket options: sets common options and the three timeouts, and prints what the kernel reports."""
import socket
import struct

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
    print(f'family {sock.family} {sock.family!r}')
    print(f'type {sock.type} {sock.type!r}')

    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    print('SO_REUSEADDR', sock.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    print('SO_KEEPALIVE', sock.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE))
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    print('TCP_NODELAY', sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 65536)
    print('SO_SNDBUF', sock.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF), '(Linux doubles it)')
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
    print('SO_RCVBUF', sock.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF), '(Linux doubles it)')

    # The three timeouts: Python's own (settimeout), and the kernel's SO_RCVTIMEO and SO_SNDTIMEO,
    # which take a struct timeval (seconds, microseconds).
    sock.settimeout(2.5)
    print('timeout', sock.gettimeout(), 'blocking', sock.getblocking())
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, struct.pack('ll', 3, 500000))
    print('SO_RCVTIMEO', struct.unpack('ll', sock.getsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, 16)))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, struct.pack('ll', 4, 0))
    print('SO_SNDTIMEO', struct.unpack('ll', sock.getsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, 16)))
