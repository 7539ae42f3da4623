package it.pecgateway.receipts.smime;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of checking one S/MIME signature.
 *
 * @param valid           signature, certificate at the certified time, and trust all good
 * @param reason          why not valid (empty when valid)
 * @param signer          the signer certificate, when it could be found
 * @param digestAlgorithm e.g. SHA-1, SHA-256
 * @param signingTime     the CMS signingTime attribute
 * @param provider        the providers-index entry that owns the signer certificate
 * @param notes           facts that do not change the verdict: a certificate expired or revoked after the
 *                        certified time, a From domain outside the provider's managed domains
 */
public record SignatureReport(boolean valid, String reason, Optional<X509Certificate> signer, String digestAlgorithm,
        Optional<Instant> signingTime, Optional<String> provider, List<String> notes) {
    public SignatureReport {
        notes = List.copyOf(notes);
    }

    static SignatureReport invalid(String reason) {
        return new SignatureReport(false, reason, Optional.empty(), "", Optional.empty(), Optional.empty(), List.of());
    }

    SignatureReport failing(String why) {
        return new SignatureReport(false, why, signer, digestAlgorithm, signingTime, provider, notes);
    }
}
