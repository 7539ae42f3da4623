package it.pecgateway.mailstore;

import java.time.Instant;

/**
 * A delivery to make.
 *
 * @param body        what to send
 * @param sender      SMTP reverse path
 * @param recipient   one SMTP forward path
 * @param purpose     the route chosen by the gateway (for example {@code local}, {@code relay-pec}), opaque here
 * @param reference   the transaction it belongs to (the PEC identificativo), opaque here
 * @param notBefore   first attempt time
 */
public record NewQueueEntry(BlobId body, String sender, String recipient, String purpose, String reference,
                            Instant notBefore) {
}
