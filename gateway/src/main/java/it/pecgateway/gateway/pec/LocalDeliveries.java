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
import java.util.List;
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

    LocalDeliveries(MailStore store, PecMessages pec, DeliveryPoint deliveryPoint, Supplier<ProvidersIndex> index, Clock clock) {
        this.store = store;
        this.pec = pec;
        this.deliveryPoint = deliveryPoint;
        this.index = index;
        this.clock = clock;
    }

    DeliveryAttempt deliver(QueueEntry entry, BodySource body) {
        ByteSource envelope = new ByteSource() {
            @Override
            public long size() {
                return body.size();
            }

            @Override
            public InputStream open() throws IOException {
                return body.open();
            }
        };
        Classification c = PecReader.forProviders(index.get(), clock).classify(envelope);
        if (!(c instanceof Classification.TransportEnvelope te)) {
            return DeliveryAttempt.permanent("not a valid transport envelope: " + c.summary());
        }
        try {
            Transaction t = EnvelopeTransaction.of(te.daticert(), envelope, pec.now());
            DeliveryPoint.Plan plan = deliveryPoint.prepare(t, envelope, te.postacert(), List.of(entry.recipient()));
            store.inTransaction(tx -> {
                deliveryPoint.commit(tx, plan);
                return null;
            });
            return DeliveryAttempt.delivered("delivered locally");
        } catch (IOException e) {
            return DeliveryAttempt.temporary("cannot read the envelope: " + e.getMessage());
        }
    }
}
