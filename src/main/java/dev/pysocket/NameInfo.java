package dev.pysocket;

/** The result of {@code getnameinfo()}: Python's {@code (host, port)}, both str. */
public record NameInfo(String host, String port) {
    @Override
    public String toString() {
        return Py.tuple(host, port);
    }
}
