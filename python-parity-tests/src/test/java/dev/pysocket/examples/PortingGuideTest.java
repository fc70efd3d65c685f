// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/porting-guide.md is what {@code ./pysocket guide} writes from the examples, and covers all of them. */
class PortingGuideTest {
    static final Path EXAMPLES = Path.of("examples");
    static final Path GUIDE = Path.of("..", "docs", "porting-guide.md");

    @Test
    void committedGuideIsCurrent() throws Exception {
        assertEquals(PortingGuide.render(EXAMPLES), Files.readString(GUIDE, UTF_8),
                "docs/porting-guide.md is stale: run ./pysocket guide and commit the result");
    }

    @Test
    void everyPythonOriginalHasAJavaPortAndASection() throws Exception {
        List<String> stems;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            stems = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".py"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
        }
        List<String> inGuide = PortingGuide.PROGRAMS.stream().flatMap(p -> p.files().stream()).sorted().toList();
        assertEquals(stems, inGuide);
        for (String stem : stems) {
            assertTrue(Files.exists(EXAMPLES.resolve(PortingGuide.className(stem) + ".java")), stem);
        }
    }

    @Test
    void rulesJoinTheirContinuationLines() {
        assertEquals(List.of("a → b, and c", "d"),
                PortingGuide.rules("x\n    // Rule: a → b,\n    // and c\ncode\n// Rule: d\n"));
    }
}
