package it.pecgateway.gateway.pec;

import it.pecgateway.gateway.relay.RecipientKind;
import java.util.Optional;

/** What a queue entry is for, as stored in {@code purpose}. */
enum QueuePurpose {
    /** A transport envelope for one of our mailboxes: through our delivery point. */
    LOCAL("local"),
    /** Anything for another PEC provider: SMTP with verified TLS. */
    RELAY_PEC("relay-pec"),
    /** Anything for an ordinary Internet address: plain SMTP relay, opportunistic TLS. */
    RELAY_ORDINARY("relay-ordinary");

    private final String wire;

    QueuePurpose(String wire) {
        this.wire = wire;
    }

    String wire() {
        return wire;
    }

    static QueuePurpose forKind(RecipientKind kind) {
        return switch (kind) {
            case LOCAL -> LOCAL;
            case PEC -> RELAY_PEC;
            case ORDINARY -> RELAY_ORDINARY;
        };
    }

    static Optional<QueuePurpose> of(String wire) {
        for (QueuePurpose p : values()) {
            if (p.wire.equals(wire)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
