package it.pecgateway.certs;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * The key material of one node, loaded and checked at start.
 *
 * @param trustAnchors the certificates clients and peers must trust: the development CA, or the top certificate of
 *                     each configured chain (TLS first); what {@code pki export-ca} prints
 * @param devPkiDir    the development PKI directory when one is in use
 */
public record KeyMaterial(SigningIdentity signing, TlsIdentity tls, List<X509Certificate> trustAnchors, Optional<Path> devPkiDir) {
    public KeyMaterial {
        trustAnchors = List.copyOf(trustAnchors);
    }

    /** The SHA-256 fingerprint of the first trust anchor, for the start log. */
    public String caFingerprint() {
        return Fingerprints.sha256Hex(trustAnchors.get(0));
    }
}
