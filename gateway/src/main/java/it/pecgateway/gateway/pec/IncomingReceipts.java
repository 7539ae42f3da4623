package it.pecgateway.gateway.pec;

import it.pecgateway.gateway.relay.RecipientClassifier;
import it.pecgateway.gateway.smtp.SmtpReplies;
import it.pecgateway.gateway.smtp.SmtpReply;
import it.pecgateway.mailstore.BodySource;
import it.pecgateway.mailstore.DeliveryTracking;
import it.pecgateway.mailstore.LogEvent;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.StoreSession;
import it.pecgateway.receipts.ByteSource;
import it.pecgateway.receipts.CertifiedTime;
import it.pecgateway.receipts.PecMessages;
import it.pecgateway.receipts.Transaction;
import it.pecgateway.receipts.daticert.Daticert;
import it.pecgateway.receipts.read.Classification;
import it.pecgateway.receipts.read.ReceiptKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A verified receipt or notice for us (digest 9.3, 9.4, 9.5): stored as-is in the addressed mailbox (our service
 * mailbox for take-in-charge and virus-detection notices), and the sender side's tracking updated, which is what
 * stops the 12 h / 24 h timers. A virus-detection notice also makes the non-delivery-for-virus notice to our user
 * (digest 5.10). Never a receipt for a receipt.
 */
final class IncomingReceipts {
    private static final Logger log = LoggerFactory.getLogger(IncomingReceipts.class);

    private final MailStore store;
    private final PecMessages pec;
    private final Outbox outbox;
    private final String serviceAddress;
    private final PecMetrics metrics;

    IncomingReceipts(MailStore store, PecMessages pec, RecipientClassifier classifier, String serviceAddress,
                     PecMetrics metrics) {
        this.store = store;
        this.pec = pec;
        this.outbox = new Outbox(classifier);
        this.serviceAddress = serviceAddress;
        this.metrics = metrics;
    }

    SmtpReply handle(Classification.Receipt r, ByteSource message, List<String> recipients) throws IOException {
        if (noMailboxFor(recipients)) {
            return SmtpReplies.MAILBOX_UNKNOWN;
        }
        Daticert d = r.daticert();
        CertifiedTime now = pec.now();
        Optional<byte[]> virusNotice = r.kind() == ReceiptKind.VIRUS_DETECTION ? virusNotice(d, now) : Optional.empty();
        String key = "ricevuta:" + r.headers().messageId().orElse(d.identificativo() + "/" + d.tipo().value()) + ":" + recipients;
        it.pecgateway.mailstore.BlobId blob = store.blobs().put(AccessPoint.bodyOf(message));
        boolean claimed = store.inTransaction(tx -> {
            if (!tx.claimOnce(key)) {
                return false;
            }
            deliver(tx, blob, recipients, now.instant());
            track(tx.tracking(), r.kind(), d, now.instant());
            virusNotice.ifPresent(n -> outbox.send(tx, BodySource.of(n), serviceAddress, d.mittente(), d.identificativo(), now.instant()));
            tx.legalLog().append(new LogEvent(d.identificativo(), now.instant(), "ricezione-" + d.tipo().value(), d.mittente(),
                    recipients, d.oggetto().orElse(""), r.headers().messageId().map(List::of).orElse(List.of()),
                    Optional.of(d.gestoreEmittente()), d.consegna()));
            return true;
        });
        if (claimed && virusNotice.isPresent()) {
            metrics.message(PecMetrics.Kind.NON_DELIVERY_VIRUS, PecMetrics.Direction.EMITTED);
        }
        return SmtpReplies.ACCEPTED;
    }

