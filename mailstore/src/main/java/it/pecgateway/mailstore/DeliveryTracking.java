package it.pecgateway.mailstore;

import java.time.Instant;
import java.util.List;

/**
 * What the sender's side knows about each (transaction, recipient): when it started, whether the recipient's side
 * took it in charge, delivered it, or failed. The gateway's timers read it (12 h and 24 h notices); the store gives
 * no meaning to the {@code context}, which the gateway uses to rebuild a notice.
 */
public interface DeliveryTracking {

    /** Starts tracking; a second call for the same pair is ignored. */
    void start(String reference, String recipient, Instant startedAt, String context);

    void markTakenInCharge(String reference, String recipient, Instant at);

    void markDelivered(String reference, String recipient, Instant at);

    /** A definitive failure closes the tracking. */
    void markFailed(String reference, String recipient, Instant at);

    /** Started at or before {@code startedBefore}, neither taken in charge nor delivered, no warning yet, not closed. */
    List<Tracked> warningsDue(Instant startedBefore, int max);

    /** Started at or before {@code startedBefore}, not delivered, not closed. */
    List<Tracked> finalsDue(Instant startedBefore, int max);

    void markWarned(String reference, String recipient, Instant at);

    /** The final notice was sent: the tracking is closed. */
    void markFinalNoticeSent(String reference, String recipient, Instant at);

    List<Tracked> forReference(String reference);

    record Tracked(String reference, String recipient, Instant startedAt, Instant takenInChargeAt,
                   Instant deliveredAt, Instant warnedAt, Instant closedAt, String context) {
        // null instants mean "not yet"; kept as nulls so that the record maps one-to-one onto the table row
    }
}
