// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.util.List;

/**
 * The result of {@code gethostbyname_ex()} and {@code gethostbyaddr()}: Python's
 * {@code (hostname, aliaslist, ipaddrlist)}.
 *
 * @param hostname   the host's primary name
 * @param aliaslist  its other names, possibly empty
 * @param ipaddrlist its addresses, as text
 */
public record HostEntry(String hostname, List<String> aliaslist, List<String> ipaddrlist) {
    @Override
    public String toString() {
        return Py.tuple(hostname, aliaslist, ipaddrlist);
    }
}
