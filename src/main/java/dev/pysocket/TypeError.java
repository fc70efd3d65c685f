package dev.pysocket;

/** Python's {@code TypeError}: an argument has a type Python would refuse (where Java's static types still let it through). */
public class TypeError extends RuntimeException {
    /** {@code TypeError(message)}. */
    public TypeError(String message) {
        super(message);
    }
}
