package it.pecgateway.gateway.pec;

import it.pecgateway.certs.ProviderEntry;
import it.pecgateway.gateway.antivirus.VirusScanner;
import it.pecgateway.gateway.relay.RecipientClassifier;
import it.pecgateway.gateway.smtp.SmtpReplies;
import it.pecgateway.gateway.smtp.SmtpReply;
import it.pecgateway.mailstore.BodySource;
import it.pecgateway.mailstore.LogEvent;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.receipts.ByteSource;
import it.pecgateway.receipts.CertifiedTime;
import it.pecgateway.receipts.Emitted;
import it.pecgateway.receipts.PecMessages;
import it.pecgateway.receipts.Transaction;
import it.pecgateway.receipts.read.Classification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A verified transport envelope from another provider (digest 9.3, 5.5, 5.9): the take-in-charge receipt to the
 * sending provider's mailReceipt and the delivery to our mailboxes, in one store transaction; or, if infected, the
 * envelope to the virus archive and one virus-detection notice per recipient instead.
 */
final class IncomingEnvelopes {
    private final MailStore store;
    private final PecMessages pec;
    private final DeliveryPoint deliveryPoint;
    private final Outbox outbox;
    private final String serviceAddress;
    private final QueueSignal queued;
    private final PecMetrics metrics;

    IncomingEnvelopes(MailStore store, PecMessages pec, DeliveryPoint deliveryPoint, RecipientClassifier classifier,
                      String serviceAddress, QueueSignal queued, PecMetrics metrics) {
        this.store = store;
        this.pec = pec;
        this.deliveryPoint = deliveryPoint;
        this.outbox = new Outbox(classifier);
        this.serviceAddress = serviceAddress;
        this.queued = queued;
        this.metrics = metrics;
    }

    SmtpReply handle(Classification.TransportEnvelope te, ByteSource message, List<String> recipients,
                     ProviderEntry sender, VirusScanner.ScanResult scan) throws IOException {
        CertifiedTime time = pec.now();
        Transaction t = EnvelopeTransaction.of(te.daticert(), message, time);
        if (scan.verdict() == VirusScanner.Verdict.INFECTED) {
            return virus(t, message, recipients, sender, scan.detail());
        }
        ByteArrayOutputStream presa = new ByteArrayOutputStream();
        Emitted presaId = pec.takeInCharge(t, recipients, sender.mailReceipt(), presa);
        DeliveryPoint.Plan plan = deliveryPoint.prepare(t, message, te.postacert(), recipients);
        it.pecgateway.mailstore.BlobId presaBlob = store.blobs().put(BodySource.of(presa.toByteArray()));
        List<PecMetrics.Kind> written = store.inTransaction(tx -> {
            List<PecMetrics.Kind> kinds = new ArrayList<>();
            if (tx.claimOnce("presa:" + t.identificativo() + ":" + String.join(",", recipients))) {
                outbox.send(tx, presaBlob, serviceAddress, sender.mailReceipt(), t.identificativo(),
                        time.instant());
                tx.legalLog().append(providerEvent(t, "presa-in-carico", List.of(presaId.messageId()), sender, recipients));
                kinds.add(PecMetrics.Kind.TAKE_IN_CHARGE);
            }
            kinds.addAll(deliveryPoint.commit(tx, plan));
            return kinds;
        });
        queued.workCommitted(); // the take-in-charge and the receipts leave through the queue
        metrics.emitted(written);
        return SmtpReplies.ACCEPTED.withText(t.identificativo());
    }

    private SmtpReply virus(Transaction t, ByteSource message, List<String> recipients, ProviderEntry sender,
                            String finding) throws IOException {
        List<byte[]> notices = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (String recipient : recipients) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ids.add(pec.virusDetection(t, recipient, finding, sender.mailReceipt(), out).messageId());
            notices.add(out.toByteArray());
        }
        boolean claimed = store.inTransaction(tx -> {
            if (!tx.claimOnce("virus:" + t.identificativo() + ":" + String.join(",", recipients))) {
                return false;
            }
            VirusArchive.store(tx, serviceAddress, AccessPoint.bodyOf(message), t.time().instant());
            for (byte[] notice : notices) {
                outbox.send(tx, BodySource.of(notice), serviceAddress, sender.mailReceipt(), t.identificativo(), t.time().instant());
            }
            tx.legalLog().append(providerEvent(t, "rilevazione-virus", ids, sender, recipients));
            return true;
        });
        if (claimed) {
            notices.forEach(n -> metrics.message(PecMetrics.Kind.VIRUS_DETECTION, PecMetrics.Direction.EMITTED));
        }
        return SmtpReplies.ACCEPTED.withText(t.identificativo());
    }

    private static LogEvent providerEvent(Transaction t, String type, List<String> related, ProviderEntry peer,
                                          List<String> recipients) {
        return new LogEvent(t.identificativo(), t.time().instant(), type, t.sender(), recipients,
                t.subject().orElse(""), related, Optional.of(peer.name()), Optional.empty());
    }
}
