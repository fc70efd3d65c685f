# SPDX-License-Identifier: Apache-2.0
"""./pysocket bench: every contender of every workload in one run (docs/performance.md).

pysocket and java.nio run as JMH benchmarks in the same JVM with the same flags
(dev.pysocket.bench.Contest, JMH's gc profiler on each); C (bench/c/sockbench.c, with a second
idle thread and single-threaded) and CPython (bench/python/sockbench.py) as processes of their
own. Each rep runs every unit once, in an order shuffled per rep; the table shows the median
over the reps with min-max, then one line per workload:

    bench WORKLOAD pysocket/c=R pysocket/nio=R pysocket/cpython=R [pysocket/c1=R] [timeout/blocking=R]

R is pysocket's time divided by the other's (below 1: pysocket is faster); c is C with the idle
thread, c1 single-threaded C. A contender without the operation is left out.

    python3 bench/compare.py --java-cp CP --c-binary PATH [--quick] [--reps R] [--seed S]
"""
import argparse
import os
import random
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PY_SCRIPT = os.path.join(HERE, 'python', 'sockbench.py')
CHUNK = 64 * 1024
PIN = ['taskset', '-c', '0']
BUFFERS = {'bytes': ('pysocketBytes', 'nioHeap'), 'direct': ('pysocketDirect', 'nioDirect'),
           'segment': ('pysocketSegment', 'nioDirect')}
# select(2) takes descriptors below FD_SETSIZE (1024) only, and a JVM already holds ~40 of its
# own, so select's largest N is 900; poll, epoll and the selectors take 1000.
READINESS = {'select': (10, 100, 900), 'poll': (10, 100, 1000), 'epoll': (10, 100, 1000),
             'selector': (10, 100, 1000)}
PY_READINESS = {'select': 'pysocketSelect', 'poll': 'pysocketPoll', 'epoll': 'pysocketEpoll',
                'selector': 'pysocketSelector'}
C_READINESS = {'select': 'select', 'poll': 'poll', 'epoll': 'epoll', 'selector': 'epoll'}
# Targets of issue 13: the largest pysocket/other ratio allowed, per workload prefix.
TARGETS = [('percall', 'c', 1.05), ('pingpong', 'c', 1.05), ('bulk', 'c', 1.03), ('poll-', 'c', 1.05),
           ('select-', 'c', 1.10), ('epoll-', 'c', 1.15), ('', 'nio', 1.0), ('pingpong', 'blocking', 1.05)]


def units(quick, total_bulk):
    """Every process of one rep: (kind, pinned, payload); results come back keyed by (workload, contender)."""
    java, java_pinned, out = [], [], []
    java += [('PerCallBenchmark.pysocket', ('percall', 'pysocket')), ('PerCallBenchmark.nio', ('percall', 'nio')),
             ('ConnectBenchmark.pysocket', ('connect', 'pysocket')), ('ConnectBenchmark.nio', ('connect', 'nio'))]
    for threads, name in (('--idle-thread', 'c'), (None, 'c1')):
        for w in ('percall', 'connect'):
            out.append(('c', False, ([threads, w], (w, name))))
    for w in ('percall', 'connect'):
        out.append(('py', False, ([None, w], (w, 'cpython'))))
    for transport in ('tcp', 'unix'):
        for pinned in (True, False):
            pin = 'pinned' if pinned else 'unpinned'
            target = java_pinned if pinned else java
            base = f'pingpong-{transport}-{pin}'
            for mode, timeout in (('blocking', 'none'), ('timeout', '5.0')):
                for buf, (py_method, _) in BUFFERS.items():
                    target.append((f'PingPongBenchmark.{py_method}:transport={transport},timeout={timeout}',
                                   (f'{base}-{mode}-{buf}', 'pysocket')))
                out.append(('py', pinned, ([('--timeout' if mode == 'timeout' else None), 'pingpong', transport],
                                           (f'{base}-{mode}', 'cpython'))))
            for nio in ('nioHeap', 'nioDirect'):
                target.append((f'PingPongBenchmark.{nio}:transport={transport}', (f'{base}-{nio}', 'nio')))
            for threads, name in (('--idle-thread', 'c'), (None, 'c1')):
                out.append(('c', pinned, ([threads, 'pingpong', transport], (base, name))))
    batch = total_bulk // CHUNK
    for method, buf in (('pysocketBytes', 'bytes'), ('pysocketDirect', 'direct'), ('pysocketSegment', 'segment'),
                        ('nioHeap', 'nio-bytes'), ('nioDirect', 'nio-direct')):
        java.append((f'BulkBenchmark.{method}:transport=tcp,size={CHUNK},batch={batch}',
                     (f'bulk-{buf}', 'nio' if method.startswith('nio') else 'pysocket')))
    out.append(('c', False, ([None, 'bulk', str(total_bulk)], ('bulk', 'c'))))
    out.append(('py', False, ([None, 'bulk', str(total_bulk)], ('bulk', 'cpython'))))
    for kind, ns in READINESS.items():
        for n in ns:
            java.append((f'SelectBenchmark.{PY_READINESS[kind]}:n={n}', (f'{kind}-{n}', 'pysocket')))
            out.append(('py', False, ([None, kind, str(n)], (f'{kind}-{n}', 'cpython'))))
    for n in (10, 100, 1000):
        java.append((f'SelectBenchmark.nioSelectNow:n={n}', (f'selectNow-{n}', 'nio')))
    for kind in ('select', 'poll', 'epoll'):
        for n in READINESS[kind]:
            for threads, name in (('--idle-thread', 'c'), (None, 'c1')):
                out.append(('c', False, ([threads, kind, str(n)], (f'c{kind}-{n}', name))))
    out += [('java', False, java), ('java', True, java_pinned)]
    out += [('first', False, 'pysocket'), ('first', False, 'nio'), ('first', False, 'cpython')]
    return out


