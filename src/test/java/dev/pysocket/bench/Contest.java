// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The Java side of {@code ./pysocket bench} (bench/compare.py): runs a list of JMH benchmarks,
 * pysocket's and java.nio's together, in an order shuffled with the given seed, all in this JVM
 * (JMH's forks = 0, so every contender has the same JVM and flags, and one JVM start serves the
 * whole list), each with JMH's gc profiler. Prints one line per benchmark:
 * {@code RESULT spec ns/op B/op}.
 *
 * <p>Arguments: {@code seed warmupIterations warmupMillis iterations iterationMillis spec...},
 * a spec being {@code Class.method} or {@code Class.method:param=value,...}; the pseudo-parameter
 * {@code batch=N} makes it a single-shot measurement of N operations per iteration (bulk: an
 * amount of data rather than a time), reported per operation.
 */
public final class Contest {
    private Contest() {
    }

    /**
     * Runs the benchmarks.
     *
     * @param args see the class comment
     * @throws RunnerException when JMH fails
     */
    public static void main(String[] args) throws RunnerException {
        Random random = new Random(Long.parseLong(args[0]));
        int wi = Integer.parseInt(args[1]);
        long w = Long.parseLong(args[2]);
        int i = Integer.parseInt(args[3]);
        long r = Long.parseLong(args[4]);
        List<String> specs = new ArrayList<>(List.of(args).subList(5, args.length));
        Collections.shuffle(specs, random);
        for (String spec : specs) {
            String[] parts = spec.split(":", 2);
            ChainedOptionsBuilder o = new OptionsBuilder()
                    .include("\\." + Pattern.quote(parts[0]) + "$")
                    .forks(0)
                    .warmupIterations(wi).warmupTime(TimeValue.milliseconds(w))
                    .measurementIterations(i).measurementTime(TimeValue.milliseconds(r))
                    .timeUnit(TimeUnit.NANOSECONDS)
                    .addProfiler(GCProfiler.class)
                    .verbosity(VerboseMode.SILENT);
            long batch = 0;
            if (parts.length > 1) {
                for (String kv : parts[1].split(",")) {
                    String[] p = kv.split("=", 2);
                    if (p[0].equals("batch")) {
                        batch = Long.parseLong(p[1]);
                    } else {
                        o.param(p[0], p[1]);
                    }
                }
            }
            if (batch > 0) {
                o.mode(Mode.SingleShotTime).warmupBatchSize((int) batch).measurementBatchSize((int) batch);
            }
            RunResult result = new Runner(o.build()).runSingle();
            double score = result.getPrimaryResult().getScore() / Math.max(batch, 1);
            Result<?> alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
            double bytes = alloc == null ? Double.NaN : alloc.getScore() / Math.max(batch, 1);
            System.out.printf("RESULT %s %.1f %.2f%n", spec, score, bytes);
        }
    }
}
