package it.pecgateway.gateway.pec;

import it.pecgateway.gateway.antivirus.VirusScanner;
import it.pecgateway.gateway.smtp.SmtpEnvelope;
import it.pecgateway.gateway.smtp.SmtpReplies;
import it.pecgateway.gateway.smtp.SmtpReply;
import it.pecgateway.mailstore.BlobId;
import it.pecgateway.mailstore.LogEvent;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.MailboxSettings;
import it.pecgateway.mailstore.NewQueueEntry;
import it.pecgateway.receipts.AnomalyData;
import it.pecgateway.receipts.ByteSource;
import it.pecgateway.receipts.CertifiedTime;
import it.pecgateway.receipts.PecMessages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Mail that is not certified, per mailbox rule (issue 5): REJECT (the default; a 5xx at the end of DATA when no
 * recipient takes it, and no bounce of ours), FORWARD to an ordinary address, ANOMALY_TO_INBOX (wrapped in a signed
 * anomaly envelope, digest 5.11), DELIVER_TO_FOLDER. A mailbox that does not exist rejects. With several recipients
 * and mixed rules, one SMTP reply covers all: 250 if anyone took it (the rejecting ones silently do not get it).
 * Infected ordinary mail is refused (digest 9.6 allows discarding it; a refusal tells the sender).
 */
final class OrdinaryMail {
    /** The queue reference of a forwarding, followed by the forwarding mailbox (its non-delivery report goes there). */
    static final String FORWARD_REFERENCE = "inoltro:";

    private final MailStore store;
    private final PecMessages pec;
    private final VirusScanner scanner;
    private final ArrivalNotices notices;
    private final PecMetrics metrics;

    OrdinaryMail(MailStore store, PecMessages pec, VirusScanner scanner, ArrivalNotices notices, PecMetrics metrics) {
        this.store = store;
        this.pec = pec;
        this.scanner = scanner;
        this.notices = notices;
        this.metrics = metrics;
    }

    SmtpReply handle(SmtpEnvelope envelope, ByteSource message, String reason, List<String> recipients) throws IOException {
        Map<String, Mailbox> accepting = new TreeMap<>();
        for (String r : recipients) {
            store.accounts().find(r).filter(m -> m.isUsableAt(pec.now().instant()))
                    .filter(m -> m.settings().ordinaryMail() != MailboxSettings.OrdinaryMailRule.REJECT)
                    .ifPresent(m -> accepting.put(r, m));
        }
        if (accepting.isEmpty()) {
            return SmtpReplies.NOT_CERTIFIED_REJECTED;
        }
        VirusScanner.ScanResult scan = scanner.scan(AccessPoint.bodyOf(message));
        if (scan.verdict() == VirusScanner.Verdict.INFECTED) {
            return SmtpReplies.VIRUS_REJECTED;
        }
        if (scan.verdict() == VirusScanner.Verdict.ERROR) {
            return SmtpReplies.LOCAL_ERROR;
        }
        List<String> anomalyRecipients = accepting.values().stream()
                .filter(m -> m.settings().ordinaryMail() == MailboxSettings.OrdinaryMailRule.ANOMALY_TO_INBOX)
                .map(Mailbox::address).toList();
        return deliver(envelope, message, reason, new ArrayList<>(accepting.values()), anomalyRecipients);
    }

    /** Signed by a known provider but not a correct envelope or receipt: always propagated as an anomaly. */
    SmtpReply anomalyForAll(SmtpEnvelope envelope, ByteSource message, String reason, List<String> recipients) throws IOException {
        List<Mailbox> mailboxes = recipients.stream().map(r -> store.accounts().find(r)).flatMap(Optional::stream).toList();
        if (mailboxes.isEmpty()) {
            return SmtpReplies.MAILBOX_UNKNOWN;
        }
        return deliver(envelope, message, reason, mailboxes, mailboxes.stream().map(Mailbox::address).toList());
    }

    private SmtpReply deliver(SmtpEnvelope envelope, ByteSource message, String reason, List<Mailbox> mailboxes,
                              List<String> anomalyRecipients) throws IOException {
        CertifiedTime time = pec.now();
        OriginalHeaders h = OriginalHeaders.read(message);
        String sender = envelope.sender().isNull() ? h.from().stream().findFirst().orElse("") : envelope.sender().address();
        Optional<byte[]> anomaly = Optional.empty();
        if (!anomalyRecipients.isEmpty()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pec.anomaly(new AnomalyData(time, sender, anomalyRecipients, h.subject(), reason), message, out);
            anomaly = Optional.of(out.toByteArray());
        }
        Optional<BlobId> wrapped = anomaly.map(bytes -> store.blobs().put(it.pecgateway.mailstore.BodySource.of(bytes)));
        BlobId original = store.blobs().put(AccessPoint.bodyOf(message));
        store.inTransaction(tx -> {
            for (Mailbox m : mailboxes) {
                MailboxSettings s = m.settings();
                if (anomalyRecipients.contains(m.address())) {
                    tx.messages().append(Outbox.inbox(tx, m).id(), wrapped.get(), Set.of(), time.instant());
                } else if (s.ordinaryMail() == MailboxSettings.OrdinaryMailRule.FORWARD && s.forwardTo().isPresent()) {
                    tx.queue().enqueue(new NewQueueEntry(original, envelope.sender().address(), s.forwardTo().get(),
                            QueuePurpose.RELAY_ORDINARY.wire(), FORWARD_REFERENCE + m.address(), time.instant()));
                    continue;
                } else {
                    String folder = s.folder().orElse("Posta ordinaria");
                    tx.messages().append(Folders.named(tx, m, folder, Optional.empty()).id(), original, Set.of(), time.instant());
                }
                notices.queue(tx, m, sender, h.subject().orElse(""), time.instant());
            }
            tx.legalLog().append(new LogEvent("non-certificato:" + time.compact(), time.instant(), "ricezione-non-certificata",
                    sender, mailboxes.stream().map(Mailbox::address).toList(), h.subject().orElse(""), List.of(),
                    Optional.empty(), Optional.of(reason)));
            return null;
        });
        if (anomaly.isPresent()) {
            metrics.message(PecMetrics.Kind.ANOMALY_ENVELOPE, PecMetrics.Direction.EMITTED);
        }
        return SmtpReplies.ACCEPTED;
    }
}
