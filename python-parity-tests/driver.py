#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""CPython reference driver for the pysocket parity suite.

Usage: python3 python-parity-tests/driver.py [--out FILE] [case files or dirs...]

See README.md in this directory for the case format, the restricted step
grammar, the helpers, the markers and the normalisation rules.
"""
import sys

if sys.version_info < (3, 11):
    sys.stderr.write("pysocket parity driver: CPython >= 3.11 is required "
                     "(found %s)\n" % sys.version.split()[0])
    sys.exit(2)

import ast
import json
import os
import re
import select
import selectors
import socketserver
import ssl
import shutil
import signal
import socket
import tempfile
import threading
import time
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
CASE_TIMEOUT = 10.0
MARKERS = {"fd", "port", "any", "len", "py-only"}


# ---------------------------------------------------------------- parsing

class CaseFormatError(Exception):
    pass


_MARKER_TAIL = re.compile(r"((?:\s+#~[a-z-]+)+)\s*$")


def split_markers(line):
    """Return (text, [markers]) for a stripped line."""
    m = _MARKER_TAIL.search(" " + line)
    if not m:
        return line, []
    markers = re.findall(r"#~([a-z-]+)", m.group(1))
    text = (" " + line)[:m.start()].strip()
    return text, markers


def parse_case_file(path):
    cases = []
    cur = None
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.strip()
            if not line:
                continue
            if line.startswith("== "):
                text, markers = split_markers(line[3:].strip())
                bad = [m for m in markers if m != "py-only"]
                if bad or not text or " " in text:
                    raise CaseFormatError("%s:%d: bad case header" % (path, lineno))
                cur = {"id": text, "file": os.path.basename(path),
                       "py_only": "py-only" in markers, "steps": []}
                cases.append(cur)
                continue
            if line.startswith("#"):
                continue
            if cur is None:
                raise CaseFormatError("%s:%d: step outside a case" % (path, lineno))
            text, markers = split_markers(line)
            for m in markers:
                if m not in MARKERS or m == "py-only":
                    raise CaseFormatError("%s:%d: bad step marker #~%s" % (path, lineno, m))
            if len(markers) > 1:
                raise CaseFormatError("%s:%d: at most one marker per step" % (path, lineno))
            validate_step(text, "%s:%d" % (path, lineno))
            cur["steps"].append({"src": text, "marker": markers[0] if markers else None})
    return cases


def _is_int_literal(node):
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return True
    return (isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub)
            and isinstance(node.operand, ast.Constant) and type(node.operand.value) is int)


def validate_step(text, where):
    """Reject anything outside the restricted grammar documented in README.md."""
    try:
        mod = ast.parse(text, mode="exec")
    except SyntaxError as e:
        raise CaseFormatError("%s: syntax error: %s" % (where, e))
    if len(mod.body) != 1:
        raise CaseFormatError("%s: exactly one statement per line" % where)
    st = mod.body[0]
    if isinstance(st, ast.Expr):
        _check_expr(st.value, where)
    elif isinstance(st, ast.Assign):
        if len(st.targets) != 1:
            raise CaseFormatError("%s: chained assignment" % where)
        t = st.targets[0]
        if isinstance(t, ast.Name):
            pass
        elif isinstance(t, ast.Tuple) and all(isinstance(e, ast.Name) for e in t.elts) and len(t.elts) >= 2:
            pass
        else:
            raise CaseFormatError("%s: bad assignment target" % where)
        _check_expr(st.value, where)
    else:
        raise CaseFormatError("%s: statement type not allowed" % where)


def _check_expr(n, where):
    ok = True
    if isinstance(n, ast.Constant):
        ok = n.value is None or type(n.value) in (bool, int, float, str, bytes)
    elif isinstance(n, ast.Name):
        ok = True
    elif isinstance(n, ast.Attribute):
        _check_expr(n.value, where)
    elif isinstance(n, ast.Call):
        _check_expr(n.func, where)
        for a in n.args:
            if isinstance(a, ast.Starred):
                ok = False
            else:
                _check_expr(a, where)
        for k in n.keywords:
            if k.arg is None:
                ok = False
            else:
                _check_expr(k.value, where)
    elif isinstance(n, (ast.Tuple, ast.List)):
        for e in n.elts:
            _check_expr(e, where)
    elif isinstance(n, ast.Subscript):
        _check_expr(n.value, where)
        ok = _is_int_literal(n.slice)
    elif isinstance(n, ast.UnaryOp):
        ok = isinstance(n.op, ast.USub) and isinstance(n.operand, ast.Constant) \
            and type(n.operand.value) in (int, float)
    elif isinstance(n, ast.BinOp):
        ok = (isinstance(n.op, ast.Mult) and isinstance(n.left, ast.Constant)
              and type(n.left.value) in (bytes, str) and isinstance(n.right, ast.Constant)
              and type(n.right.value) is int)
    else:
        ok = False
    if not ok:
        raise CaseFormatError("%s: expression not allowed: %s" % (where, ast.dump(n)))


# ---------------------------------------------------------------- helpers

class Obj:
    """Helper: an object whose fileno() returns the given value."""

    def __init__(self, fd):
        self._fd = fd

    def fileno(self):
        return self._fd

    def __repr__(self):
        return "Obj(fd=%r)" % (self._fd,)


# interrupt_after(seconds): SIGURG, which neither CPython nor the JVM uses, with a no-op Python
# handler. signal.signal installs it without SA_RESTART (sa_flags = SA_ONSTACK), so a blocking
# syscall that the signal lands in fails with EINTR, and PEP 475 makes CPython retry it.
INTERRUPT_SIGNAL = signal.SIGURG
INTERRUPT_COUNT = 3
INTERRUPT_INTERVAL = 0.02


def _no_op_handler(signum, frame):
    pass


class Interrupter(threading.Thread):
    """Sends INTERRUPT_COUNT signals to one thread, the first after `delay` seconds."""

    def __init__(self, ident, delay):
        super().__init__(name="interrupter", daemon=True)
        self.ident_target = ident
        self.delay = delay
        self.cancelled = threading.Event()

    def run(self):
        start = time.monotonic()
        for i in range(INTERRUPT_COUNT):
            due = start + self.delay + i * INTERRUPT_INTERVAL
            if self.cancelled.wait(max(0.0, due - time.monotonic())):
                return
            signal.pthread_kill(self.ident_target, INTERRUPT_SIGNAL)

    def close(self):
        """Cancel the signals not sent yet and wait for the thread."""
        self.cancelled.set()
        self.join()


def make_helpers(tmpdir, interrupters):
    def tmp_path(name):
        return tmpdir + "/" + name

    def sleep(seconds):
        time.sleep(min(float(seconds), 0.2))
        return None

    def interrupt_after(seconds):
        delay = max(0.0, float(seconds))
        if signal.getsignal(INTERRUPT_SIGNAL) is not _no_op_handler:
            signal.signal(INTERRUPT_SIGNAL, _no_op_handler)
        t = Interrupter(threading.get_ident(), delay)
        interrupters.append(t)
        t.start()
        return None

    return {"tmp_path": tmp_path, "Obj": Obj, "sleep": sleep,
            "interrupt_after": interrupt_after, "len": len, "bytearray": bytearray,
            "list": list}


# ---------------------------------------------------------------- tracking

_tracked = []
_orig_init = socket.socket.__init__


def _tracking_init(self, *a, **kw):
    _orig_init(self, *a, **kw)
    _tracked.append(self)


socket.socket.__init__ = _tracking_init


def _open_fds():
    try:
        return set(int(x) for x in os.listdir("/proc/self/fd"))
    except OSError:
        return set()


class Hung(BaseException):
    pass


def _on_alarm(signum, frame):
    raise Hung()


# ---------------------------------------------------------------- normalisation

def _port_range():
    try:
        with open("/proc/sys/net/ipv4/ip_local_port_range") as f:
            lo, hi = f.read().split()
            return int(lo), int(hi)
    except (OSError, ValueError):
        return 32768, 60999


PORT_LO, PORT_HI = _port_range()

_RE_ADDR_PORT = re.compile(r"\('(?:[^'\\]|\\.)*', (\d+)(?=[,)])")
_RE_FD_EQ = re.compile(r"\b(fd|name)=(\d+)")
_RE_FD_PAREN = re.compile(r"(?:\b(\d+) )?\(FD (\d+)\)")
_RE_FD_FILEOBJ = re.compile(r"fileobj=(\d+)")
_RE_FD_NOTREG = re.compile(r"'(\d+) is not registered'")
_RE_ABSTRACT = re.compile(r"b'\\x00([0-9a-f]{5})'")
_RE_OBJADDR = re.compile(r" at 0x[0-9a-fA-F]+>")


class Normaliser:
    def __init__(self, tmpdir):
        self.tmpdir = tmpdir
        self.ports = {}
        self.fds = {}
        self.abstract = {}

    def port(self, n):
        if n not in self.ports:
            self.ports[n] = "PORT%d" % (len(self.ports) + 1)
        return self.ports[n]

    def fd(self, n):
        if n < 0:
            return str(n)
        if n not in self.fds:
            self.fds[n] = "FD%d" % (len(self.fds) + 1)
        return self.fds[n]

    def fd_struct(self, v):
        """Rule M-fd: structural fd tokenisation of a #~fd result."""
        if type(v) is int:
            return self.fd(v)
        if isinstance(v, list):
            return "[" + ", ".join(self.fd_struct(x) for x in v) + "]"
        if isinstance(v, tuple):
            if len(v) == 2 and type(v[0]) is int and type(v[1]) is int:
                return "(%s, %r)" % (self.fd(v[0]), v[1])
            parts = [self.fd_struct(x) for x in v]
            if len(parts) == 1:
                return "(" + parts[0] + ",)"
            return "(" + ", ".join(parts) + ")"
        return repr(v)

    def text(self, s):
        """Rules N1..N5 applied to a result string, in this order."""
        # N1: temp dir prefix
        s = s.replace(self.tmpdir, "TMP")
        # N2: ephemeral ports in address tuples
        def rport(m):
            n = int(m.group(1))
            if PORT_LO <= n <= PORT_HI:
                return m.group(0)[:m.start(1) - m.start(0)] + self.port(n)
            return m.group(0)
        s = _RE_ADDR_PORT.sub(rport, s)
        # N3: fd=N
        s = _RE_FD_EQ.sub(lambda m: m.group(1) + "=" + self.fd(int(m.group(2))), s)
        # N4: "N (FD N)", "(FD N)", "fileobj=N", "'N is not registered'"
        def rparen(m):
            pre = self.fd(int(m.group(1))) + " " if m.group(1) else ""
            return pre + "(FD " + self.fd(int(m.group(2))) + ")"
        s = _RE_FD_PAREN.sub(rparen, s)
        s = _RE_FD_FILEOBJ.sub(lambda m: "fileobj=" + self.fd(int(m.group(1))), s)
        s = _RE_FD_NOTREG.sub(lambda m: "'" + self.fd(int(m.group(1))) + " is not registered'", s)
        # N5: autobind abstract names
        def rabs(m):
            k = m.group(1)
            if k not in self.abstract:
                self.abstract[k] = "ABSTRACT%d" % (len(self.abstract) + 1)
            return self.abstract[k]
        s = _RE_ABSTRACT.sub(rabs, s)
        # N6: object addresses in default reprs
        s = _RE_OBJADDR.sub(" at ADDR>", s)
        return s

    def value(self, v, marker):
        if marker == "any":
            return type(v).__name__
        if marker == "len":
            return repr(len(v))
        if marker == "port":
            if type(v) is int and PORT_LO <= v <= PORT_HI:
                return self.port(v)
            return self.text(repr(v))
        if marker == "fd":
            return self.text(self.fd_struct(v))
        return self.text(repr(v))

    def exc(self, e):
        errno = e.errno if isinstance(e, OSError) else None
        return self.text("%s: errno=%s: %s" % (type(e).__name__, errno, e))


