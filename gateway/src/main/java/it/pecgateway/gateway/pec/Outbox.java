package it.pecgateway.gateway.pec;

import it.pecgateway.gateway.relay.RecipientClassifier;
import it.pecgateway.gateway.relay.RecipientKind;
import it.pecgateway.mailstore.BlobId;
import it.pecgateway.mailstore.BodySource;
import it.pecgateway.mailstore.Folder;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.NewQueueEntry;
import it.pecgateway.mailstore.StoreSession;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a message we made (receipt, notice, envelope) on its way, inside the caller's store transaction: into the
 * INBOX of a local mailbox at once, or into the outbound queue for another provider or the Internet.
 */
final class Outbox {
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final RecipientClassifier classifier;

    Outbox(RecipientClassifier classifier) {
        this.classifier = classifier;
    }

    /** @return true when stored or queued; false when a local mailbox does not exist (logged) */
    boolean send(StoreSession tx, BodySource message, String sender, String recipient, String reference, Instant now) {
        return send(tx, tx.blobs().put(message), sender, recipient, reference, now);
    }

    /**
     * The same with a body already stored: callers put bodies before the transaction (each put syncs its file,
     * and outside the transaction those syncs run in parallel instead of one after another on the store's writer).
     */
    boolean send(StoreSession tx, BlobId message, String sender, String recipient, String reference, Instant now) {
        RecipientKind kind = classifier.classify(recipient);
        if (kind == RecipientKind.LOCAL) {
            Optional<Mailbox> mailbox = tx.accounts().find(recipient);
            if (mailbox.isEmpty()) {
                log.warn("no local mailbox {} for a message of transaction {}", recipient, reference);
                return false;
            }
            tx.messages().append(inbox(tx, mailbox.get()).id(), message, Set.of(), now);
            return true;
        }
        tx.queue().enqueue(new NewQueueEntry(message, sender, recipient, QueuePurpose.forKind(kind).wire(), reference, now));
        return true;
    }

    static Folder inbox(StoreSession tx, Mailbox mailbox) {
        return tx.folders().find(mailbox.id(), "INBOX")
                .orElseThrow(() -> new IllegalStateException("mailbox " + mailbox.address() + " has no INBOX"));
    }
}
