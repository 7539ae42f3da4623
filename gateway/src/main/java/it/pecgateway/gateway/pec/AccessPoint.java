package it.pecgateway.gateway.pec;

import it.pecgateway.config.LimitsConfig;
import it.pecgateway.gateway.antivirus.VirusScanner;
import it.pecgateway.gateway.relay.RecipientClassifier;
import it.pecgateway.gateway.relay.RecipientKind;
import it.pecgateway.gateway.smtp.SmtpEnvelope;
import it.pecgateway.gateway.smtp.SmtpPath;
import it.pecgateway.gateway.smtp.SmtpReplies;
import it.pecgateway.gateway.smtp.SmtpReply;
import it.pecgateway.gateway.smtp.SmtpSessionView;
import it.pecgateway.gateway.smtp.SmtpTransactionHandler;
import it.pecgateway.gateway.smtp.Spool;
import it.pecgateway.gateway.smtp.SpoolBuffer;
import it.pecgateway.gateway.smtp.SpooledMessage;
import it.pecgateway.mailstore.BlobId;
import it.pecgateway.mailstore.BodySource;
import it.pecgateway.mailstore.LogEvent;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MailStoreException;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.NewQueueEntry;
import it.pecgateway.mailstore.StoreSession;
import it.pecgateway.receipts.ByteSource;
import it.pecgateway.receipts.CertifiedTime;
import it.pecgateway.receipts.Emitted;
import it.pecgateway.receipts.PecMessages;
import it.pecgateway.receipts.ReceiptType;
import it.pecgateway.receipts.Recipient;
import it.pecgateway.receipts.Transaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access point (digest 9.1, 9.2): formal checks, antivirus, then acceptance. Everything is signed first;
 * then ONE store transaction holds the original (sender's Sent folder), the acceptance receipt (sender's INBOX),
 * the transport envelope (one blob, one queue entry per recipient), the tracking rows of the certified
 * recipients and the log record. Only after its commit does SMTP answer {@code 250 2.0.0 <identificativo>}.
 */
public final class AccessPoint implements SmtpTransactionHandler {
    private static final Logger log = LoggerFactory.getLogger(AccessPoint.class);

    private final MailStore store;
    private final PecMessages pec;
    private final RecipientClassifier classifier;
    private final VirusScanner scanner;
    private final LimitsConfig limits;
    private final Outbox outbox;
    private final Spool spool;
    private final String serviceAddress;
    private final QueueSignal queued;
    private final PecMetrics metrics;
    /** Bounded threads that store bodies (each put syncs a file) while the session thread signs. */
    private final ExecutorService bodies = Executors.newFixedThreadPool(16, r -> {
        Thread t = new Thread(r, "body-writer");
        t.setDaemon(true);
        return t;
    });

    public AccessPoint(MailStore store, PecMessages pec, RecipientClassifier classifier, VirusScanner scanner,
                       LimitsConfig limits, Spool spool, String serviceAddress, QueueSignal queued,
                       PecMetrics metrics) {
        this.store = store;
        this.pec = pec;
        this.classifier = classifier;
        this.scanner = scanner;
        this.limits = limits;
        this.outbox = new Outbox(classifier);
        this.spool = spool;
        this.serviceAddress = serviceAddress;
        this.queued = queued;
        this.metrics = metrics;
    }

    @Override
    public SmtpReply sender(SmtpSessionView session, SmtpPath sender) {
        // the mailbox may have been suspended since AUTH
        Optional<Mailbox> mailbox = store.accounts().find(sender.address());
        if (mailbox.isEmpty() || !mailbox.get().isUsableAt(pec.now().instant())) {
            return SmtpReplies.ACCOUNT_DISABLED;
        }
        return SmtpReplies.SENDER_OK;
    }

