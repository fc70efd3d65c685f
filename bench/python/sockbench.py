# SPDX-License-Identifier: Apache-2.0
"""The CPython contender of ./pysocket bench (bench/compare.py): the workloads of
bench/c/sockbench.c and the JMH benchmarks, written as a Python program would.

    python3 sockbench.py [--ms T] WORKLOAD [ARG] [--timeout]
      percall | pingpong tcp|unix | bulk BYTES | select|poll|epoll|selector N | connect
      firstcall (prints: ms from the script's start to the first socket(), and to a first
      loopback round trip)

Prints nanoseconds per operation (bulk: per 64 KiB chunk) after a warm-up of a quarter of the
measured time. --timeout: settimeout(5.0) on the ping-pong sockets.
"""
import time

START = time.perf_counter_ns()

import socket  # noqa: E402  (measured by firstcall: the import is part of a first call)
import sys  # noqa: E402

CHUNK = 64 * 1024


def tcp_pair():
    with socket.socket() as l:
        l.bind(('127.0.0.1', 0))
        l.listen(1)
        c = socket.create_connection(l.getsockname())
        s, _ = l.accept()
    for x in (c, s):
        x.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return c, s


def pair(transport):
    return socket.socketpair() if transport == 'unix' else tcp_pair()


def first_call():
    s = socket.socket()
    t1 = time.perf_counter_ns()
    l = socket.socket()
    l.bind(('127.0.0.1', 0))
    l.listen(1)
    s.connect(l.getsockname())
    c, _ = l.accept()
    s.sendall(b'x')
    c.recv(1)
    t2 = time.perf_counter_ns()
    print(f'{(t1 - START) / 1e6:.2f} {(t2 - START) / 1e6:.2f}')


def workload(name, arg, timeout):
    """The operation to time, as a function, and how many times to run it (None: for a time)."""
    if name == 'percall':
        a, _ = tcp_pair()
        return lambda: a.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF), None
    if name == 'pingpong':
        a, b = pair(arg)
        if timeout:
            a.settimeout(5.0)
            b.settimeout(5.0)
        out, buf = bytes(64), bytearray(64)
        view = memoryview(buf)

        def pingpong():
            a.sendall(out)
            n = b.recv_into(buf)
            while n < 64:
                n += b.recv_into(view[n:])
        return pingpong, None
    if name == 'bulk':
        import threading
        a, b = tcp_pair()

        def drain():
            sink = bytearray(CHUNK)
            while b.recv_into(sink):
                pass
        threading.Thread(target=drain, daemon=True).start()
        data = bytes(CHUNK)
        return lambda: a.sendall(data), int(arg) // CHUNK
    if name in ('select', 'poll', 'epoll', 'selector'):
        import select
        import selectors
        n = int(arg)
        socks = []
        for _ in range(n // 2):  # both ends of n/2 pairs are watched
            socks.extend(socket.socketpair())
        socks[-1].send(b'x')  # its peer, socks[-2], is the one ready
        if name == 'select':
            def select_():
                for s in select.select(socks, [], [], 0)[0]:
                    pass
            return select_, None
        p = {'poll': select.poll, 'epoll': select.epoll, 'selector': selectors.DefaultSelector}[name]()
        for s in socks:
            if name == 'selector':
                p.register(s, selectors.EVENT_READ)
            else:
                p.register(s, select.POLLIN)
        if name == 'epoll':
            return lambda: [e for e in p.poll(0)], None
        if name == 'selector':
            return lambda: [e for e in p.select(0)], None
        return lambda: [e for e in p.poll(0)], None
    if name == 'connect':
        import struct
        l = socket.socket()
        l.bind(('127.0.0.1', 0))
        l.listen(128)
        addr = l.getsockname()
        linger = struct.pack('ii', 1, 0)

        def connect():
            c = socket.socket()
            c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
            c.connect(addr)
            s, _ = l.accept()
            c.close()
            s.close()
        return connect, None
    raise SystemExit(f'unknown workload {name}')


def run(op, ms, count):
    """ns per op over about ms milliseconds (or exactly count ops)."""
    t0 = time.perf_counter_ns()
    done = 0
    end = t0 + ms * 1e6
    while True:
        batch = count or 64
        for _ in range(batch):
            op()
        done += batch
        t = time.perf_counter_ns()
        if count or t >= end:
            return (t - t0) / done


def main(argv):
    ms = 1000.0
    if argv[:1] == ['--ms']:
        ms = float(argv[1])
        argv = argv[2:]
    timeout = '--timeout' in argv
    argv = [a for a in argv if a != '--timeout']
    if argv[0] == 'firstcall':
        first_call()
        return
    op, count = workload(argv[0], argv[1] if len(argv) > 1 else '', timeout)
    if count:
        run(op, 0, max(count // 8, 1))
        print(f'{run(op, 0, count):.1f}')
    else:
        run(op, ms / 4, None)
        print(f'{run(op, ms, None):.1f}')


if __name__ == '__main__':
    main(sys.argv[1:])
