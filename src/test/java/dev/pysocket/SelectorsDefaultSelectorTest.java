// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The selector contract on DefaultSelector, which is EpollSelector on Linux. */
class SelectorsDefaultSelectorTest extends SelectorsContract {
    @Override
    selectors.BaseSelector make() throws OSError {
        return new selectors.DefaultSelector();
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
    void isAnEpollSelector() throws OSError {
        try (var s = selectors.DefaultSelector()) {
            assertInstanceOf(selectors.EpollSelector.class, s);
            assertEquals(1, selectors.EVENT_READ);
            assertEquals(2, selectors.EVENT_WRITE);
        }
    }
}
