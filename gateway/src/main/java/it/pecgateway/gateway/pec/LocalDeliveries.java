package it.pecgateway.gateway.pec;

import it.pecgateway.certs.ProvidersIndex;
import it.pecgateway.gateway.relay.DeliveryAttempt;
import it.pecgateway.mailstore.BodySource;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MailStoreException;
import it.pecgateway.mailstore.QueueEntry;
import it.pecgateway.mailstore.StoreSession;
import it.pecgateway.receipts.ByteSource;
import it.pecgateway.receipts.PecMessages;
import it.pecgateway.receipts.Transaction;
import it.pecgateway.receipts.read.Classification;
import it.pecgateway.receipts.read.PecReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A queued transport envelope for one of our own mailboxes (same provider, digest 9.7): read back (it is our own
 * signed envelope), then through the delivery point like one from another provider, minus the take-in-charge.
 */
final class LocalDeliveries {
    private static final Logger log = LoggerFactory.getLogger(LocalDeliveries.class);
    private final MailStore store;
    private final PecMessages pec;
    private final DeliveryPoint deliveryPoint;
    private final Supplier<ProvidersIndex> index;
    private final Clock clock;
    private final QueueSignal signal;
    private final PecMetrics metrics;

    LocalDeliveries(MailStore store, PecMessages pec, DeliveryPoint deliveryPoint, Supplier<ProvidersIndex> index, Clock clock,
                    QueueSignal signal, PecMetrics metrics) {
        this.store = store;
        this.pec = pec;
        this.deliveryPoint = deliveryPoint;
        this.index = index;
        this.clock = clock;
        this.signal = signal;
        this.metrics = metrics;
    }

    /**
     * Delivers a batch of leased local entries in one store transaction, which also completes their queue entries:
     * one unit on the store's writer and one commit for the whole batch, where a completion of its own per entry
     * would queue behind the others on the single writer, one after the other. Completing in the same transaction
     * also leaves no moment where a delivery is committed and its entry still leased. An entry whose envelope does
     * not verify, or whose lease was lost meanwhile, is left out alone.
     *
     * @return the attempts of the entries that are not done yet (failed for good, or to try again); every other
     *         entry is delivered and complete
     */
    Map<Long, DeliveryAttempt> deliver(String owner, List<QueueEntry> entries, Function<QueueEntry, BodySource> bodies) {
        Map<Long, DeliveryAttempt> results = new HashMap<>();
        Map<QueueEntry, DeliveryPoint.Plan> plans = new LinkedHashMap<>();
        PecReader reader = PecReader.forProviders(index.get(), clock);
        for (QueueEntry entry : entries) {
            ByteSource envelope = source(bodies.apply(entry));
            Classification c = reader.classify(envelope);
            if (!(c instanceof Classification.TransportEnvelope te)) {
                results.put(entry.id(), DeliveryAttempt.permanent("not a valid transport envelope: " + c.summary()));
                continue;
            }
            try {
                Transaction t = EnvelopeTransaction.of(te.daticert(), envelope, pec.now());
                // the queue's envelope is the stored one: the recipients' INBOX refer to that body, no copy is made
                plans.put(entry, deliveryPoint.prepare(t, envelope, Optional.of(entry.body()), te.postacert(),
                        List.of(entry.recipient())));
            } catch (IOException e) {
                results.put(entry.id(), DeliveryAttempt.temporary("cannot read the envelope: " + e.getMessage()));
            }
        }
        if (!plans.isEmpty()) {
            List<PecMetrics.Kind> written = store.inTransaction(tx -> {
                List<PecMetrics.Kind> kinds = new ArrayList<>();
                plans.forEach((entry, plan) -> {
                    if (completed(tx, entry, owner)) {
                        kinds.addAll(deliveryPoint.commit(tx, plan));
                    }
                });
                return kinds;
            });
            metrics.emitted(written);
            signal.workCommitted(); // receipts for other providers may have been queued
        }
        return results;
    }

    /** Completes the entry in the delivery transaction; false when its lease was lost (another worker has it). */
    private static boolean completed(StoreSession tx, QueueEntry entry, String owner) {
        try {
            tx.queue().complete(entry.id(), owner);
            return true;
        } catch (MailStoreException e) {
            if (e.reason() != MailStoreException.Reason.CONFLICT) {
                throw e;
            }
            // checked before anything was written: the rest of the batch goes on
            log.warn("queue entry {} was taken over by another worker; not delivered here", entry.id());
            return false;
        }
    }

    private static ByteSource source(BodySource body) {
        return new ByteSource() {
            @Override
            public long size() {
                return body.size();
            }

            @Override
            public InputStream open() throws IOException {
                return body.open();
            }
        };
    }
}
