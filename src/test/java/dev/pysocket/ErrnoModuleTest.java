// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.errno.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The errno module class, OSError.of and the errno test that cannot throw, over real sockets. */
@Timeout(30)
class ErrnoModuleTest {
    @Test
    void errorcodeNamesAsCPython() {
        assertEquals("EAGAIN", errorcode.get(EAGAIN));
        assertEquals(EAGAIN, EWOULDBLOCK);
        assertEquals("ENOTSUP", errorcode.get(EOPNOTSUPP));
        assertEquals("EDEADLOCK", errorcode.get(EDEADLK));
        assertEquals(130, errorcode.size()); // CPython 3.11 on Linux: len(errno.errorcode)
        assertThrows(UnsupportedOperationException.class, () -> errorcode.put(1, "X"));
        for (Map.Entry<Integer, String> e : errorcode.entrySet()) {
            assertTrue(e.getKey() > 0 && e.getValue().startsWith("E"), e.toString());
        }
    }

    @Test
    void strerrorIsOsStrerror() {
        assertEquals("Connection refused", strerror(ECONNREFUSED));
        assertEquals("Unknown error 99999", strerror(99999));
        assertEquals("Success", strerror(0));
    }

    @Test
    void ofPicksCPythonsSubclass() {
        assertInstanceOf(BlockingIOError.class, OSError.of(EWOULDBLOCK, "x"));
        assertInstanceOf(ConnectionRefusedError.class, socket.error(ECONNREFUSED, "x"));
        assertInstanceOf(TimeoutError.class, OSError.of(ETIMEDOUT, "x"));
        OSError plain = OSError.of(EADDRINUSE, "in use");
        assertEquals(OSError.class, plain.getClass());
        assertEquals("[Errno 98] in use", plain.getMessage());
        assertEquals("OSError(98, 'in use')", Py.repr(plain));
    }

    @Test
    void isDoesNotThrowOnATimeout() throws OSError {
        SocketPair p = socket.socketpair();
        try (SocketType a = p.a(); SocketType b = p.b()) {
            a.settimeout(0.01);
            OSError timeout = assertThrows(TimeoutError.class, () -> a.recv(1));
            assertNull(timeout.errno());
            assertFalse(timeout.is(EWOULDBLOCK));
            assertThrows(NullPointerException.class, () -> {
                boolean unboxed = timeout.errno() == EWOULDBLOCK; // the trap is() avoids
                assertFalse(unboxed);
            });
            a.setblocking(false);
            OSError wouldBlock = assertThrows(BlockingIOError.class, () -> a.recv(1));
            assertTrue(wouldBlock.is(EWOULDBLOCK));
            assertTrue(wouldBlock.is(EINTR, EAGAIN));
            assertFalse(wouldBlock.is());
        }
    }
}
