// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.parity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * python-parity-tests/known-differences.txt: deliberate, explained differences between CPython and
 * pysocket. One entry a line: {@code case-id  step  reason}, where step is the 1-based step
 * number or {@code *} for every step of the case; {@code #} starts a comment line. Each entry is
 * explained in docs/mapping.md.
 */
final class KnownDifferences {
    /** One entry; step null means every step. */
    record Entry(String caseId, Integer step, String reason, int line) {
        boolean covers(String id, int stepNumber) {
            return caseId.equals(id) && (step == null || step == stepNumber);
        }
    }

    final List<Entry> entries;

    KnownDifferences(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static KnownDifferences load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new KnownDifferences(List.of());
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    static KnownDifferences parse(String text, String where) {
        List<Entry> out = new ArrayList<>();
        int n = 0;
        for (String raw : text.split("\n", -1)) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 3);
            if (parts.length < 3 || parts[2].isBlank()) {
                throw new IllegalArgumentException(where + ":" + n + ": expected 'case-id  step-or-*  reason'");
            }
            Integer step;
            if (parts[1].equals("*")) {
                step = null;
            } else {
                try {
                    step = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + ":" + n + ": step must be a number or *: " + parts[1]);
                }
                if (step < 1) {
                    throw new IllegalArgumentException(where + ":" + n + ": steps are numbered from 1");
                }
            }
            out.add(new Entry(parts[0], step, parts[2].strip(), n));
        }
        return new KnownDifferences(out);
    }

    /** The reason documenting step {@code stepNumber} (1-based) of a case, or null. */
    String reason(String caseId, int stepNumber) {
        for (Entry e : entries) {
            if (e.covers(caseId, stepNumber)) {
                return e.reason();
            }
        }
        return null;
    }
}
