// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.parity;

import dev.pysocket.SocketType;
import dev.pysocket.parity.Ast.Case;
import dev.pysocket.parity.Ast.Step;
import dev.pysocket.parity.PyValues.NotExpressible;
import dev.pysocket.parity.PyValues.PyError;
import dev.pysocket.syscall.Interrupter;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Runs cases one at a time as python-parity-tests/README.md section 1.3 says: a fresh namespace
 * and temporary directory, every step even after an exception, a 10 s guard per case (the steps
 * run on a worker thread; the caller waits), and clean-up of everything the case made.
 */
final class CaseRunner {
    static final long CASE_TIMEOUT_MILLIS = 10_000;
    static final String PY_ONLY_RESULT = "NOT-EXPRESSIBLE: py-only case (not run on the Java side)";

    /** One step's outcome. */
    record StepResult(String src, String result, String java) {
    }

    /** One case's outcome, in the JSON shape of driver.py plus the Java lines. */
    record CaseResult(String id, String file, boolean pyOnly, List<StepResult> steps, boolean hung) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final long timeoutMillis;

    CaseRunner() {
        this(CASE_TIMEOUT_MILLIS);
    }

    CaseRunner(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    CaseResult run(Case c) {
        if (c.pyOnly()) {
            List<StepResult> steps = new ArrayList<>();
            for (Step s : c.steps()) {
                steps.add(new StepResult(s.src(), PY_ONLY_RESULT, JavaCode.render(s.stmt().expr()) + ";"));
            }
            return new CaseResult(c.id(), c.file(), true, steps, false);
        }
        Path tmp = makeTmpDir();
        String tmpdir = tmp.toString();
        Set<Integer> fdsBefore = openFds();
        Normaliser norm = new Normaliser(tmpdir);
        Evaluator ev = new Evaluator(tmpdir);
        List<StepResult> results = Collections.synchronizedList(new ArrayList<>());
        int[] current = {-1};
        dev.pysocket.socket.setdefaulttimeout(null);
        Thread worker = new Thread(() -> {
            for (int i = 0; i < c.steps().size(); i++) {
                synchronized (current) {
                    current[0] = i;
                }
                Step step = c.steps().get(i);
                String res = runStep(ev, norm, step);
                results.add(new StepResult(step.src(), res, ev.lastJava));
            }
            synchronized (current) {
                current[0] = -2;
            }
        }, "parity-" + c.id());
        worker.setDaemon(true);
        worker.start();
        boolean hung = false;
        try {
            worker.join(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            hung = true;
            int idx;
            synchronized (current) {
                idx = current[0];
                current[0] = -3;
            }
            List<StepResult> done;
            synchronized (results) {
                done = new ArrayList<>(results.subList(0, Math.min(results.size(), Math.max(idx, 0))));
            }
            String src = idx >= 0 && idx < c.steps().size() ? c.steps().get(idx).src() : "";
            String java = idx >= 0 && idx < c.steps().size()
                    ? JavaCode.render(c.steps().get(idx).stmt().expr()) + ";" : "";
            done.add(new StepResult(src, "HUNG", java));
            worker.interrupt();
            cleanup(ev, fdsBefore, tmp);
            try {
                worker.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new CaseResult(c.id(), c.file(), false, done, true);
        }
        cleanup(ev, fdsBefore, tmp);
        return new CaseResult(c.id(), c.file(), false, new ArrayList<>(results), false);
    }

    /** One step's result string: the normalised value, the exception, or NOT-EXPRESSIBLE. */
    static String runStep(Evaluator ev, Normaliser norm, Step step) {
        try {
            Object v = ev.run(step.stmt());
            return norm.value(v, step.marker());
        } catch (Evaluator.Raised r) {
            return encode(norm, r.error);
        } catch (PyError e) {
            return norm.exception(e.pyClass, null, e.getMessage());
        } catch (NotExpressible e) {
            return "NOT-EXPRESSIBLE: " + e.getMessage();
        } catch (RuntimeException e) {
            if (ev.lastJava == null) {
                ev.lastJava = JavaCode.render(step.stmt().expr()) + ";";
            }
            return "DRIVER-ERROR: " + e;
        }
    }

    /** An exception as driver.py writes it: {@code Class: errno=N: message}. */
    static String encode(Normaliser norm, Throwable t) {
        Integer errno = t instanceof dev.pysocket.OSError o ? o.errno() : null;
        String msg = t.getMessage() == null ? "" : t.getMessage();
        String name = t instanceof dev.pysocket.UnicodeError u ? u.pythonName() : t.getClass().getSimpleName();
        return norm.exception(name, errno, msg);
    }

    // ------------------------------------------------------------------ clean-up

    private static void cleanup(Evaluator ev, Set<Integer> fdsBefore, Path tmp) {
        // no signal of this case may reach the next one
        synchronized (ev.interruptions) {
            ev.interruptions.forEach(Interrupter.Interruption::close);
        }
        for (Map.Entry<String, Object> e : new ArrayList<>(ev.ns.entrySet())) {
            Object v = e.getValue();
            if (v instanceof Evaluator.ModuleRef || v instanceof Evaluator.Helper) {
                continue;
            }
            if (v instanceof List<?> || PyValues.isTuple(v)) {
                List<Object> items = PyValues.items(v);
                if (items != null) {
                    items.forEach(CaseRunner::closeQuietly);
                }
            } else {
                closeQuietly(v);
            }
        }
        for (Object o : ev.seen) {
            if (o instanceof SocketType s) {
                closeQuietly(s);
            }
        }
        ev.ns.clear();
        Set<Integer> now = openFds();
        now.removeAll(fdsBefore);
        for (int fd : now) {
            if (ownedKind(fd)) {
                try {
                    dev.pysocket.socket.close(fd);
                } catch (Exception ignored) {
                    // already closed
                }
            }
        }
        dev.pysocket.socket.setdefaulttimeout(null);
        deleteRecursively(tmp);
    }

    private static void closeQuietly(Object o) {
        if (o == null || o instanceof String || o instanceof Number || o instanceof Class<?>) {
            return;
        }
        try {
            Method m = o.getClass().getMethod("close");
            m.trySetAccessible();
            m.invoke(o);
        } catch (Throwable ignored) {
            // like driver.py's _close_quietly
        }
    }

    /** Only descriptors a case can have made: sockets and anonymous inodes (epoll). */
    private static boolean ownedKind(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("socket:") || target.startsWith("anon_inode:");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    static Set<Integer> openFds() {
        Set<Integer> out = new TreeSet<>();
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            s.forEach(p -> {
                try {
                    out.add(Integer.parseInt(p.getFileName().toString()));
                } catch (NumberFormatException ignored) {
                    // not a descriptor
                }
            });
        } catch (IOException e) {
            // no /proc: nothing to compare
        }
        return out;
    }

    /** Like tempfile.mkdtemp(prefix='pyp'): /tmp/pyp plus 8 random characters. */
    private static Path makeTmpDir() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789_";
        String env = System.getenv("TMPDIR");
        String base = env != null && !env.isEmpty() ? env : "/tmp";
        for (int attempt = 0; attempt < 100; attempt++) {
            StringBuilder sb = new StringBuilder("pyp");
            for (int i = 0; i < 8; i++) {
                sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
            }
            Path p = Path.of(base, sb.toString());
            try {
                Files.createDirectory(p);
                return p;
            } catch (IOException e) {
                // exists: try another name
            }
        }
        throw new IllegalStateException("cannot make a temporary directory in " + base);
    }

    private static void deleteRecursively(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> {
                try {
                    Files.deleteIfExists(x);
                } catch (IOException ignored) {
                    // like shutil.rmtree(ignore_errors=True)
                }
            });
        } catch (IOException ignored) {
            // already gone
        }
    }
}
