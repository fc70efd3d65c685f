// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.util.Arrays;

/**
 * An address of a family pysocket does not decode: Python's {@code (sa_family, sa_data)}.
 *
 * @param family the sa_family value
 * @param data   the bytes after sa_family
 */
public record RawAddr(int family, byte[] data) implements Address {
    /**
     * The bytes after sa_family, as Python's {@code sa_data}.
     *
     * @return a copy of the bytes, so that the record stays unchanged
     */
    @Override
    public byte[] data() {
        return data == null ? null : data.clone(); // Python's (family, None) is a tuple too
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawAddr r && r.family == family && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return family * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return Py.tuple(family, data);
    }
}
