// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The selector contract on PollSelector. */
class SelectorsPollSelectorTest extends SelectorsContract {
    @Override
    selectors.BaseSelector make() {
        return selectors.PollSelector();
    }

    @Override
    String pythonName() {
        return "PollSelector";
    }

    @Override
    boolean scalable() {
        return true;
    }

    @Override
    boolean closedRaises() {
        return false;
    }

    @Test
    void closedFdIsReportedReadable() throws OSError {
        var s = sel();
        int fd = socket.dup(pair().a().fileno());
        var key = s.register(fd, selectors.EVENT_READ);
        socket.close(fd);
        assertEquals("[(" + key + ", 1)]", s.select(0).toString()); // POLLNVAL
    }
}
