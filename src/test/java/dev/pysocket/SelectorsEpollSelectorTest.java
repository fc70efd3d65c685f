// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The selector contract on EpollSelector, plus its fileno(). */
class SelectorsEpollSelectorTest extends SelectorsContract {
    @Override
    selectors.BaseSelector make() throws OSError {
        return selectors.EpollSelector();
    }

    @Override
    String pythonName() {
        return "EpollSelector";
    }

    @Override
    boolean scalable() {
        return true;
    }

    @Override
    boolean closedRaises() {
        return true;
    }

    @Test
    void fileno() throws OSError {
        var s = (selectors.EpollSelector) sel();
        assertTrue(s.fileno() >= 0);
        s.close();
        assertEquals("I/O operation on closed epoll object",
                assertThrows(ValueError.class, s::fileno).getMessage());
    }

    @Test
    void closedFdIsForgottenByEpoll() throws OSError {
        var s = sel();
        int fd = socket.dup(pair().a().fileno());
        s.register(fd, selectors.EVENT_READ);
        socket.close(fd);
        assertEquals(0, s.select(0).size());
        assertEquals(1, s.get_map().size());
        assertEquals(fd, s.unregister(fd).fd()); // EBADF from epoll_ctl is ignored
    }

    @Test
    void registerBadFdLeavesNoKey() throws OSError {
        var s = sel();
        OSError e = assertThrows(OSError.class, () -> s.register(999, selectors.EVENT_READ));
        assertEquals(9, e.errno());
        assertEquals(0, s.get_map().size());
    }
}
