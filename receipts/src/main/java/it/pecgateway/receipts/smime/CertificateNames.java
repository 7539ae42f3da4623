package it.pecgateway.receipts.smime;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Reads the e-mail addresses (subjectAltName rfc822Name) of a certificate. */
public final class CertificateNames {
    private static final int RFC822_NAME = 1;

    private CertificateNames() {
    }

    public static List<String> rfc822Names(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> entry : alternatives) {
                    if (entry.size() >= 2 && Integer.valueOf(RFC822_NAME).equals(entry.get(0))) {
                        names.add(String.valueOf(entry.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return List.of();
        }
        return names;
    }

    public static boolean hasAddress(X509Certificate certificate, String address) {
        return rfc822Names(certificate).stream().anyMatch(n -> n.equalsIgnoreCase(address));
    }
}
