package dev.pysocket;

/** One entry of {@code if_nameindex()}: Python's {@code (index, name)}. */
public record IfNameIndex(int index, String name) {
    @Override
    public String toString() {
        return Py.tuple(index, name);
    }
}
