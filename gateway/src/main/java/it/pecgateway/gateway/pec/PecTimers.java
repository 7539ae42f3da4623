package it.pecgateway.gateway.pec;

import it.pecgateway.config.TimersConfig;
import it.pecgateway.gateway.relay.RecipientClassifier;
import it.pecgateway.mailstore.BodySource;
import it.pecgateway.mailstore.DeliveryTracking;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.receipts.CertifiedTime;
import it.pecgateway.receipts.Emitted;
import it.pecgateway.receipts.PecMessages;
import it.pecgateway.receipts.Transaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sender side's timers (digest 9.5), from the tracking rows: at 12 h without take-in-charge or delivery the
 * warning notice, at 24 h without delivery the final notice (errore-esteso 5.4.1), which closes the tracking.
 * Each notice is claimed once per (transaction, recipient), so two nodes or a restart never send it twice.
 */
public final class PecTimers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PecTimers.class);
    private static final int BATCH = 100;

    private final MailStore store;
    private final PecMessages pec;
    private final TimersConfig config;
    private final Outbox outbox;
    private final String serviceAddress;
    private final PecMetrics metrics;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pec-timers");
        t.setDaemon(true);
        return t;
    });

    PecTimers(MailStore store, PecMessages pec, TimersConfig config, RecipientClassifier classifier, String serviceAddress,
              PecMetrics metrics) {
        this.store = store;
        this.pec = pec;
        this.config = config;
        this.outbox = new Outbox(classifier);
        this.serviceAddress = serviceAddress;
        this.metrics = metrics;
    }

    public void start() {
        long every = Math.max(50, config.scanInterval().toMillis());
        scheduler.scheduleWithFixedDelay(this::runQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.error("PEC timers failed; trying again at the next scan", e);
        }
    }

    /** One scan: every due warning and final notice. */
    void runOnce() {
        CertifiedTime now = pec.now();
        for (DeliveryTracking.Tracked due : store.tracking().warningsDue(now.instant().minus(config.warningAfter()), BATCH)) {
            notice(due, now, false);
        }
        for (DeliveryTracking.Tracked due : store.tracking().finalsDue(now.instant().minus(config.finalAfter()), BATCH)) {
            notice(due, now, true);
        }
    }

    private void notice(DeliveryTracking.Tracked due, CertifiedTime now, boolean finalNotice) {
        Transaction t = TransactionCodec.decode(due.context()).at(now);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Emitted emitted;
        try {
            emitted = finalNotice ? pec.timeout24h(t, due.recipient(), out) : pec.timeout12h(t, due.recipient(), out);
        } catch (IOException e) {
            log.error("cannot write the timeout notice of {}", due.reference(), e);
            return;
        }
        Instant at = now.instant();
        it.pecgateway.mailstore.BlobId blob = store.blobs().put(BodySource.of(out.toByteArray()));
        boolean claimed = store.inTransaction(tx -> {
            // read again inside the transaction: a receipt recorded since the scan makes the notice wrong
            if (!stillDue(tx.tracking().forReference(due.reference()), due.recipient(), finalNotice)) {
                return false;
            }
            boolean first = tx.claimOnce((finalNotice ? "24h:" : "12h:") + due.reference() + ":" + due.recipient());
            if (first) {
                outbox.send(tx, blob, serviceAddress, t.sender(), t.identificativo(), at);
                tx.legalLog().append(AccessPoint.event(t, finalNotice ? "preavviso-24h" : "preavviso-12h",
                        List.of(emitted.messageId()), Optional.of(due.recipient())));
            }
            if (finalNotice) {
                tx.tracking().markFinalNoticeSent(due.reference(), due.recipient(), at);
            } else {
                tx.tracking().markWarned(due.reference(), due.recipient(), at);
            }
            return first;
        });
        if (claimed) {
            metrics.timerFired(finalNotice ? PecMetrics.Timer.FINAL_24H : PecMetrics.Timer.WARNING_12H);
            metrics.message(finalNotice ? PecMetrics.Kind.TIMEOUT_24H : PecMetrics.Kind.TIMEOUT_12H, PecMetrics.Direction.EMITTED);
        }
    }

    /**
     * Whether the recipient's tracking still calls for the notice: the final one until delivered or closed, the
     * warning also only until taken in charge or warned (the scan's own conditions, {@link DeliveryTracking}).
     */
    static boolean stillDue(List<DeliveryTracking.Tracked> rows, String recipient, boolean finalNotice) {
        return rows.stream().filter(r -> r.recipient().equalsIgnoreCase(recipient))
                .anyMatch(r -> r.closedAt() == null && r.deliveredAt() == null
                        && (finalNotice || (r.takenInChargeAt() == null && r.warnedAt() == null)));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
