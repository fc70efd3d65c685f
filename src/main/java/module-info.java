// SPDX-License-Identifier: Apache-2.0
/**
 * pysocket: CPython's {@code socket}, {@code select}, {@code selectors}, {@code ssl} and {@code socketserver}
 * modules for Java 22+,
 * over the Foreign Function and Memory API: the same names, results, exceptions, errno and
 * messages as CPython 3.11, on Linux x86-64 (glibc).
 *
 * <p>The module exports one package, {@link dev.pysocket}, the whole API; start at its
 * {@link dev.pysocket.socket socket} class ({@code import static dev.pysocket.socket.*}) and
 * read the package's description for the reading order through the sources. The packages it
 * does not export are the syscall layer ({@code dev.pysocket.syscall}) and the bindings
 * generated from the system headers ({@code dev.pysocket.bindings}).
 *
 * <p>It calls native code, so a program using it passes
 * {@code --enable-native-access=dev.pysocket} on the module path, or
 * {@code --enable-native-access=ALL-UNNAMED} on the class path (the jar manifest's
 * {@code Enable-Native-Access} counts only for {@code java -jar}). It requires {@code org.slf4j}
 * for one message: the ResourceWarning logged when a socket is garbage-collected while open;
 * and BouncyCastle's PKIX for {@code ssl}'s PEM keys.
 */
module dev.pysocket {
    requires org.slf4j;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.provider;
    exports dev.pysocket;
}
