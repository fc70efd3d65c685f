// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.examples;

import static org.junit.jupiter.api.Assertions.*;

import dev.pysocket.InetAddr;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The socket tutorial's multiple-connections client (examples/MultiConn). */
class MultiConnTest {
    @Test
    @Timeout(20)
    void readsFromWhicheverServerIsReady() throws Exception {
        List<InetAddr> servers = List.of(
                MultiConn.startServer("slow hello", 700),
                MultiConn.startServer("quick hello", 50),
                MultiConn.startServer("middle hello", 350));
        assertEquals(List.of("server 1: quick hello", "server 2: middle hello", "server 0: slow hello"),
                MultiConn.run(servers, 5.0));
    }

    @Test
    @Timeout(20)
    void mainRuns() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        var old = System.out;
        System.setOut(new java.io.PrintStream(out, true));
        try {
            MultiConn.main(new String[0]);
        } finally {
            System.setOut(old);
        }
        assertEquals("server 1: quick hello\nserver 2: middle hello\nserver 0: slow hello\n", out.toString());
    }
}