    @Override
    public SmtpReply message(SmtpSessionView session, SmtpEnvelope envelope, SpooledMessage spooled) {
        ByteSource original = sourceOf(spooled);
        OriginalHeaders headers;
        try {
            headers = OriginalHeaders.read(original);
        } catch (IOException e) {
            return SmtpReplies.HEADER_TOO_LARGE;
        }
        CertifiedTime time = pec.now();
        Transaction t = transaction(pec.newIdentificativo(time), time, envelope, headers);
        Optional<FormalCheckFailure> problem = FormalChecks.check(envelope, headers, spooled.size(), limits);
        metrics.formalChecks(problem);
        try {
            if (problem.isPresent()) {
                return refuse(t, problem.get().reason(), false);
            }
            VirusScanner.ScanResult scan = scanner.scan(bodyOf(original));
            switch (scan.verdict()) {
                case INFECTED -> {
                    quarantine(t, spooled);
                    return refuse(t, scan.detail(), true);
                }
                case ERROR -> {
                    log.warn("antivirus unavailable for a submission from {}: {}", t.sender(), scan.detail());
                    return SmtpReplies.LOCAL_ERROR;
                }
                default -> {
                    return accept(t, original);
                }
            }
        } catch (MailStoreException e) {
            log.error("store failed while accepting {} from {}", t.identificativo(), t.sender(), e);
            return e.reason() == MailStoreException.Reason.OVER_QUOTA ? SmtpReplies.STORAGE_UNAVAILABLE : SmtpReplies.LOCAL_ERROR;
        } catch (IOException e) {
            log.error("cannot build the PEC messages of {}", t.identificativo(), e);
            return SmtpReplies.LOCAL_ERROR;
        }
    }

    private SmtpReply accept(Transaction t, ByteSource original) throws IOException {
        // the original's file sync overlaps the signing; the two other bodies are synced side by side
        Future<BlobId> originalStored = putBeside(bodyOf(original));
        ByteArrayOutputStream acceptance = new ByteArrayOutputStream();
        SpoolBuffer envelopeCopy = spool.buffer();
        try {
            Emitted receipt = pec.acceptance(t, acceptance);
            try (OutputStream out = envelopeCopy) {
                pec.transportEnvelope(t, original, out);
            }
            Future<BlobId> acceptanceStored = putBeside(BodySource.of(acceptance.toByteArray()));
            BlobId envelope = store.blobs().put(new BodySource() {
                @Override
                public long size() {
                    return envelopeCopy.size();
                }

                @Override
                public java.io.InputStream open() throws IOException {
                    return envelopeCopy.open();
                }
            });
            BlobId originalBlob = await(originalStored);
            BlobId acceptanceBlob = await(acceptanceStored);
            // everything that is not a store call is done here, before the unit reaches the store's single writer
            String context = TransactionCodec.encode(t);
            List<NewQueueEntry> entries = new ArrayList<>();
            for (Recipient r : t.recipients()) {
                RecipientKind kind = classifier.classify(r.address());
                entries.add(new NewQueueEntry(envelope, t.sender(), r.address(), QueuePurpose.forKind(kind).wire(),
                        t.identificativo(), t.time().instant()));
            }
            LogEvent accepted = event(t, "accettazione", List.of(receipt.messageId(), t.identificativo()), Optional.empty());
            store.inTransaction(tx -> {
                Mailbox sender = tx.accounts().find(t.sender())
                        .orElseThrow(() -> new MailStoreException(MailStoreException.Reason.NOT_FOUND, "sender mailbox"));
                tx.messages().append(Folders.sent(tx, sender).id(), originalBlob, Set.of("\\Seen"), t.time().instant());
                tx.messages().append(Outbox.inbox(tx, sender).id(), acceptanceBlob, Set.of(), t.time().instant());
                entries.forEach(tx.queue()::enqueue);
                for (Recipient r : t.recipients()) {
                    if (r.certified()) {
                        tx.tracking().start(t.identificativo(), r.address(), t.time().instant(), context);
                    }
                }
                tx.legalLog().append(accepted);
                return null;
            });
        } finally {
            envelopeCopy.discard();
        }
        queued.workCommitted();
        metrics.message(PecMetrics.Kind.ACCEPTANCE, PecMetrics.Direction.EMITTED);
        metrics.message(PecMetrics.Kind.TRANSPORT_ENVELOPE, PecMetrics.Direction.EMITTED);
        return SmtpReplies.ACCEPTED.withText(t.identificativo());
    }

