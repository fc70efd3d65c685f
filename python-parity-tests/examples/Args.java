// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.examples;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The examples' command line: {@code --name value} pairs, each read with its default, as the
 * Python originals read them with argparse. An option the program does not read is an error
 * ({@link #check()}), as argparse makes it.
 */
// Rule: `argparse` → Args.parse(argv), one get/getInt per option with its default, then check() (argparse refuses unknown options)
public final class Args {
    private final Map<String, String> given = new LinkedHashMap<>();

    private Args() {
    }

    /**
     * Splits {@code argv} into {@code --name value} pairs.
     *
     * @param argv the program's arguments
     * @return the options given
     * @throws IllegalArgumentException when an argument is not part of such a pair
     */
    public static Args parse(String[] argv) {
        Args args = new Args();
        for (int i = 0; i < argv.length; i += 2) {
            if (!argv[i].startsWith("--") || i + 1 == argv.length) {
                throw new IllegalArgumentException("expected --name value, got: " + String.join(" ", argv));
            }
            args.given.put(argv[i], argv[i + 1]);
        }
        return args;
    }

    /**
     * The value of an option.
     *
     * @param name the option, e.g. {@code --host}
     * @param fallback its default
     * @return the value given, else the default
     */
    public String get(String name, String fallback) {
        String value = given.remove(name);
        return value == null ? fallback : value;
    }

    /**
     * The value of an integer option, as argparse's {@code type=int}.
     *
     * @param name the option, e.g. {@code --port}
     * @param fallback its default
     * @return the value given, else the default
     */
    public int getInt(String name, int fallback) {
        return Integer.parseInt(get(name, Integer.toString(fallback)));
    }

    /**
     * Refuses the options no {@code get} read; call it after the last {@code get}.
     *
     * @throws IllegalArgumentException naming the unknown options
     */
    public void check() {
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unrecognized arguments: " + given.keySet());
        }
    }
}
