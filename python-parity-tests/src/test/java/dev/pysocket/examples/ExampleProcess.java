// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One example program running as a process of its own: the Python original under CPython or
 * the Java port on this JVM's class path. Its output is collected line by line, so a test can
 * wait for a line (bounded in time), write to its stdin, and compare what it printed.
 */
final class ExampleProcess implements AutoCloseable {
    static final Path EXAMPLES = Path.of("examples").toAbsolutePath();
    static final String PYTHON = System.getenv().getOrDefault("PYSOCKET_PYTHON", "python3");
    private static final Pattern LISTENING = Pattern.compile("Server is listening on (.+):(\\d+)");

    /** Which twin of a program to run. */
    enum Kind {
        PYTHON, JAVA
    }

    private final String label;
    private final Process process;
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();
    private final List<Thread> collectors = new ArrayList<>();

    private ExampleProcess(String label, List<String> command) throws IOException {
        this.label = label;
        this.process = new ProcessBuilder(command).start();
        collect(process.getInputStream(), out);
        collect(process.getErrorStream(), err);
    }

    /**
     * Starts a program: {@code name} is the Python file's stem ({@code echo_server}); the Java
     * port is its CamelCase class. {@code prefix} goes before the interpreter (e.g. setpriv).
     */
    static ExampleProcess start(Kind kind, String name, List<String> prefix, String... args) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        if (kind == Kind.PYTHON) {
            command.addAll(List.of(PYTHON, "-u", EXAMPLES.resolve(name + ".py").toString()));
        } else {
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), "dev.pysocket.examples." + PortingGuide.className(name)));
        }
        command.addAll(List.of(args));
        return new ExampleProcess(kind + " " + name, command);
    }

    static ExampleProcess start(Kind kind, String name, String... args) throws IOException {
        return start(kind, name, List.of(), args);
    }

    private void collect(InputStream stream, List<String> lines) {
        collectors.add(Thread.ofPlatform().daemon().start(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(stream, UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process went away: what was read stays
            }
        }));
    }

    /** Waits for the first line of output that matches, and returns it. */
    String await(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (out) {
            while (true) {
                for (String line : out) {
                    if (wanted.test(line)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(label + ": no such line in " + timeout + "; printed " + out + ", stderr " + err());
                }
                TimeUnit.NANOSECONDS.timedWait(out, left);
            }
        }
    }

    /** Waits until {@code count} lines start with {@code prefix}. */
    void awaitCount(String prefix, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (out) {
            while (out.stream().filter(l -> l.startsWith(prefix)).count() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(label + ": fewer than " + count + " lines '" + prefix + "' in " + timeout
                            + "; stderr " + err());
                }
                TimeUnit.NANOSECONDS.timedWait(out, left);
            }
        }
    }

    /** A server's port, from its first line {@code Server is listening on HOST:PORT}. */
    int port() throws InterruptedException {
        String first = await(line -> true, Duration.ofSeconds(20));
        Matcher m = LISTENING.matcher(first);
        if (!m.matches()) {
            throw new AssertionError(label + ": first line is not 'Server is listening on HOST:PORT': " + first
                    + "; stderr " + err());
        }
        return Integer.parseInt(m.group(2));
    }

    void send(String line) throws IOException {
        OutputStream stdin = process.getOutputStream();
        stdin.write((line + "\n").getBytes(UTF_8));
        stdin.flush();
    }

    void closeStdin() throws IOException {
        process.getOutputStream().close();
    }

    /** Waits for the process to end and returns its exit code. */
    int exit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(label + " did not end in " + timeout + "; printed " + lines() + ", stderr " + err());
        }
        for (Thread collector : collectors) { // they may still hold the last lines
            collector.join(10_000);
        }
        return process.exitValue();
    }

    /** Runs a program to its end and returns what it printed (its exit code must be 0). */
    static List<String> run(Kind kind, String name, String... args) throws Exception {
        try (ExampleProcess p = start(kind, name, args)) {
            int code = p.exit(Duration.ofSeconds(60));
            if (code != 0) {
                throw new AssertionError(p.label + " exited with " + code + "; printed " + p.lines() + ", stderr " + p.err());
            }
            return p.lines();
        }
    }

    List<String> lines() {
        synchronized (out) {
            return List.copyOf(out);
        }
    }

    String err() {
        synchronized (err) {
            return String.join("\n", err);
        }
    }

    /** The output with every port number in an address replaced by PORT, so runs compare. */
    List<String> normalised() {
        return lines().stream().map(ExampleProcess::normalise).toList();
    }

    static String normalise(String line) {
        return line.replaceAll("(\\('[^']*', )\\d+", "$1PORT").replaceAll(":\\d+$", ":PORT")
                .replaceAll(":\\d+ ", ":PORT ");
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
