package it.pecgateway.gateway.pec;

import it.pecgateway.certs.Fingerprints;
import it.pecgateway.certs.ProviderEntry;
import it.pecgateway.certs.ProvidersIndex;
import it.pecgateway.certs.SigningIdentity;
import it.pecgateway.config.ProviderConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The index as the gateway uses it: the loaded snapshot, plus our own entry when the file lacks it (a local index
 * copy before our accreditation, or a test index that lists only the peer). Our own envelopes must verify at our
 * own delivery point, and our domains are PEC domains whatever the file says.
 */
final class IndexWithSelf implements Supplier<ProvidersIndex> {
    private final Supplier<ProvidersIndex> loaded;
    private final ProviderEntry self;
    private ProvidersIndex lastLoaded;
    private ProvidersIndex lastMerged;

    IndexWithSelf(Supplier<ProvidersIndex> loaded, ProviderConfig provider, SigningIdentity signing) {
        this.loaded = loaded;
        this.self = new ProviderEntry(provider.name(), provider.serviceAddress(), Set.copyOf(provider.domains()),
                List.of(signing.certificate()), Set.of(Fingerprints.sha1Hex(signing.certificate())));
    }

    @Override
    public synchronized ProvidersIndex get() {
        ProvidersIndex current = loaded.get();
        if (current != lastLoaded) {
            lastLoaded = current;
            if (current.providerOfCertificate(self.certificates().get(0)).isPresent()) {
                lastMerged = current;
            } else {
                List<ProviderEntry> all = new ArrayList<>(current.providers().stream()
                        .filter(p -> p.managedDomains().stream().noneMatch(self.managedDomains()::contains)).toList());
                all.add(self);
                lastMerged = new ProvidersIndex(all);
            }
        }
        return lastMerged;
    }
}