# ---------------------------------------------------------------- running

def _close_quietly(obj):
    try:
        obj.close()
    except BaseException:
        pass


def run_case(case):
    tmpdir = tempfile.mkdtemp(prefix="pyp")
    norm = Normaliser(tmpdir)
    fds_before = _open_fds()
    ns = {"__builtins__": {}, "socket": socket, "select": select, "selectors": selectors, "ssl": ssl,
          "socketserver": socketserver}
    interrupters = []
    ns.update(make_helpers(tmpdir, interrupters))
    helper_names = set(ns)
    del _tracked[:]
    out = {"id": case["id"], "file": case["file"], "py_only": case["py_only"], "steps": []}
    socket.setdefaulttimeout(None)
    signal.signal(signal.SIGALRM, _on_alarm)
    hung = False
    try:
        signal.setitimer(signal.ITIMER_REAL, CASE_TIMEOUT)
        for step in case["steps"]:
            src = step["src"]
            try:
                tree = ast.parse(src, mode="exec").body[0]
                if isinstance(tree, ast.Expr):
                    v = eval(compile(ast.Expression(tree.value), "<step>", "eval"), ns)
                else:
                    v = eval(compile(ast.Expression(tree.value), "<step>", "eval"), ns)
                    t = tree.targets[0]
                    if isinstance(t, ast.Name):
                        ns[t.id] = v
                    else:
                        names = [e.id for e in t.elts]
                        vals = tuple(v)
                        if len(vals) != len(names):
                            raise ValueError("unpack: expected %d values, got %d"
                                             % (len(names), len(vals)))
                        for nm, x in zip(names, vals):
                            ns[nm] = x
                res = norm.value(v, step["marker"])
            except Hung:
                out["steps"].append({"src": src, "result": "HUNG"})
                hung = True
                break
            except Exception as e:
                res = norm.exc(e)
            out["steps"].append({"src": src, "result": res})
    except Hung:
        hung = True
        out["steps"].append({"src": "", "result": "HUNG"})
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        # no signal of this case may reach the next one
        for t in interrupters:
            t.close()
        # cleanup: everything in the namespace with .close, then every socket
        # object the case created, then any fd leaked as a raw int.
        for k, v in list(ns.items()):
            if k in helper_names:
                continue
            if isinstance(v, (list, tuple)):
                for x in v:
                    if hasattr(x, "close") and not isinstance(x, type):
                        _close_quietly(x)
            elif hasattr(v, "close") and not isinstance(v, type) and not isinstance(v, type(socket)):
                _close_quietly(v)
        for s in _tracked:
            _close_quietly(s)
        del _tracked[:]
        ns.clear()
        for fd in sorted(_open_fds() - fds_before):
            try:
                os.close(fd)
            except OSError:
                pass
        socket.setdefaulttimeout(None)
        shutil.rmtree(tmpdir, ignore_errors=True)
    out["hung"] = hung
    return out


