/**
 * pysocket: CPython's {@code socket}, {@code select} and {@code selectors} modules over the
 * Foreign Function and Memory API.
 */
module dev.pysocket {
    requires org.slf4j;
    exports dev.pysocket;
    exports dev.pysocket.examples;
}
