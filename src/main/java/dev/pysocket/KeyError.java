// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/**
 * Python's {@code KeyError}. Like Python, its message is the {@code repr()} of the missing key:
 * {@code KeyError(5)} prints as {@code 5}, {@code KeyError('a')} as {@code 'a'}.
 */
public class KeyError extends RuntimeException {
    private final transient Object key;

    /**
     * {@code KeyError(key)}.
     *
     * @param key the missing key (Python's {@code e.args[0]}); the message is its
     *     {@link Py#repr(Object) repr}
     */
    public KeyError(Object key) {
        super(Py.repr(key));
        this.key = key;
    }

    /**
     * The missing key ({@code e.args[0]}).
     *
     * @return the key as given to the constructor, not its repr
     */
    public Object key() {
        return key;
    }
}
