/**
 * pysocket: CPython's {@code socket}, {@code select} and {@code selectors} modules over the
 * Foreign Function and Memory API. Start at {@link dev.pysocket.socket}.
 */
module dev.pysocket {
    requires org.slf4j;
    exports dev.pysocket;
}
