# SPDX-License-Identifier: Apache-2.0
"""Port scanner: a TCP connect scan (connect_ex, 0.5 s per attempt) that prints each open port."""
import argparse
import socket

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument('--host', default='127.0.0.1', help='the first address to scan')
parser.add_argument('--hosts', type=int, default=1, help='how many consecutive addresses')
parser.add_argument('--ports', default='1-1024', help='ports and ranges, e.g. 22,80,8000-8100')
args = parser.parse_args()


def parse_ports(spec):
    ports = []
    for part in spec.split(','):
        first, _, last = part.partition('-')
        ports.extend(range(int(first), int(last or first) + 1))
    return ports


first = int.from_bytes(socket.inet_aton(args.host), 'big')
for i in range(args.hosts):
    host = socket.inet_ntoa((first + i).to_bytes(4, 'big'))
    for port in parse_ports(args.ports):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.settimeout(0.5)
            if sock.connect_ex((host, port)) == 0:
                print(f'{host}:{port} is open')
