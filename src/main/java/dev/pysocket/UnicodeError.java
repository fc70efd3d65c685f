// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

/**
 * Python's {@code UnicodeError}, {@code UnicodeEncodeError} and {@code UnicodeDecodeError} (subclasses of
 * ValueError, as in Python): text that the codec cannot convert under the {@code 'strict'} error handler. The
 * class name Python prints is {@link #pythonName()}; the message is CPython's, e.g.
 * {@code 'utf-8' codec can't encode character '\udc80' in position 0: surrogates not allowed}.
 */
public class UnicodeError extends ValueError {
    /** The class name Python prints. */
    private final String pythonName;

    /**
     * A codec error.
     *
     * @param encoding true for Python's UnicodeEncodeError, false for UnicodeDecodeError
     * @param message  CPython's message
     */
    public UnicodeError(boolean encoding, String message) {
        super(message);
        this.pythonName = encoding ? "UnicodeEncodeError" : "UnicodeDecodeError";
    }

    /**
     * Python's plain {@code UnicodeError}, which the "idna" codec raises, e.g.
     * {@code encoding with 'idna' codec failed (UnicodeError: label empty or too long)}.
     *
     * @param message CPython's message
     */
    public UnicodeError(String message) {
        super(message);
        this.pythonName = "UnicodeError";
    }

    /**
     * Python's class name for this error.
     *
     * @return {@code "UnicodeEncodeError"}, {@code "UnicodeDecodeError"} or {@code "UnicodeError"}
     */
    public String pythonName() {
        return pythonName;
    }
}
