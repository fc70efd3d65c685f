// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import static dev.pysocket.bindings.posix_h.AF_INET;
import static dev.pysocket.bindings.posix_h.AF_INET6;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Certificates as CPython shows them (getpeercert()'s dict) and checks them (host names, cipher names). */
final class Certs {
    private Certs() {
    }

    /** OpenSSL's long names of the attributes CPython prints (others print as their dotted OID). */
    private static final Map<ASN1ObjectIdentifier, String> NAMES = Map.ofEntries(
            Map.entry(BCStyle.CN, "commonName"), Map.entry(BCStyle.C, "countryName"),
            Map.entry(BCStyle.ST, "stateOrProvinceName"), Map.entry(BCStyle.L, "localityName"),
            Map.entry(BCStyle.O, "organizationName"), Map.entry(BCStyle.OU, "organizationalUnitName"),
            Map.entry(BCStyle.E, "emailAddress"), Map.entry(BCStyle.DC, "domainComponent"),
            Map.entry(BCStyle.SERIALNUMBER, "serialNumber"), Map.entry(BCStyle.STREET, "streetAddress"),
            Map.entry(BCStyle.UID, "userId"), Map.entry(BCStyle.T, "title"),
            Map.entry(BCStyle.GIVENNAME, "givenName"), Map.entry(BCStyle.SURNAME, "surname"));

    /**
     * getpeercert()'s dict: subject, issuer, version, serialNumber, notBefore, notAfter and
     * subjectAltName, with CPython's shapes (tuples of RDNs of (name, value) pairs, OpenSSL's
     * dates, upper-case hex serial).
     */
    static Map<String, Object> decode(X509Certificate cert) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject", name(cert.getSubjectX500Principal().getEncoded()));
        m.put("issuer", name(cert.getIssuerX500Principal().getEncoded()));
        m.put("version", cert.getVersion());
        String serial = cert.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
        m.put("serialNumber", serial.length() % 2 == 0 ? serial : "0" + serial);
        m.put("notBefore", date(cert.getNotBefore()));
        m.put("notAfter", date(cert.getNotAfter()));
        List<Object[]> alt = new ArrayList<>();
        for (List<?> san : altNames(cert)) {
            int type = (Integer) san.get(0);
            String value = String.valueOf(san.get(1));
            switch (type) {
                case 1 -> alt.add(new Object[] {"email", value});
                case 2 -> alt.add(new Object[] {"DNS", value});
                case 6 -> alt.add(new Object[] {"URI", value});
                case 7 -> alt.add(new Object[] {"IP Address", value.toUpperCase(Locale.ROOT)});
                default -> { } // othername, X.400, directory and EDI names: rare, not shown
            }
        }
        if (!alt.isEmpty()) {
            m.put("subjectAltName", alt.toArray());
        }
        return m;
    }

    private static Object[] name(byte[] der) {
        RDN[] rdns = X500Name.getInstance(der).getRDNs();
        Object[] out = new Object[rdns.length];
        for (int i = 0; i < rdns.length; i++) {
            AttributeTypeAndValue[] atvs = rdns[i].getTypesAndValues();
            Object[] pairs = new Object[atvs.length];
            for (int j = 0; j < atvs.length; j++) {
                ASN1ObjectIdentifier oid = atvs[j].getType();
                pairs[j] = new Object[] {NAMES.getOrDefault(oid, oid.getId()),
                        IETFUtils.valueToString(atvs[j].getValue())};
            }
            out[i] = pairs;
        }
        return out;
    }

    /** OpenSSL's ASN1_TIME_print: {@code Jan  1 00:00:00 2020 GMT}. */
    private static String date(java.util.Date d) {
        return java.time.format.DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss yyyy 'GMT'", Locale.ROOT)
                .withZone(java.time.ZoneOffset.UTC).format(d.toInstant());
    }

    private static Collection<List<?>> altNames(X509Certificate cert) {
        try {
            Collection<List<?>> names = cert.getSubjectAlternativeNames();
            return names == null ? List.of() : names;
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    /** The address bytes of an IPv4 or IPv6 literal, or null for a host name. */
    static byte[] ip(String host) {
        for (int af : new int[] {AF_INET(), AF_INET6()}) {
            try {
                return Inet.inet_pton(af, host);
            } catch (OSError e) {
                // not of this family
            }
        }
        return null;
    }

    static boolean isIp(String host) {
        return ip(host) != null;
    }

    /**
     * OpenSSL's X509_check_host / X509_check_ip as CPython calls them: an IP address matches an
     * iPAddress entry; a name matches a dNSName entry (a wildcard only as the whole leftmost
     * label, never partial), or the commonName when there is no dNSName at all.
     */
    static boolean matchesHost(X509Certificate cert, String host) {
        byte[] ip = ip(host);
        boolean anyDns = false;
        for (List<?> san : altNames(cert)) {
            int type = (Integer) san.get(0);
            String value = String.valueOf(san.get(1));
            if (ip != null && type == 7 && Arrays.equals(ip, ip(value))) {
                return true;
            }
            if (type == 2) {
                anyDns = true;
                if (ip == null && dnsMatches(value, host)) {
                    return true;
                }
            }
        }
        if (ip != null || anyDns) {
            return false;
        }
        for (RDN rdn : X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN)) {
            if (dnsMatches(IETFUtils.valueToString(rdn.getFirst().getValue()), host)) {
                return true;
            }
        }
        return false;
    }

    private static boolean dnsMatches(String pattern, String host) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (p.startsWith("*.") && p.indexOf('.', 2) > 0) {
            int dot = h.indexOf('.');
            return dot > 0 && h.substring(dot + 1).equals(p.substring(2));
        }
        return p.equals(h);
    }

    /**
     * OpenSSL's name of a TLS 1.2 suite from its IANA name (TLS 1.3 names are the same):
     * {@code TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256} is {@code ECDHE-RSA-AES128-GCM-SHA256}.
     */
    static String openSslCipherName(String iana) {
        int with = iana.indexOf("_WITH_");
        if (with < 0) {
            return iana;
        }
        String kx = iana.substring(4, with);           // ECDHE_RSA, DHE_RSA, RSA, ECDHE_ECDSA
        String rest = iana.substring(with + 6);        // AES_128_GCM_SHA256, CHACHA20_POLY1305_SHA256
        StringBuilder sb = new StringBuilder();
        if (!kx.equals("RSA")) {
            sb.append(kx.replace('_', '-')).append('-');
        }
        if (rest.startsWith("CHACHA20_POLY1305")) {
            return sb.append("CHACHA20-POLY1305").toString();
        }
        String[] parts = rest.split("_");              // AES 128 GCM SHA256 / AES 256 CBC SHA
        sb.append(parts[0]).append(parts[1]);
        boolean aead = parts[2].equals("GCM") || parts[2].equals("CCM");
        if (aead) {
            sb.append('-').append(parts[2]);
        }
        if (parts.length > 3) {
            sb.append('-').append(parts[3]);
        }
        return sb.toString();
    }

    /** The secret bits of a suite's cipher, as OpenSSL counts them. */
    static int secretBits(String iana) {
        if (iana.contains("CHACHA20") || iana.contains("AES_256")) {
            return 256;
        }
        if (iana.contains("AES_128")) {
            return 128;
        }
        return iana.contains("3DES") ? 168 : 0;
    }
}
