package dev.pysocket;

import java.util.List;

/**
 * The result of {@code gethostbyname_ex()} and {@code gethostbyaddr()}: Python's
 * {@code (hostname, aliaslist, ipaddrlist)}.
 */
public record HostEntry(String hostname, List<String> aliaslist, List<String> ipaddrlist) {
    @Override
    public String toString() {
        return Py.tuple(hostname, aliaslist, ipaddrlist);
    }
}
