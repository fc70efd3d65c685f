// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.parity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pysocket.parity.Ast.Case;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** known-differences.txt cannot rot: each entry names a real case and step and is explained in the docs. */
class ParityKnownDifferencesTest {
    @Test
    void everyEntryNamesAnExistingCaseAndIsExplained() throws Exception {
        KnownDifferences known = KnownDifferences.load(Path.of("known-differences.txt"));
        Map<String, Case> cases = CaseParser.collect(List.of(Path.of("cases"))).stream()
                .collect(Collectors.toMap(Case::id, c -> c));
        String docs = Files.readString(Path.of("../docs/mapping.md"));
        List<String> problems = new ArrayList<>();
        for (KnownDifferences.Entry e : known.entries) {
            Case c = cases.get(e.caseId());
            if (c == null) {
                problems.add("line " + e.line() + ": no case " + e.caseId());
                continue;
            }
            if (c.pyOnly()) {
                problems.add("line " + e.line() + ": " + e.caseId() + " is py-only, it needs no entry");
            }
            if (e.step() != null && e.step() > c.steps().size()) {
                problems.add("line " + e.line() + ": " + e.caseId() + " has only " + c.steps().size() + " steps");
            }
            if (!docs.toString().contains("`" + e.caseId() + "`")) {
                problems.add("line " + e.line() + ": " + e.caseId() + " is not explained in docs/mapping.md");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
