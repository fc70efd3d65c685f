// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLException;

/** The JDK's TLS failures as CPython's exceptions, with OpenSSL's reason mnemonics and texts. */
final class SslErrors {
    private SslErrors() {
    }

    /** The alerts of SSLv3 (OpenSSL names them SSLV3_ALERT_*); the later ones are TLSV1_ALERT_*. */
    private static final Set<String> SSLV3_ALERTS = Set.of("unexpected_message", "bad_record_mac",
            "decompression_failure", "handshake_failure", "no_certificate", "bad_certificate",
            "unsupported_certificate", "certificate_revoked", "certificate_expired", "certificate_unknown",
            "illegal_parameter");

    private static final java.util.regex.Pattern ALERT =
            java.util.regex.Pattern.compile("(?:RecvFrom fatal alert: |Level: fatal; Alert: )(\\w+)");

    static OSError map(SSLException e, int line) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLContext.VerifyFailure v) {
                return new SSLCertVerificationError(v.code, v.text);
            }
        }
        String msg = String.valueOf(e.getMessage());
        String alert = null;
        for (Throwable t = e; t != null && alert == null; t = t.getCause()) {
            // "Received fatal alert: bad_certificate", or, for an alert sent before encryption
            // began, "Unexpected plaintext alert received: Level: fatal; Alert: bad_certificate"
            java.util.regex.Matcher m = ALERT.matcher(String.valueOf(t.getMessage()));
            alert = m.find() ? m.group(1) : null;
        }
        String reason;
        if (alert != null) {
            reason = (alert.equals("certificate_required") || alert.equals("missing_extension") ? "TLSV13_ALERT_"
                    : SSLV3_ALERTS.contains(alert) ? "SSLV3_ALERT_" : "TLSV1_ALERT_") + alert.toUpperCase(Locale.ROOT);
        } else if (msg.contains("Unsupported or unrecognized SSL message")) {
            reason = "WRONG_VERSION_NUMBER";
        } else if (msg.contains("No appropriate protocol") || msg.contains("not enabled or supported")
                || msg.contains("protocol is disabled")) {
            reason = "UNSUPPORTED_PROTOCOL";
        } else if (msg.contains("no cipher suites in common")) {
            reason = "NO_SHARED_CIPHER";
        } else if (msg.contains("Empty client certificate chain") || msg.contains("Empty server certificate chain")) {
            reason = "PEER_DID_NOT_RETURN_A_CERTIFICATE";
        } else if (msg.contains("No available authentication scheme") || msg.contains("No available certificate")) {
            reason = "NO_SHARED_CIPHER";
        } else {
            // no OpenSSL reason fits: the JDK's own words, in OpenSSL's shape without a mnemonic
            return new SSLError(1, "[SSL] " + msg + " (_ssl.c:" + line + ")", null, "SSL");
        }
        String text = reason.toLowerCase(Locale.ROOT).replace('_', ' ');
        return new SSLError(1, "[SSL: " + reason + "] " + text + " (_ssl.c:" + line + ")", reason, "SSL");
    }
}
