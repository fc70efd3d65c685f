package dev.pysocket;

/**
 * Python's {@code UnicodeEncodeError} / {@code UnicodeDecodeError} (subclasses of ValueError, as
 * in Python): text that the codec cannot convert under the {@code 'strict'} error handler. The
 * class name Python prints is {@link #pythonName()}; the message is CPython's, e.g.
 * {@code 'utf-8' codec can't encode character '\udc80' in position 0: surrogates not allowed}.
 */
public class UnicodeError extends ValueError {
    /** Whether this is Python's UnicodeEncodeError (else UnicodeDecodeError). */
    private final boolean encoding;

    /**
     * A codec error.
     *
     * @param encoding true for Python's UnicodeEncodeError, false for UnicodeDecodeError
     * @param message  CPython's message
     */
    public UnicodeError(boolean encoding, String message) {
        super(message);
        this.encoding = encoding;
    }

    /**
     * Python's class name for this error.
     *
     * @return {@code "UnicodeEncodeError"} or {@code "UnicodeDecodeError"}
     */
    public String pythonName() {
        return encoding ? "UnicodeEncodeError" : "UnicodeDecodeError";
    }
}
