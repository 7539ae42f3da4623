package it.pecgateway.gateway.pec;

import it.pecgateway.mailstore.BlobId;
import it.pecgateway.mailstore.BodySource;
import it.pecgateway.mailstore.LogEvent;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.QueueEntry;
import it.pecgateway.receipts.AnomalyData;
import it.pecgateway.receipts.ByteSource;
import it.pecgateway.receipts.CertifiedTime;
import it.pecgateway.receipts.Emitted;
import it.pecgateway.receipts.PecMessages;
import it.pecgateway.receipts.mime.HeaderSection;
import it.pecgateway.receipts.mime.MimeLimitException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a queue entry fails for good: it is marked failed and, for a relay to an ordinary Internet
 * address (digest 5.7: no PEC notice there, a plain SMTP bounce instead), a {@link NonDeliveryReport} goes to the
 * local mailbox that must know, wrapped in an anomaly envelope (digest 5.11) so that a PEC mailbox only ever holds
 * PEC messages. The report is made and signed first; then ONE store transaction fails the entry and delivers it, so
 * a lost lease (CONFLICT on the fail) leaves no report, and a report exists exactly when the entry failed.
 */
final class NonDeliveryReports {
    private static final Logger log = LoggerFactory.getLogger(NonDeliveryReports.class);
    private static final int MAX_HEADER_BYTES = 1 << 20;
    static final String LOG_EVENT = "mancata-consegna-ordinaria";
    static final String ANOMALY_REASON = "rapporto di mancata consegna di posta ordinaria (non certificato)";

    private final MailStore store;
    private final PecMessages pec;
    private final NonDeliveryReport report;
    private final String serviceAddress;
    private final Predicate<String> hostsDomain;
    private final PecMetrics metrics;

    NonDeliveryReports(MailStore store, PecMessages pec, String serviceAddress, String reportingMta,
                       Predicate<String> hostsDomain, PecMetrics metrics) {
        this.store = store;
        this.pec = pec;
        this.report = new NonDeliveryReport(serviceAddress, reportingMta);
        this.serviceAddress = serviceAddress;
        this.hostsDomain = hostsDomain;
        this.metrics = metrics;
    }

