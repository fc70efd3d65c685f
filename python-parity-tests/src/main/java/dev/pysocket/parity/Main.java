// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.parity;

import dev.pysocket.parity.Ast.Case;
import dev.pysocket.parity.CaseRunner.CaseResult;
import dev.pysocket.parity.CaseRunner.StepResult;
import dev.pysocket.parity.Comparison.CaseCmp;
import dev.pysocket.parity.Comparison.Status;
import dev.pysocket.parity.Comparison.Summary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./pysocket parity}: runs the parity suite on CPython (driver.py) and on pysocket, compares
 * the results step by step, prints a table grouped by area, writes target/parity/python.json,
 * java.json and index.html, and ends with {@code parity: N cases, M identical, K different, D
 * documented}. Exit code 0 when K is 0, 1 when cases differ, 2 when the suite cannot run.
 */
public final class Main {
    private Main() {
    }

    /** The suite could not run (no python3, driver failure, malformed case file). */
    static final class SetupError extends Exception {
        SetupError(String message) {
            super(message);
        }
    }

    /** Everything a run produced. */
    record Run(List<CaseCmp> cases, Summary summary, List<String> stale, double seconds) {
        List<String> differentIds() {
            return cases.stream().filter(c -> c.status() == Status.DIFFERENT).map(CaseCmp::id).toList();
        }
    }

