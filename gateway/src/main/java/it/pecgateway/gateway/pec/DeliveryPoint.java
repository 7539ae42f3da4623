package it.pecgateway.gateway.pec;

import it.pecgateway.gateway.relay.RecipientClassifier;
import it.pecgateway.gateway.relay.RecipientKind;
import it.pecgateway.mailstore.BlobId;
import it.pecgateway.mailstore.BodySource;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.Messages;
import it.pecgateway.mailstore.StoreSession;
import it.pecgateway.receipts.ByteSource;
import it.pecgateway.receipts.DeliveryError;
import it.pecgateway.receipts.Emitted;
import it.pecgateway.receipts.PecMessages;
import it.pecgateway.receipts.Transaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The delivery point (digest 9.4) for a verified transport envelope: the envelope is stored unmodified in each
 * recipient's INBOX and one delivery receipt per recipient goes back to the sender, in the form the request and
 * To/Cc call for; a recipient that cannot take it gets a non-delivery notice with the section 11 codes instead.
 * {@link #prepare} judges and signs outside any transaction; {@link #commit} writes inside the caller's one, and
 * claims each (identificativo, recipient) once, so a retry after a crash never makes a second receipt.
 */
final class DeliveryPoint {
    private final MailStore store;
    private final PecMessages pec;
    private final RecipientClassifier classifier;
    private final Outbox outbox;
    private final ArrivalNotices notices;
    private final String serviceAddress;

    DeliveryPoint(MailStore store, PecMessages pec, RecipientClassifier classifier, ArrivalNotices notices, String serviceAddress) {
        this.store = store;
        this.pec = pec;
        this.classifier = classifier;
        this.outbox = new Outbox(classifier);
        this.notices = notices;
        this.serviceAddress = serviceAddress;
    }

    /** One recipient's outcome with its signed receipt or notice. */
    /** @param message the signed receipt or notice, already stored */
    record Outcome(String recipient, Optional<Mailbox> mailbox, Optional<DeliveryError> error, BlobId message, String messageId) {
    }

    /** @param envelope the envelope as stored, when at least one recipient takes it */
    record Plan(Transaction transaction, Optional<BlobId> envelope, List<Outcome> outcomes) {
    }

    Plan prepare(Transaction t, ByteSource envelope, ByteSource postacert, List<String> recipients) throws IOException {
        return prepare(t, envelope, Optional.empty(), postacert, recipients);
    }

    /** @param stored the envelope's body when the store holds it already (our own queued envelope) */
    Plan prepare(Transaction t, ByteSource envelope, Optional<BlobId> stored, ByteSource postacert, List<String> recipients)
            throws IOException {
        List<Outcome> outcomes = new ArrayList<>();
        for (String recipient : recipients) {
            Optional<Mailbox> mailbox = store.accounts().find(recipient);
            Optional<DeliveryError> error = judge(mailbox, envelope.size(), t.time().instant());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Emitted emitted = error.isPresent()
                    ? pec.nonDelivery(t, recipient, error.get(), out)
                    : pec.delivery(t, recipient, Optional.of(postacert), out);
            outcomes.add(new Outcome(recipient, mailbox, error, store.blobs().put(BodySource.of(out.toByteArray())),
                    emitted.messageId()));
        }
        boolean anyDelivered = outcomes.stream().anyMatch(o -> o.error().isEmpty());
        Optional<BlobId> body = !anyDelivered ? Optional.empty()
                : stored.isPresent() ? stored : Optional.of(store.blobs().put(AccessPoint.bodyOf(envelope)));
        return new Plan(t, body, outcomes);
    }

    private Optional<DeliveryError> judge(Optional<Mailbox> mailbox, long size, Instant now) {
        if (mailbox.isEmpty()) {
            return Optional.of(DeliveryError.NO_SUCH_MAILBOX);
        }
        if (!mailbox.get().isUsableAt(now)) {
            return Optional.of(DeliveryError.MAILBOX_DISABLED);
        }
        Messages.QuotaUsage quota = store.messages().quota(mailbox.get().id());
        if (quota.limitBytes() > 0 && quota.usedBytes() + size > quota.limitBytes()) {
            return Optional.of(DeliveryError.MAILBOX_FULL);
        }
        return Optional.empty();
    }

    /**
     * @return the receipts and notices written by this call (claimed now, not by an earlier attempt), for the
     *         caller to count once its transaction has committed
     */
    List<PecMetrics.Kind> commit(StoreSession tx, Plan plan) {
        Transaction t = plan.transaction();
        Instant now = t.time().instant();
        List<PecMetrics.Kind> written = new ArrayList<>();
        for (Outcome o : plan.outcomes()) {
            if (!tx.claimOnce("consegna:" + t.identificativo() + ":" + o.recipient())) {
                continue;
            }
            if (o.error().isEmpty()) {
                tx.messages().append(Outbox.inbox(tx, o.mailbox().get()).id(), plan.envelope().orElseThrow(), Set.of(), now);
                notices.queue(tx, o.mailbox().get(), t.sender(), t.subject().orElse(""), now);
            }
            outbox.send(tx, o.message(), serviceAddress, t.sender(), t.identificativo(), now);
            if (classifier.classify(t.sender()) == RecipientKind.LOCAL) {
                // same provider: no other provider's receipt will come back to close the timers
                if (o.error().isEmpty()) {
                    tx.tracking().markDelivered(t.identificativo(), o.recipient(), now);
                } else {
                    tx.tracking().markFailed(t.identificativo(), o.recipient(), now);
                }
            }
            tx.legalLog().append(AccessPoint.event(t, o.error().isEmpty() ? "consegna" : "mancata-consegna",
                    List.of(o.messageId()), o.error().map(e -> e.erroreEsteso("") + " " + o.recipient())));
            written.add(o.error().isEmpty() ? PecMetrics.Kind.DELIVERY : PecMetrics.Kind.NON_DELIVERY);
        }
        return written;
    }
}
