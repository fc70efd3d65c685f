// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every integer constant CPython exports from {@code socket} and {@code select} (upper-case names
 * with int values, IntEnum and IntFlag members included) is a constant of pysocket's module class
 * with the same value, and pysocket has none beyond them. Both sides are read, not listed: CPython
 * by {@code dir()}, pysocket by reflection (its constants are generated from native/constants.txt).
 */
@Timeout(60)
class ModuleConstantsTest {
    private static final String PYTHON = """
            import select, socket
            for m in (socket, select):
                for n in sorted(dir(m)):
                    v = getattr(m, n)
                    if n.isupper() and isinstance(v, int) and not isinstance(v, bool):
                        print(m.__name__, n, int(v))
            """;

    private static List<String> cpython() throws Exception {
        String python = Main.findPython(new PrintStream(OutputStream.nullOutputStream())).command();
        Process p = new ProcessBuilder(python, "-c", PYTHON).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "python did not finish");
        assertEquals(0, p.exitValue(), out);
        return out.lines().sorted().toList();
    }

    private static List<String> ours() throws IllegalAccessException {
        List<String> lines = new ArrayList<>();
        for (Class<?> module : List.of(dev.pysocket.socket.class, dev.pysocket.select.class)) {
            for (Field f : module.getDeclaredFields()) {
                int m = f.getModifiers();
                boolean integer = f.getType() == int.class || f.getType() == long.class;
                if (Modifier.isPublic(m) && Modifier.isStatic(m) && integer
                        && f.getName().equals(f.getName().toUpperCase())) {
                    lines.add(module.getSimpleName() + " " + f.getName() + " " + f.get(null));
                }
            }
        }
        return lines.stream().sorted().toList();
    }

    @Test
    void sameNamesAndValuesAsCPython() throws Exception {
        List<String> cpython = cpython();
        assertTrue(cpython.size() > 300, "CPython listed only " + cpython.size() + " constants");
        assertEquals(String.join("\n", cpython), String.join("\n", ours()));
    }
}
