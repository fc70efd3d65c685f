package dev.pysocket;

/**
 * Python's {@code socket.SocketKind} value of a socket's {@code type}: an int that prints as its
 * enum name, {@code <SocketKind.SOCK_STREAM: 1>}. A value with no SOCK_ name prints as the bare
 * int, as CPython then returns a plain int.
 *
 * @param value the C value, usable wherever C takes an int
 */
public record SocketKind(int value) {
    /**
     * The SOCK_ name of the value, or null.
     *
     * @return the constant's name, such as {@code SOCK_STREAM}, or null when no SOCK_ constant has
     *     this value (then Python has a plain int)
     */
    public String name() {
        return socket.constantName("SOCK_", value);
    }

    /** Python's repr: {@code <SocketKind.SOCK_STREAM: 1>}. */
    @Override
    public String toString() {
        String name = name();
        return name == null ? Integer.toString(value) : "<SocketKind." + name + ": " + value + ">";
    }
}
