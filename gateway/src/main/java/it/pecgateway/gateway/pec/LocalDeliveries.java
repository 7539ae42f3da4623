package it.pecgateway.gateway.pec;

import it.pecgateway.certs.ProvidersIndex;
import it.pecgateway.gateway.relay.DeliveryAttempt;
import it.pecgateway.mailstore.BodySource;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.QueueEntry;
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
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A queued transport envelope for one of our own mailboxes (same provider, digest 9.7): read back (it is our own
 * signed envelope), then through the delivery point like one from another provider, minus the take-in-charge.
 */
final class LocalDeliveries {
    private final MailStore store;
    private final PecMessages pec;
    private final DeliveryPoint deliveryPoint;
    private final Supplier<ProvidersIndex> index;
    private final Clock clock;
    private final PecMetrics metrics;

    LocalDeliveries(MailStore store, PecMessages pec, DeliveryPoint deliveryPoint, Supplier<ProvidersIndex> index, Clock clock,
                    PecMetrics metrics) {
        this.store = store;
        this.pec = pec;
        this.deliveryPoint = deliveryPoint;
        this.index = index;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Delivers a batch of leased local entries in one store transaction (one commit for all: under load the fsyncs,
     * not the CPU, bound the throughput). An entry whose envelope does not verify fails alone.
     */
    Map<Long, DeliveryAttempt> deliver(List<QueueEntry> entries, Function<QueueEntry, BodySource> bodies) {
        Map<Long, DeliveryAttempt> results = new HashMap<>();
        List<DeliveryPoint.Plan> plans = new ArrayList<>();
        List<Long> planned = new ArrayList<>();
        for (QueueEntry entry : entries) {
            ByteSource envelope = source(bodies.apply(entry));
            Classification c = PecReader.forProviders(index.get(), clock).classify(envelope);
            if (!(c instanceof Classification.TransportEnvelope te)) {
                results.put(entry.id(), DeliveryAttempt.permanent("not a valid transport envelope: " + c.summary()));
                continue;
            }
            try {
                Transaction t = EnvelopeTransaction.of(te.daticert(), envelope, pec.now());
                plans.add(deliveryPoint.prepare(t, envelope, te.postacert(), List.of(entry.recipient())));
                planned.add(entry.id());
            } catch (IOException e) {
                results.put(entry.id(), DeliveryAttempt.temporary("cannot read the envelope: " + e.getMessage()));
            }
        }
        if (!plans.isEmpty()) {
            List<PecMetrics.Kind> written = store.inTransaction(tx -> {
                List<PecMetrics.Kind> kinds = new ArrayList<>();
                plans.forEach(plan -> kinds.addAll(deliveryPoint.commit(tx, plan)));
                return kinds;
            });
            metrics.emitted(written);
            planned.forEach(id -> results.put(id, DeliveryAttempt.delivered("delivered locally")));
        }
        return results;
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
