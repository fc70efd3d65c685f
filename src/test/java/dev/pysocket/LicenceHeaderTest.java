// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every source file of the project carries the Apache-2.0 SPDX line near its top (generated ones too). */
class LicenceHeaderTest {
    @Test
    void everySourceFileNamesItsLicence() throws IOException {
        List<String> missing;
        try (Stream<Path> files = Stream.of("src", "bindings", "native", "bench", "python-parity-tests")
                .map(Path::of).filter(Files::isDirectory).flatMap(LicenceHeaderTest::walk)) {
            missing = files.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".java") || n.endsWith(".c") || n.endsWith(".py");
            }).filter(p -> !p.toString().contains("/target/") && !p.startsWith("native/build")) // build output
                    .filter(p -> !headed(p)).map(Path::toString).sorted().toList();
        }
        assertEquals(List.of(), missing, "files without '// SPDX-License-Identifier: Apache-2.0' in their first lines");
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir).filter(Files::isRegularFile);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean headed(Path p) {
        try (Stream<String> lines = Files.lines(p)) {
            return lines.limit(5).anyMatch(l -> l.contains("SPDX-License-Identifier: Apache-2.0"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