def run_unit(unit, args, seed, timing):
    kind, pinned, payload = unit
    pin = PIN if pinned else []
    ms = str(timing['ms'])
    if kind == 'c':
        argv, key = payload
        return {key: (float(check(pin + [args.c_binary] + [a for a in argv[:1] if a] + ['--ms', ms] + argv[1:])), None)}
    if kind == 'py':
        argv, key = payload
        flags = [a for a in argv[:1] if a]
        return {key: (float(check(pin + [sys.executable, PY_SCRIPT, '--ms', ms] + argv[1:] + flags)), None)}
    if kind == 'first':
        if payload == 'cpython':
            out = check([sys.executable, PY_SCRIPT, 'firstcall'])
        else:
            out = check(java(args) + ['dev.pysocket.bench.FirstCall', payload])
        socket_ms, roundtrip_ms = map(float, out.split())
        return {('first-socket', payload): (socket_ms * 1e6, None), ('first-roundtrip', payload): (roundtrip_ms * 1e6, None)}
    specs = dict(payload)
    out = check(pin + java(args) + ['dev.pysocket.bench.Contest', str(seed)] + timing['jmh'] + list(specs))
    results = {}
    for line in out.splitlines():
        if line.startswith('RESULT '):
            _, spec, ns, alloc = line.split()
            results[specs[spec]] = (float(ns), float(alloc))
    missing = set(specs) - {s for s in specs if specs[s] in results}
    if missing:
        sys.exit(f'bench: no result for {sorted(missing)}')
    return results


def java(args):
    return ['java', '--enable-native-access=ALL-UNNAMED', '-cp', args.java_cp]


def check(argv):
    p = subprocess.run(argv, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f'bench: {" ".join(argv[:8])}... failed ({p.returncode}):\n{p.stdout[-3000:]}{p.stderr[-3000:]}')
    return p.stdout.strip()


def fmt(values):
    med = statistics.median(values)
    return f'{num(med)} [{num(min(values))}–{num(max(values))}]'


def num(x):
    return f'{x:.0f}' if x >= 100 else f'{x:.1f}'


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--java-cp', required=True)
    ap.add_argument('--c-binary', required=True)
    ap.add_argument('--quick', action='store_true', help='short iterations, 256 MiB bulk, 3 reps (under 5 minutes)')
    ap.add_argument('--reps', type=int)
    ap.add_argument('--seed', type=int, default=13)
    args = ap.parse_args()
    if args.quick:
        timing = {'ms': 150, 'jmh': ['1', '150', '2', '150'], 'bulk': 256 << 20, 'reps': 3}
    else:
        timing = {'ms': 500, 'jmh': ['2', '300', '3', '500'], 'bulk': 2 << 30, 'reps': 3}
    reps = args.reps or timing['reps']
    rng = random.Random(args.seed)
    results = {}  # (workload, contender) -> [ns per rep], plus allocation
    alloc = {}
    for rep in range(reps):
        todo = units(args.quick, timing['bulk'])
        rng.shuffle(todo)
        for i, unit in enumerate(todo):
            print(f'\rrep {rep + 1}/{reps}: {i + 1}/{len(todo)}', end='', file=sys.stderr, flush=True)
            for key, (ns, b) in run_unit(unit, args, rng.randrange(1 << 30), timing).items():
                results.setdefault(key, []).append(ns)
                if b is not None:
                    alloc.setdefault(key, []).append(b)
    print(file=sys.stderr)
    report(results, alloc, reps, timing)


