package it.pecgateway.certs;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;

/**
 * Writes provider entries as LDIF of the RFC 6109 schema: what an operator publishes for this provider, and how
 * tests build the index of a peer. Values that are not safe LDIF strings are base64 ({@code ::}); lines are folded
 * at 76 columns.
 */
public final class ProvidersIndexLdifWriter {
    private static final int WIDTH = 76;

    private ProvidersIndexLdifWriter() {
    }

    public static String write(List<ProviderEntry> providers) {
        StringBuilder out = new StringBuilder("version: 1\n\n");
        out.append("dn: o=postacert\nobjectClass: top\nobjectClass: organization\no: postacert\n");
        for (ProviderEntry p : providers) {
            out.append('\n');
            attribute(out, "dn", ("providerName=" + escapeDnValue(p.name()) + ",o=postacert").getBytes(StandardCharsets.UTF_8));
            text(out, "objectClass", "top");
            text(out, "objectClass", "provider");
            text(out, "providerName", p.name());
            text(out, "mailReceipt", p.mailReceipt());
            for (String domain : new TreeSet<>(p.managedDomains())) {
                text(out, "managedDomains", domain);
            }
            for (X509Certificate certificate : p.certificates()) {
                text(out, "providerCertificateHash", Fingerprints.sha1Hex(certificate));
                try {
                    base64(out, "providerCertificate;binary", certificate.getEncoded());
                } catch (CertificateEncodingException e) {
                    throw new IllegalArgumentException("certificate cannot be encoded", e);
                }
            }
        }
        return out.toString();
    }

    private static void text(StringBuilder out, String name, String value) {
        attribute(out, name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void attribute(StringBuilder out, String name, byte[] value) {
        if (isSafe(value)) {
            fold(out, name + ": " + new String(value, StandardCharsets.US_ASCII));
        } else {
            base64(out, name, value);
        }
    }

    private static void base64(StringBuilder out, String name, byte[] value) {
        fold(out, name + ":: " + Base64.getEncoder().encodeToString(value));
    }

    /** RFC 2849 SAFE-STRING: ASCII without NUL, CR, LF; not starting with space, colon or '<'. */
    private static boolean isSafe(byte[] value) {
        if (value.length == 0) {
            return true;
        }
        if (value[0] == ' ' || value[0] == ':' || value[0] == '<' || value[value.length - 1] == ' ') {
            return false;
        }
        for (byte b : value) {
            if (b <= 0 || b == '\r' || b == '\n') {
                return false;
            }
        }
        return true;
    }

    private static void fold(StringBuilder out, String line) {
        out.append(line, 0, Math.min(WIDTH, line.length())).append('\n');
        for (int i = WIDTH; i < line.length(); i += WIDTH - 1) {
            out.append(' ').append(line, i, Math.min(i + WIDTH - 1, line.length())).append('\n');
        }
    }

    private static String escapeDnValue(String value) {
        StringBuilder escaped = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (",+\"\\<>;=".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
