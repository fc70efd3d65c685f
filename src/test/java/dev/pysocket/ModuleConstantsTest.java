// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The integer constants of {@link socket} and {@link select} are exactly the {@code module socket}
 * and {@code module select} sections of native/constants.txt, the one list native/generate writes
 * their declarations from: no constant is declared by hand beside the generated region, and none
 * of the list is missing. (Their values are CPython's: the parity suite's ModuleConstantsTest.)
 */
class ModuleConstantsTest {
    /** Module name to the constant names listed for it, read the way the generator reads them. */
    static Map<String, Set<String>> listed() throws IOException {
        Map<String, Set<String>> modules = new TreeMap<>();
        String module = null;
        for (String raw : Files.readAllLines(Path.of("native/constants.txt"))) {
            String line = raw.replaceFirst("#.*", "").strip();
            if (line.isEmpty() || line.startsWith("see ")) continue;
            String[] words = line.split("\\s+");
            if (words[0].equals("module")) {
                module = words[1].equals("-") ? null : words[1];
            } else if (module != null) {
                modules.computeIfAbsent(module, m -> new TreeSet<>()).add(words[0]);
            }
        }
        return modules;
    }

    /** The public static int and long fields of a module class whose names are upper case. */
    static Set<String> declared(Class<?> module) {
        Set<String> names = new TreeSet<>();
        for (Field f : module.getDeclaredFields()) {
            int m = f.getModifiers();
            boolean integer = f.getType() == int.class || f.getType() == long.class;
            if (Modifier.isPublic(m) && Modifier.isStatic(m) && integer && f.getName().equals(f.getName().toUpperCase())) {
                names.add(f.getName());
            }
        }
        return names;
    }

    @Test
    void theModulesDeclareExactlyTheListedConstants() throws IOException {
        Map<String, Set<String>> listed = listed();
        assertEquals(Set.of("select", "socket"), listed.keySet());
        assertEquals(listed.get("socket"), declared(socket.class));
        assertEquals(listed.get("select"), declared(select.class));
    }
}
