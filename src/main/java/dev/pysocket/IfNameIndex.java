// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/**
 * One entry of {@code if_nameindex()}: Python's {@code (index, name)}.
 *
 * @param index the interface's index, 1 and up
 * @param name  its name, e.g. {@code lo}
 */
public record IfNameIndex(int index, String name) {
    @Override
    public String toString() {
        return Py.tuple(index, name);
    }
}
