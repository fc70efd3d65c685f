package dev.pysocket;

/**
 * Python's {@code socket.AddressFamily} value of a socket's {@code family}: an int that prints
 * as its enum name, {@code <AddressFamily.AF_INET: 2>}. A value with no AF_ name prints as the
 * bare int, as CPython then returns a plain int.
 *
 * @param value the C value, usable wherever C takes an int
 */
public record AddressFamily(int value) {
    /**
     * The AF_ name of the value, or null.
     *
     * @return the constant's name, such as {@code AF_INET}, or null when no AF_ constant has this
     *     value (then Python has a plain int)
     */
    public String name() {
        return socket.constantName("AF_", value);
    }

    /** Python's repr: {@code <AddressFamily.AF_INET: 2>}. */
    @Override
    public String toString() {
        String name = name();
        return name == null ? Integer.toString(value) : "<AddressFamily." + name + ": " + value + ">";
    }
}
