// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The selector contract on SelectSelector. */
class SelectorsSelectSelectorTest extends SelectorsContract {
    @Override
    selectors.BaseSelector make() {
        return selectors.SelectSelector();
    }

    @Override
    String pythonName() {
        return "SelectSelector";
    }

    @Override
    boolean scalable() {
        return false;
    }

    @Override
    boolean closedRaises() {
        return false;
    }

    @Test
    void closedFdMakesSelectFail() throws OSError {
        var s = sel();
        int fd = socket.dup(pair().a().fileno());
        s.register(fd, selectors.EVENT_READ);
        socket.close(fd);
        OSError e = assertThrows(OSError.class, () -> s.select(0));
        assertEquals(9, e.errno());
        assertEquals("[Errno 9] Bad file descriptor", e.getMessage());
    }
}
