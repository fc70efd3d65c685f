// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/errors.md's errno table is the code's table: this test fails when they drift apart. */
class ErrorsDocTest {
    /** The markdown rows docs/errors.md must contain, rendered from {@link Errno.Table#ROWS}. */
    static String table() {
        StringBuilder sb = new StringBuilder("| errno | value | Python class | message (this machine) |\n");
        sb.append("|---|---|---|---|\n");
        for (Errno.Row row : Errno.Table.ROWS) {
            sb.append("| ").append(row.name()).append(" | ").append(row.errno()).append(" | `")
                    .append(row.type().getSimpleName()).append("` | ").append(Errno.strerror(row.errno()))
                    .append(" |\n");
        }
        return sb.toString();
    }

    @Test
    void docsListEveryRowOfTheTable() throws Exception {
        String doc = Files.readString(Path.of("docs/errors.md"));
        assertTrue(doc.contains(table()), "docs/errors.md must contain exactly:\n" + table());
    }

    @Test
    void everyRowMakesItsClass() {
        for (Errno.Row row : Errno.Table.ROWS) {
            OSError e = Errno.exception(row.errno());
            assertEquals(row.type(), e.getClass(), row.name());
            assertEquals(row.errno(), e.errno());
            assertEquals("[Errno " + row.errno() + "] " + Errno.strerror(row.errno()), e.getMessage());
        }
    }
}
