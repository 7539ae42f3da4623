package it.pecgateway.receipts.smime;

import it.pecgateway.certs.ProviderEntry;
import it.pecgateway.certs.ProvidersIndex;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * Whom signatures are checked against.
 *
 * @param index             the providers index (digest 3): a signer listed there (SHA-1 hash and equal certificate)
 *                          is a PEC provider and trusted as such
 * @param anchors           further trusted certificates (a root, or an intermediate such as AgID CA1): a signer that
 *                          chains to one of them, with the certificates embedded in the CMS as intermediates, is trusted
 * @param crls              revocation lists already fetched and cached by the caller (receipts never goes online)
 * @param requireIndexEntry true at the incoming point: only a provider of the index may sign PEC messages (digest 9.3)
 */
public record TrustPolicy(ProvidersIndex index, List<X509Certificate> anchors, List<X509CRL> crls,
        boolean requireIndexEntry) {
    public TrustPolicy {
        Objects.requireNonNull(index, "index");
        anchors = List.copyOf(anchors);
        crls = List.copyOf(crls);
    }

    /** The incoming point's rule: the signer must be in the index. */
    public static TrustPolicy providers(ProvidersIndex index) {
        return new TrustPolicy(index, List.of(), List.of(), true);
    }

    /** A verifier outside the PEC network (the {@code verify} command): trust these certificates. */
    public static TrustPolicy anchors(List<X509Certificate> anchors) {
        return new TrustPolicy(ProvidersIndex.empty(), anchors, List.of(), false);
    }

    public java.util.Optional<ProviderEntry> providerOf(X509Certificate signer) {
        return index.providerOfCertificate(signer);
    }
}
