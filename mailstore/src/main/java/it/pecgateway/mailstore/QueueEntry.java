package it.pecgateway.mailstore;

import java.time.Instant;
import java.util.Optional;

/** An entry of the outbound queue as stored. */
public record QueueEntry(
        long id,
        BlobId body,
        String sender,
        String recipient,
        String purpose,
        String reference,
        State state,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Optional<String> lastError) {

    public enum State { PENDING, LEASED, DONE, FAILED }
}
