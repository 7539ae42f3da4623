package it.pecgateway.certs;

import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of the providers index: which domains are PEC, who manages them, and which signing
 * certificates are trusted. Lookups are case-insensitive (digest 3.3 and conflict 13). A reloadable holder swaps
 * whole snapshots atomically; this class never changes.
 */
public final class ProvidersIndex {
    private final List<ProviderEntry> providers;
    private final Map<String, ProviderEntry> byDomain = new HashMap<>();
    private final Map<String, ProviderEntry> byCertificateHash = new HashMap<>();

    public ProvidersIndex(List<ProviderEntry> providers) {
        this.providers = List.copyOf(providers);
        for (ProviderEntry p : this.providers) {
            p.managedDomains().forEach(d -> byDomain.put(d, p));
            p.certificateHashes().forEach(h -> byCertificateHash.put(h, p));
        }
    }

    public static ProvidersIndex empty() {
        return new ProvidersIndex(List.of());
    }

    public List<ProviderEntry> providers() {
        return providers;
    }

    /** The provider managing a PEC domain; empty for an ordinary ("esterno") domain. */
    public Optional<ProviderEntry> providerOfDomain(String domain) {
        return Optional.ofNullable(byDomain.get(domain.toLowerCase(Locale.ROOT)));
    }

    public boolean isPecDomain(String domain) {
        return byDomain.containsKey(domain.toLowerCase(Locale.ROOT));
    }

    /** Lookup by the hex SHA-1 of the DER certificate, in any case. */
    public Optional<ProviderEntry> providerOfCertificateHash(String sha1Hex) {
        return Optional.ofNullable(byCertificateHash.get(sha1Hex.toUpperCase(Locale.ROOT)));
    }

    /**
     * The entry owning this exact certificate: its hash is listed and the certificate equals one of the
     * entry's {@code providerCertificate} values (digest 9.3 check 2).
     */
    public Optional<ProviderEntry> providerOfCertificate(X509Certificate certificate) {
        return providerOfCertificateHash(Fingerprints.sha1Hex(certificate))
                .filter(p -> p.certificates().contains(certificate));
    }
}