    /**
     * A verified anomaly envelope from another provider: delivered as it is, nothing else; once per Message-ID and
     * recipients, like receipts, so that a peer's resend (its 250 lost) is not a second copy.
     */
    SmtpReply storeAsIs(Classification.AnomalyEnvelope a, ByteSource message, List<String> recipients) {
        if (noMailboxFor(recipients)) {
            return SmtpReplies.MAILBOX_UNKNOWN;
        }
        Optional<String> key = a.headers().messageId().map(id -> "anomalia:" + id + ":" + recipients);
        Instant now = pec.now().instant();
        it.pecgateway.mailstore.BlobId blob = store.blobs().put(AccessPoint.bodyOf(message));
        store.inTransaction(tx -> {
            if (key.isEmpty() || tx.claimOnce(key.get())) {
                deliver(tx, blob, recipients, now);
            }
            return null;
        });
        return SmtpReplies.ACCEPTED;
    }

    /**
     * Port 25 takes RCPT for any address of a hosted domain; when none of them is a mailbox, the peer hears so
     * (plain SMTP behaviour, digest 9.4) instead of a 250 for a message nobody gets. With some known, one reply
     * covers all and the unknown ones are logged, as for ordinary mail.
     */
    private boolean noMailboxFor(List<String> recipients) {
        return recipients.stream().noneMatch(r -> store.accounts().find(r).isPresent());
    }

    private void deliver(StoreSession tx, it.pecgateway.mailstore.BlobId body, List<String> recipients, Instant now) {
        for (String recipient : recipients) {
            Optional<Mailbox> mailbox = tx.accounts().find(recipient);
            if (mailbox.isEmpty()) {
                log.warn("a PEC receipt for {} has no mailbox to go to", recipient);
                continue;
            }
            tx.messages().append(Outbox.inbox(tx, mailbox.get()).id(), body, Set.of(), now);
        }
    }

    /**
     * Only pairs we track are marked: a receipt for a transaction we never sent, or one whose tracking the retention
     * removed, is still delivered to its addressee (digest 9.3), it just closes no timer.
     */
    private static void track(DeliveryTracking tracking, ReceiptKind kind, Daticert d, Instant now) {
        Set<String> tracked = tracking.forReference(d.identificativo()).stream().map(DeliveryTracking.Tracked::recipient)
                .collect(Collectors.toSet());
        List<String> covered = switch (kind) {
            case TAKE_IN_CHARGE -> d.ricezione();
            case DELIVERY_COMPLETE, DELIVERY_BRIEF, DELIVERY_CONCISE, NON_DELIVERY, NON_DELIVERY_VIRUS, VIRUS_DETECTION ->
                    d.consegna().map(List::of).orElse(List.of());
            default -> List.of(); // acceptance, non-acceptance and timeout notices come only from ourselves to our users
        };
        for (String address : covered) {
            String recipient = address.toLowerCase(Locale.ROOT);
            if (!tracked.contains(recipient)) {
                log.info("{} for {} of {}: not a delivery we track", d.tipo().value(), recipient, d.identificativo());
                continue;
            }
            switch (kind) {
                case TAKE_IN_CHARGE -> tracking.markTakenInCharge(d.identificativo(), recipient, now);
                case DELIVERY_COMPLETE, DELIVERY_BRIEF, DELIVERY_CONCISE -> tracking.markDelivered(d.identificativo(), recipient, now);
                default -> tracking.markFailed(d.identificativo(), recipient, now);
            }
        }
    }

    /** Digest 5.10: all data come from the rilevazione-virus notice and our own tracking of the transaction. */
    private Optional<byte[]> virusNotice(Daticert d, CertifiedTime now) throws IOException {
        Optional<DeliveryTracking.Tracked> tracked = store.tracking().forReference(d.identificativo()).stream().findFirst();
        if (tracked.isEmpty() || d.consegna().isEmpty()) {
            log.warn("virus notice for unknown transaction {}", d.identificativo());
            return Optional.empty();
        }
        Transaction t = TransactionCodec.decode(tracked.get().context()).at(now);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pec.nonDeliveryForVirus(t, d.consegna().get(), d.erroreEsteso().orElse("virus"), out);
        return Optional.of(out.toByteArray());
    }
}