    /**
     * Who gets a report of this entry's failure: the one place that decides.
     * <ul>
     * <li>Only relays to ordinary addresses: a PEC recipient's failure is told by the PEC notices and timers.
     * <li>Never for a message with a null reverse path (a bounce itself) nor from the service address (arrival
     *     notices, links, codes, receipts to ordinary addresses): a report on a report or on a notice would loop,
     *     and nobody reads the service mailbox for it.
     * <li>A forwarded ordinary message ({@code inoltro:<mailbox>}): the mailbox whose forwarding failed, never the
     *     Internet sender, who may well be forged (backscatter); the holder must learn the forwarding is broken.
     * <li>Otherwise the sender, when it is one of our mailboxes (a PEC user's envelope to an ordinary address).
     * </ul>
     */
    Optional<String> reportTo(QueueEntry entry) {
        if (QueuePurpose.of(entry.purpose()).orElse(null) != QueuePurpose.RELAY_ORDINARY) {
            return Optional.empty();
        }
        if (entry.sender().isEmpty() || entry.sender().equalsIgnoreCase(serviceAddress)) {
            return Optional.empty();
        }
        String holder = entry.reference().startsWith(OrdinaryMail.FORWARD_REFERENCE)
                ? entry.reference().substring(OrdinaryMail.FORWARD_REFERENCE.length())
                : entry.sender();
        String domain = holder.substring(holder.lastIndexOf('@') + 1);
        return holder.contains("@") && hostsDomain.test(domain) ? Optional.of(holder.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /**
     * Fails the entry for good, with a report where {@link #reportTo} names someone. A MailStoreException of the
     * fail (CONFLICT: the lease was lost) reaches the caller, and then nothing was written.
     */
    void failForGood(String owner, QueueEntry entry, NonDeliveryReport.Failure failure, String lastError) {
        Optional<String> holder = reportTo(entry);
        Optional<Prepared> prepared = Optional.empty();
        if (holder.isPresent()) {
            try {
                prepared = prepare(entry, failure, holder.get());
            } catch (IOException | RuntimeException e) {
                // the entry still fails: a report we cannot build must not keep the entry in the queue
                log.error("cannot build the non-delivery report of queue entry {} for {}", entry.id(), holder.get(), e);
            }
        } else {
            log.info("no non-delivery report for queue entry {} ({}, from {}): nobody of ours to tell",
                    entry.id(), entry.purpose(), entry.sender().isEmpty() ? "<>" : entry.sender());
        }
        Optional<Prepared> report = prepared;
        boolean delivered = store.inTransaction(tx -> {
            tx.queue().fail(entry.id(), owner, lastError); // first: a lost lease throws before anything is written
            if (report.isEmpty()) {
                return false;
            }
            Optional<Mailbox> mailbox = tx.accounts().find(report.get().holder());
            if (mailbox.isEmpty()) {
                log.warn("no mailbox {} any more for the non-delivery report of queue entry {}", report.get().holder(), entry.id());
                return false;
            }
            // straight to the INBOX whatever the mailbox's rule for ordinary mail: that rule is about mail from
            // strangers, while this is about the holder's own message (or own forwarding) and must not be lost
            tx.messages().append(Outbox.inbox(tx, mailbox.get()).id(), report.get().blob(), Set.of(), report.get().time().instant());
            tx.legalLog().append(report.get().event());
            return true;
        });
        if (delivered) {
            metrics.message(PecMetrics.Kind.ANOMALY_ENVELOPE, PecMetrics.Direction.EMITTED);
        }
    }

    private record Prepared(String holder, BlobId blob, CertifiedTime time, LogEvent event) { }

    /** Empty when the failed message is itself a delivery report: never a report about a report. */
    private Optional<Prepared> prepare(QueueEntry entry, NonDeliveryReport.Failure failure, String holder) throws IOException {
        HeaderSection headers = headersOf(entry);
        if (isDeliveryReport(headers)) {
            log.info("queue entry {} is a delivery report itself: no report about it", entry.id());
            return Optional.empty();
        }
        CertifiedTime time = pec.now();
        byte[] dsn = report.render(failure, headers, holder, time.instant());
        ByteArrayOutputStream wrapped = new ByteArrayOutputStream();
        Emitted anomaly = pec.anomaly(new AnomalyData(time, serviceAddress, List.of(holder),
                Optional.of(NonDeliveryReport.SUBJECT), ANOMALY_REASON), ByteSource.of(dsn), wrapped);
        BlobId blob = store.blobs().put(BodySource.of(wrapped.toByteArray()));
        LogEvent event = new LogEvent(entry.reference(), time.instant(), LOG_EVENT, entry.sender(), List.of(entry.recipient()),
                headers.value("Subject").orElse(""), List.of(anomaly.messageId()), Optional.empty(),
                Optional.of("rapporto a " + holder + ": " + failure.status() + " " + failure.detail().lines().findFirst().orElse("")));
        return Optional.of(new Prepared(holder, blob, time, event));
    }

    private HeaderSection headersOf(QueueEntry entry) throws IOException {
        try (InputStream in = new BufferedInputStream(store.blobs().open(entry.body()), 1 << 16)) {
            return HeaderSection.read(in, MAX_HEADER_BYTES);
        } catch (MimeLimitException e) {
            throw new IOException("header section too large", e);
        }
    }

    private static boolean isDeliveryReport(HeaderSection headers) {
        String type = headers.value("Content-Type").orElse("").toLowerCase(Locale.ROOT).replace(" ", "");
        return type.startsWith("multipart/report") && type.contains("report-type=delivery-status")
                || type.startsWith("multipart/report") && type.contains("report-type=\"delivery-status\"");
    }
}
