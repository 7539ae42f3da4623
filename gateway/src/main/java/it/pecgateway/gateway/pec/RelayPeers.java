package it.pecgateway.gateway.pec;

import it.pecgateway.certs.ProviderEntry;
import it.pecgateway.certs.ProvidersIndex;
import it.pecgateway.mailstore.QueueEntry;
import java.util.function.Supplier;

/**
 * The peer of a queue entry as a metrics label: the provider name from the providers index for a PEC domain, or
 * {@code local} / {@code ordinary}. A closed set, because the index is one; never an address.
 */
final class RelayPeers {
    private final Supplier<ProvidersIndex> index;

    RelayPeers(Supplier<ProvidersIndex> index) {
        this.index = index;
    }

    String of(QueueEntry entry) {
        return switch (QueuePurpose.of(entry.purpose()).orElse(QueuePurpose.RELAY_ORDINARY)) {
            case LOCAL -> PecMetrics.LOCAL_PEER;
            case RELAY_ORDINARY -> PecMetrics.ORDINARY_PEER;
            case RELAY_PEC -> index.get().providerOfDomain(entry.recipient().substring(entry.recipient().lastIndexOf('@') + 1))
                    .map(ProviderEntry::name).orElse(PecMetrics.UNKNOWN_PEER);
        };
    }
}