    /**
     * Stores a body while this thread goes on. A small body only waits in the store's memory for the transaction
     * that refers to it (no file, no sync): handing it to another thread would cost more than it saves.
     */
    private Future<BlobId> putBeside(BodySource body) {
        if (body.size() <= SMALL_BODY) {
            return CompletableFuture.completedFuture(store.blobs().put(body));
        }
        return bodies.submit(() -> store.blobs().put(body));
    }

    /** The mailstore keeps bodies up to 64 KiB in memory until the referring transaction (PendingBodies.LIMIT). */
    private static final long SMALL_BODY = 64 * 1024;

    /** A formal exception or a virus: the signed notice goes to the sender; SMTP says what happened. */
    private SmtpReply refuse(Transaction t, String reason, boolean virus) throws IOException {
        ByteArrayOutputStream notice = new ByteArrayOutputStream();
        Emitted emitted = virus ? pec.nonAcceptanceForVirus(t, reason, notice) : pec.nonAcceptance(t, reason, notice);
        BlobId noticeBlob = store.blobs().put(BodySource.of(notice.toByteArray()));
        store.inTransaction(tx -> {
            outbox.send(tx, noticeBlob, serviceAddress, t.sender(), t.identificativo(), t.time().instant());
            tx.legalLog().append(event(t, virus ? "non-accettazione-virus" : "non-accettazione", List.of(emitted.messageId()),
                    Optional.of(reason)));
            return null;
        });
        metrics.message(virus ? PecMetrics.Kind.NON_ACCEPTANCE_VIRUS : PecMetrics.Kind.NON_ACCEPTANCE, PecMetrics.Direction.EMITTED);
        log.info("submission {} from {} not accepted: {}", t.identificativo(), t.sender(), reason);
        return SmtpReplies.NOT_ACCEPTED.withText("Non accettato, avviso di non accettazione inviato: " + t.identificativo());
    }

    /** Digest 5.4 and 9.6: an infected submission is kept 30 months in the virus archive. */
    private void quarantine(Transaction t, SpooledMessage spooled) {
        store.inTransaction(tx -> {
            VirusArchive.store(tx, serviceAddress, bodyOf(sourceOf(spooled)), t.time().instant());
            return null;
        });
    }

    private Transaction transaction(String id, CertifiedTime time, SmtpEnvelope envelope, OriginalHeaders h) {
        List<Recipient> recipients = new ArrayList<>();
        Set<String> listed = new LinkedHashSet<>(h.to()); // an address listed twice is one recipient
        listed.addAll(h.cc());
        if (listed.isEmpty()) {
            envelope.recipients().forEach(p -> listed.add(OriginalHeaders.lower(p.address())));
        }
        for (String address : listed) {
            boolean cc = !h.to().contains(address) && h.cc().contains(address);
            recipients.add(new Recipient(address, cc, classifier.isCertified(address)));
        }
        ReceiptType type = h.receiptType().flatMap(ReceiptType::fromValue).orElse(ReceiptType.COMPLETA);
        // the reverse path as the client typed it may differ in case from the mailbox (AUTH and MAIL compare
        // ignoring case); receipts certify the mailbox, lower case like the recipients
        String sender = OriginalHeaders.lower(envelope.sender().address());
        return new Transaction(id, time, sender, recipients, h.subject(), h.messageId(), h.replyTo(), type);
    }

    private static BlobId await(Future<BlobId> stored) throws IOException {
        try {
            return stored.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while storing a body", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException("storing a body failed", e.getCause());
        }
    }

    static LogEvent event(Transaction t, String type, List<String> related, Optional<String> detail) {
        return new LogEvent(t.identificativo(), t.time().instant(), type, t.sender(),
                t.recipients().stream().map(Recipient::address).toList(), t.subject().orElse(""), related,
                Optional.empty(), detail);
    }

    static ByteSource sourceOf(SpooledMessage spooled) {
        return new ByteSource() {
            @Override
            public long size() {
                return spooled.size();
            }

            @Override
            public java.io.InputStream open() throws IOException {
                return spooled.open();
            }
        };
    }

    static BodySource bodyOf(ByteSource source) {
        return new BodySource() {
            @Override
            public long size() {
                return source.size();
            }

            @Override
            public java.io.InputStream open() throws IOException {
                return source.open();
            }
        };
    }

}