def collect(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            files += sorted(os.path.join(p, f) for f in os.listdir(p) if f.endswith(".case"))
        else:
            files.append(p)
    cases = []
    seen = set()
    for f in files:
        for c in parse_case_file(f):
            if c["id"] in seen:
                raise CaseFormatError("duplicate case id %s" % c["id"])
            seen.add(c["id"])
            cases.append(c)
    return cases


def main(argv):
    out_path = None
    paths = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--out":
            if i + 1 >= len(argv):
                sys.stderr.write("--out needs a file name\n")
                return 2
            out_path = argv[i + 1]
            i += 2
            continue
        if a in ("-h", "--help"):
            print(__doc__)
            return 0
        paths.append(a)
        i += 1
    if not paths:
        paths = [os.path.join(HERE, "cases")]
    warnings.simplefilter("ignore")
    try:
        cases = collect(paths)
    except CaseFormatError as e:
        sys.stderr.write("case format error: %s\n" % e)
        return 2
    t0 = time.monotonic()
    results = [run_case(c) for c in cases]
    doc = {"python": sys.version, "cases": results}
    text = json.dumps(doc, indent=1, ensure_ascii=True) + "\n"
    if out_path:
        with open(out_path, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    nsteps = sum(len(c["steps"]) for c in results)
    hung = sum(1 for c in results if c["hung"])
    sys.stderr.write("hung cases: %d, elapsed %.1f s\n" % (hung, time.monotonic() - t0))
    sys.stderr.write("python side: %d cases, %d steps\n" % (len(results), nsteps))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