    public static void main(String[] args) {
        Path suite = defaultSuite();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--suite") && i + 1 < args.length) {
                suite = Path.of(args[++i]).toAbsolutePath();
            } else if (args[i].equals("-h") || args[i].equals("--help")) {
                System.out.println("usage: ./pysocket parity [--suite DIR]\n"
                        + "Runs the parity suite (DIR: python-parity-tests) on CPython and on pysocket and "
                        + "compares them; writes DIR/target/parity/{python.json,java.json,index.html}.");
                return;
            } else {
                System.err.println("parity: unknown argument " + args[i]);
                System.exit(2);
            }
        }
        try {
            Run run = run(suite, System.out, true);
            System.exit(run.summary().different() > 0 ? 1 : 0);
        } catch (SetupError e) {
            System.err.println("parity: " + e.getMessage());
            System.exit(2);
        } catch (IOException e) {
            System.err.println("parity: " + e);
            System.exit(2);
        }
    }

    /** The suite's folder: the working directory when it holds driver.py, else its python-parity-tests/. */
    static Path defaultSuite() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("driver.py")) ? here : here.resolve("python-parity-tests");
    }

    /**
     * Runs both sides of the suite in {@code suite} (python-parity-tests/), compares, writes the
     * reports to its target/parity/; prints the table and the final line.
     */
    static Run run(Path suite, PrintStream out, boolean table) throws SetupError, IOException {
        long t0 = System.nanoTime();
        Path outDir = suite.resolve("target/parity");
        Files.createDirectories(outDir);
        Path pyJson = outDir.resolve("python.json");
        String pyVersion = runPython(suite, pyJson, out);
        double pySeconds = (System.nanoTime() - t0) / 1e9;

        List<Case> cases;
        try {
            cases = CaseParser.collect(List.of(suite.resolve("cases")));
        } catch (CaseParser.CaseFormatError e) {
            throw new SetupError("case format error: " + e.getMessage());
        }
        KnownDifferences known = KnownDifferences.load(suite.resolve("known-differences.txt"));
        long t1 = System.nanoTime();
        List<CaseResult> results = runJava(cases);
        double javaSeconds = (System.nanoTime() - t1) / 1e9;
        writeJavaJson(outDir.resolve("java.json"), results);

        @SuppressWarnings("unchecked")
        Map<String, Object> pyDoc = (Map<String, Object>) Json.parse(Files.readString(pyJson, StandardCharsets.UTF_8));
        List<CaseCmp> cmp = Comparison.compare(pyDoc, results, known);
        Summary summary = Comparison.summary(cmp);
        List<String> stale = Comparison.staleEntries(cmp, known);
        String javaVersion = System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
        // getBytes, not writeString: a lone surrogate in a result (encodings cases) becomes '?'
        Files.write(outDir.resolve("index.html"),
                Report.html(cmp, summary, pyVersion, javaVersion, stale).getBytes(StandardCharsets.UTF_8));
        if (table) {
            out.print(Report.table(cmp));
            out.println();
        }
        for (String s : stale) {
            out.println("parity: warning: known-differences.txt " + s);
        }
        double total = (System.nanoTime() - t0) / 1e9;
        out.printf("parity: CPython side %.1f s, Java side %.1f s, total %.1f s; report: %s%n", pySeconds, javaSeconds,
                total, Path.of("").toAbsolutePath().relativize(outDir.resolve("index.html")));
        out.println(summary.line());
        return new Run(cmp, summary, stale, total);
    }

    /** The CPython the expectations were checked with (python-parity-tests/README.md). */
    static final String PINNED_PYTHON = "3.11.7";

    /** An interpreter and its version. */
    record Python(String command, String version) {
    }

    /**
     * The CPython to compare with: {@code $PYSOCKET_PYTHON} if set; else the pinned version if it
     * can be found ({@code python3} on the PATH, {@code python3.11}, or pyenv's
     * {@code ~/.pyenv/versions/3.11.7}); else {@code python3}, which must be 3.11 or newer.
     * CPython's own messages change between patch releases (3.11.2 and 3.11.7 word a timeout
     * overflow differently), which is why the pinned one is preferred.
     */
    static Python findPython(PrintStream out) throws SetupError {
        String forced = System.getenv("PYSOCKET_PYTHON");
        if (forced != null && !forced.isBlank()) {
            return checked(forced, version(forced));
        }
        String home = System.getProperty("user.home");
        String fallback = null;
        for (String candidate : new String[] {"python3", "python3.11",
                home + "/.pyenv/versions/" + PINNED_PYTHON + "/bin/python3"}) {
            String v = version(candidate);
            if (PINNED_PYTHON.equals(v)) {
                return new Python(candidate, v);
            }
            if (fallback == null && v != null) {
                fallback = candidate;
            }
        }
        if (fallback == null) {
            throw new SetupError("python3 is required for the parity suite (CPython >= 3.11, checked with "
                    + PINNED_PYTHON + ") but was not found");
        }
        Python p = checked(fallback, version(fallback));
        out.println("parity: warning: CPython " + p.version() + " is not the pinned " + PINNED_PYTHON
                + "; messages that changed between CPython releases may differ");
        return p;
    }

    private static Python checked(String command, String version) throws SetupError {
        if (version == null) {
            throw new SetupError(command + " does not run");
        }
        String[] v = version.split("\\.");
        if (v.length < 2 || Integer.parseInt(v[0]) < 3 || (Integer.parseInt(v[0]) == 3 && Integer.parseInt(v[1]) < 11)) {
            throw new SetupError("the parity suite needs CPython >= 3.11, " + command + " is " + version);
        }
        return new Python(command, version);
    }

    /** The interpreter's version as {@code X.Y.Z}, or null when it cannot be run. */
    private static String version(String command) throws SetupError {
        try {
            Process p = new ProcessBuilder(command, "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])")
                    .redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return v;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SetupError("interrupted");
        }
    }

    /** Runs driver.py; returns CPython's version. */
    static String runPython(Path suite, Path outJson, PrintStream out) throws SetupError, IOException {
        Python python = findPython(out);
        String version = python.version();
        Process p = new ProcessBuilder(python.command(), suite.resolve("driver.py").toString(), "--out", outJson.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc;
        try {
            rc = p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SetupError("interrupted");
        }
        if (rc != 0) {
            throw new SetupError("driver.py failed (exit " + rc + "):\n" + err.strip());
        }
        String[] lines = err.strip().split("\n");
        out.println(lines[lines.length - 1]);
        return version;
    }

    /** Runs every case on pysocket, one at a time. */
    static List<CaseResult> runJava(List<Case> cases) {
        warmUp();
        CaseRunner runner = new CaseRunner();
        List<CaseResult> out = new ArrayList<>();
        for (Case c : cases) {
            out.add(runner.run(c));
        }
        return out;
    }

    /**
     * Loads what the cases touch before the first one runs, so that the JVM opens no file (jar,
     * library) in the middle of a case and fd numbering follows the kernel's lowest-free rule.
     */
    private static void warmUp() {
        Evaluator.loadClass("org.slf4j.LoggerFactory");
        try {
            List<Case> warm = CaseParser.parse("""
                    == warm/up
                    a, b = socket.socketpair()
                    a.send(b'x')
                    b.recv(1)
                    s = socket.socket()
                    s.bind(('127.0.0.1', 0))
                    socket.getaddrinfo('127.0.0.1', 80)
                    select.select([a], [], [], 0)
                    sel = selectors.DefaultSelector()
                    """, "warm-up");
            new CaseRunner().run(warm.get(0));
        } catch (CaseParser.CaseFormatError e) {
            throw new IllegalStateException(e);
        }
    }

    static void writeJavaJson(Path file, List<CaseResult> results) throws IOException {
        List<Object> cases = new ArrayList<>();
        for (CaseResult r : results) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", r.id());
            c.put("file", r.file());
            c.put("py_only", r.pyOnly());
            List<Object> steps = new ArrayList<>();
            for (StepResult s : r.steps()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("src", s.src());
                m.put("result", s.result());
                m.put("java", s.java());
                steps.add(m);
            }
            c.put("steps", steps);
            c.put("hung", r.hung());
            cases.add(c);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("java", System.getProperty("java.version"));
        doc.put("cases", cases);
        Files.writeString(file, Json.write(doc), StandardCharsets.UTF_8);
    }
}
