package it.pecgateway.certs;

import it.pecgateway.config.ProviderConfig;
import java.util.List;
import java.util.Set;

/**
 * The providers index used when no index file is configured: this provider alone, so that our own domains are PEC
 * domains and our own signature is trusted (development, single-provider tests).
 */
public final class SelfProvidersIndex {
    private SelfProvidersIndex() {
    }

    public static ProvidersIndex of(ProviderConfig provider, SigningIdentity signing) {
        ProviderEntry self = new ProviderEntry(provider.name(), provider.serviceAddress(), Set.copyOf(provider.domains()),
                List.of(signing.certificate()), Set.of(Fingerprints.sha1Hex(signing.certificate())));
        return new ProvidersIndex(List.of(self));
    }
}
