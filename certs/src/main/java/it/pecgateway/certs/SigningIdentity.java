package it.pecgateway.certs;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The provider's signing key with its certificate: what signs every envelope, receipt and notice.
 *
 * @param certificate the signing certificate; its rfc822Name is the provider service address
 * @param chain       the issuing certificates above it (leaf excluded), embedded in the CMS so that peers can
 *                    build the path; may be empty
 */
public record SigningIdentity(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain) {
    public SigningIdentity {
        chain = List.copyOf(chain);
    }
}
