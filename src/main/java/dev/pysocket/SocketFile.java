package dev.pysocket;

/** STUB (being written): makefile(). */
final class SocketFile {
    private SocketFile() {
    }

    static <T extends java.io.Closeable> T open(SocketType sock, String mode) throws OSError {
        throw new UnsupportedOperationException();
    }
}
