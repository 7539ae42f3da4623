package it.pecgateway.mailstore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One event of the legal log (digest 9.9).
 *
 * @param identificativo     the transaction (PEC msgid)
 * @param time               the transaction's single time value
 * @param eventType          for example {@code accettazione}, {@code consegna}; closed vocabulary of the gateway
 * @param relatedMessageIds  Message-IDs of the receipts and notices generated
 * @param peerProvider       the other provider, when there is one
 * <p>Recipients and related message ids must be non-empty and hold no line break (INVALID otherwise); the
 * time is kept to the millisecond.
 */
public record LogEvent(
        String identificativo,
        Instant time,
        String eventType,
        String sender,
        List<String> recipients,
        String subject,
        List<String> relatedMessageIds,
        Optional<String> peerProvider,
        Optional<String> detail) {

    public LogEvent {
        recipients = List.copyOf(recipients);
        relatedMessageIds = List.copyOf(relatedMessageIds);
    }
}