def report(results, alloc, reps, timing):
    print(f'# {reps} reps; median [min–max] in ns per operation (first-*: ms from main() or the script start; '
          f'bulk: per 64 KiB of {timing["bulk"] >> 20} MiB); B/op: JMH gc.alloc.rate.norm, median')
    print(f'{"benchmark":<44} {"contender":<9} {"ns/op [min–max]":>28} {"B/op":>8}')
    for key in sorted(results):
        b = f'{statistics.median(alloc[key]):.1f}' if key in alloc else ''
        scale = 1e6 if key[0].startswith('first') else 1  # first calls in ms
        print(f'{key[0]:<44} {key[1]:<9} {fmt([v / scale for v in results[key]]):>28} {b:>8}')
    med = {k: statistics.median(v) for k, v in results.items()}
    lines = []

    def line(workload, py, others, extra=()):
        parts = [f'pysocket/{name}={med[py] / med[o]:.2f}' for name, o in others if o in med] + list(extra)
        lines.append((workload, parts))
        print(f'bench {workload} ' + ' '.join(parts))

    print()
    for w in ('percall', 'connect'):
        line(w, (w, 'pysocket'), [('c', (w, 'c')), ('nio', (w, 'nio')), ('cpython', (w, 'cpython')), ('c1', (w, 'c1'))])
    for transport in ('tcp', 'unix'):
        for pin in ('pinned', 'unpinned'):
            base = f'pingpong-{transport}-{pin}'
            for mode in ('blocking', 'timeout'):
                for buf, (_, nio) in BUFFERS.items():
                    w = f'{base}-{mode}-{buf}'
                    extra = []
                    if mode == 'timeout':
                        r = med[(w, 'pysocket')] / med[(f'{base}-blocking-{buf}', 'pysocket')]
                        extra.append(f'timeout/blocking={r:.2f}')
                    line(w, (w, 'pysocket'), [('c', (base, 'c')), ('nio', (f'{base}-{nio}', 'nio')),
                                              ('cpython', (f'{base}-{mode}', 'cpython')), ('c1', (base, 'c1'))], extra)
    for buf, nio in (('bytes', 'nio-bytes'), ('direct', 'nio-direct'), ('segment', 'nio-direct')):
        w = f'bulk-{buf}'
        line(w, (w, 'pysocket'), [('c', ('bulk', 'c')), ('nio', (f'bulk-{nio}', 'nio')), ('cpython', ('bulk', 'cpython'))])
    for kind, ns in READINESS.items():
        for n in ns:
            w = f'{kind}-{n}'
            others = [('c', (f'c{C_READINESS[kind]}-{n}', 'c'))]
            if kind in ('epoll', 'selector'):
                others.append(('nio', (f'selectNow-{n}', 'nio')))
            others += [('cpython', (w, 'cpython')), ('c1', (f'c{C_READINESS[kind]}-{n}', 'c1'))]
            line(w, (w, 'pysocket'), others)
    for w in ('first-socket', 'first-roundtrip'):
        line(w, (w, 'pysocket'), [('nio', (w, 'nio')), ('cpython', (w, 'cpython'))])
    print()
    missed = 0
    for workload, parts in lines:
        for part in parts:
            name, r = part.split('=')
            other = name.split('/')[1]
            for prefix, who, limit in TARGETS:
                if workload.startswith(prefix) and other == who:
                    if float(r) > limit:
                        missed += 1
                        print(f'target missed: {workload} {name}={r} > {limit}')
    for key, values in sorted(alloc.items()):
        if key[1] == 'pysocket' and key[0].startswith(('pingpong', 'bulk')) and statistics.median(values) > 1.0:
            missed += 1
            print(f'target missed: {key[0]} allocates {statistics.median(values):.1f} B/op > 0')
    print(f'targets: {missed} missed')


if __name__ == '__main__':
    main()
