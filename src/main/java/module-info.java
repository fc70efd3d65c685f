/**
 * pysocket: CPython's {@code socket}, {@code select}, {@code selectors}, {@code ssl} and {@code socketserver} modules over the
 * Foreign Function and Memory API. Start at {@link dev.pysocket.socket}.
 */
module dev.pysocket {
    requires org.slf4j;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.provider;
    exports dev.pysocket;
}
