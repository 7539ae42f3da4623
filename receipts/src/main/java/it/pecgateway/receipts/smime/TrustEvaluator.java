package it.pecgateway.receipts.smime;

import it.pecgateway.certs.Fingerprints;
import it.pecgateway.certs.ProviderEntry;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a signer certificate is trusted at the certified time (digest 9.3 checks 2 and 3): known to the
 * providers index by its SHA-1 hash, or chained to a trust anchor; valid at that time; not revoked before it.
 */
final class TrustEvaluator {
    private final TrustPolicy policy;

    TrustEvaluator(TrustPolicy policy) {
        this.policy = policy;
    }

    /** Empty when trusted; otherwise the reason. */
    Optional<String> problem(X509Certificate signer, List<X509Certificate> embedded, Instant at) {
        Optional<ProviderEntry> provider = policy.providerOf(signer);
        if (provider.isEmpty() && policy.requireIndexEntry()) {
            return Optional.of("signer certificate (SHA-1 " + Fingerprints.sha1Hex(signer)
                    + ") is not in the providers index");
        }
        try {
            signer.checkValidity(Date.from(at));
        } catch (GeneralSecurityException e) {
            return Optional.of("signer certificate was not valid at the certified time " + at + " (valid "
                    + signer.getNotBefore().toInstant() + " to " + signer.getNotAfter().toInstant() + ")");
        }
        Optional<X509CRLEntry> revoked = revocation(signer, embedded);
        if (revoked.isPresent() && !revoked.get().getRevocationDate().toInstant().isAfter(at)) {
            return Optional.of("signer certificate was revoked on " + revoked.get().getRevocationDate().toInstant()
                    + ", before the certified time");
        }
        if (provider.isPresent()) {
            return Optional.empty();
        }
        if (policy.anchors().isEmpty()) {
            return Optional.of("signer is not in the providers index and no trusted certificate was given");
        }
        return chainProblem(signer, embedded, at);
    }

    /**
     * A revocation entry for the signer in a CRL signed by the signer's issuer (found among the embedded
     * certificates and the anchors); a CRL whose signature does not verify is ignored.
     */
    Optional<X509CRLEntry> revocation(X509Certificate signer, List<X509Certificate> embedded) {
        List<X509Certificate> issuers = new ArrayList<>(embedded);
        issuers.addAll(policy.anchors());
        for (X509CRL crl : policy.crls()) {
            X509CRLEntry entry = crl.getRevokedCertificate(signer);
            if (entry != null && crl.getIssuerX500Principal().equals(signer.getIssuerX500Principal())
                    && signedByOneOf(crl, issuers)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    private static boolean signedByOneOf(X509CRL crl, List<X509Certificate> issuers) {
        for (X509Certificate issuer : issuers) {
            if (issuer.getSubjectX500Principal().equals(crl.getIssuerX500Principal())) {
                try {
                    crl.verify(issuer.getPublicKey());
                    return true;
                } catch (GeneralSecurityException e) {
                    // another issue of the same CA may have signed it; keep looking
                }
            }
        }
        return false;
    }

    private Optional<String> chainProblem(X509Certificate signer, List<X509Certificate> embedded, Instant at) {
        for (X509Certificate anchor : policy.anchors()) {
            if (anchor.equals(signer)) {
                return Optional.empty();
            }
        }
        try {
            Set<TrustAnchor> anchors = new HashSet<>();
            policy.anchors().forEach(a -> anchors.add(new TrustAnchor(a, null)));
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(at));
            List<X509Certificate> pool = new ArrayList<>(embedded);
            pool.add(signer);
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
            CertPathBuilder.getInstance("PKIX").build(params);
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            return Optional.of("no valid chain to a trusted certificate at " + at + ": " + e.getMessage());
        }
    }
}
