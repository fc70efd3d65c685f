// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.parity;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole parity suite, once: CPython's driver.py against pysocket. Fails, listing the
 * different cases, when any case differs without an entry in known-differences.txt. The report
 * is target/parity/index.html.
 */
class ParityTest {
    @Test
    void pysocketBehavesLikeCPython() throws Exception {
        Main.Run run = Main.run(Main.defaultSuite(), System.out, true);
        assertTrue(run.summary().cases() > 0);
        List<String> different = run.differentIds();
        if (!different.isEmpty()) {
            fail(run.summary().line() + "\ndifferent cases (see target/parity/index.html):\n  "
                    + String.join("\n  ", different));
        }
    }
}
