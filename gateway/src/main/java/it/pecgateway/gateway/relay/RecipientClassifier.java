package it.pecgateway.gateway.relay;

import it.pecgateway.certs.ProvidersIndex;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Types a recipient address: ours, PEC elsewhere (index lookup, case-insensitive), or ordinary. */
public final class RecipientClassifier {
    private final Predicate<String> ourDomain;
    private final Supplier<ProvidersIndex> index;

    public RecipientClassifier(Predicate<String> ourDomain, Supplier<ProvidersIndex> index) {
        this.ourDomain = ourDomain;
        this.index = index;
    }

    public RecipientKind classify(String address) {
        String domain = address.substring(address.lastIndexOf('@') + 1);
        if (ourDomain.test(domain)) {
            return RecipientKind.LOCAL;
        }
        return index.get().isPecDomain(domain) ? RecipientKind.PEC : RecipientKind.ORDINARY;
    }

    /** Certified in the sense of daticert {@code destinatari tipo}: ours or another provider's PEC domain. */
    public boolean isCertified(String address) {
        return classify(address) != RecipientKind.ORDINARY;
    }
}
