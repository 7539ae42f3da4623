package it.pecgateway.gateway.ops;

import it.pecgateway.mailstore.LogEvent;
import it.pecgateway.mailstore.StoreSession;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes administration and self-service events into the legal log, in the caller's transaction: the actor as
 * sender, the mailbox (or token name) as recipient, a detail for people. Never a secret: no password, token, link
 * or code reaches the detail. Each event gets its own identificativo {@code gestione.<millis>.<hex>@<service domain>}
 * (it is no PEC transaction), so an extract by address finds it.
 */
public final class OpsLog {
    private final String serviceDomain;

    public OpsLog(String serviceAddress) {
        this.serviceDomain = serviceAddress.substring(serviceAddress.indexOf('@') + 1);
    }

    public void record(StoreSession tx, Instant at, Actor actor, OpsEvent event, String subject, String detail) {
        byte[] random = new byte[6];
        ThreadLocalRandom.current().nextBytes(random);
        String id = "gestione." + at.toEpochMilli() + "." + HexFormat.of().formatHex(random) + "@" + serviceDomain;
        tx.legalLog().append(new LogEvent(id, at, event.wire(), actor.describe(), List.of(subject), "", List.of(),
                Optional.empty(), detail.isEmpty() ? Optional.empty() : Optional.of(detail.replaceAll("[\\r\\n]+", " "))));
    }
}
