package it.pecgateway.gateway.pec;

import it.pecgateway.gateway.relay.DeliveryAttempt;
import it.pecgateway.receipts.read.ReceiptKind;
import java.util.Optional;

/**
 * What the PEC points tell the metrics (the gateway maps it to Prometheus meters). Messages are counted once the
 * store transaction that made them durable has committed, and only when their claim succeeded, so a retry or a
 * second node never counts a receipt twice. Every label comes from a closed enum, except the relay peer: a
 * provider name from the providers index (bounded by it), {@code local} or {@code ordinary}.
 */
public interface PecMetrics {

    /** Every PEC message type (digest 4.1, the 12 h and 24 h notices apart), and ordinary mail received. */
    enum Kind {
        TRANSPORT_ENVELOPE, ACCEPTANCE, NON_ACCEPTANCE, NON_ACCEPTANCE_VIRUS, TAKE_IN_CHARGE, DELIVERY, NON_DELIVERY,
        TIMEOUT_12H, TIMEOUT_24H, VIRUS_DETECTION, NON_DELIVERY_VIRUS, ANOMALY_ENVELOPE, ORDINARY;

        static Kind of(ReceiptKind receipt) {
            return switch (receipt) {
                case ACCEPTANCE -> ACCEPTANCE;
                case NON_ACCEPTANCE -> NON_ACCEPTANCE;
                case NON_ACCEPTANCE_VIRUS -> NON_ACCEPTANCE_VIRUS;
                case TAKE_IN_CHARGE -> TAKE_IN_CHARGE;
                case DELIVERY_COMPLETE, DELIVERY_BRIEF, DELIVERY_CONCISE -> DELIVERY;
                case NON_DELIVERY -> NON_DELIVERY;
                case TIMEOUT_12H -> TIMEOUT_12H;
                case TIMEOUT_24H -> TIMEOUT_24H;
                case VIRUS_DETECTION -> VIRUS_DETECTION;
                case NON_DELIVERY_VIRUS -> NON_DELIVERY_VIRUS;
            };
        }
    }

    /** EMITTED: signed by us (and stored or queued); RECEIVED: accepted on the MX from elsewhere. */
    enum Direction { EMITTED, RECEIVED }

    enum Timer { WARNING_12H, FINAL_24H }

    /** Peer labels that are not provider names. */
    String LOCAL_PEER = "local";
    String ORDINARY_PEER = "ordinary";
    /** A PEC domain that left the index between queueing and the attempt. */
    String UNKNOWN_PEER = "unknown";

    PecMetrics NONE = new PecMetrics() {
        @Override
        public void message(Kind kind, Direction direction) {
        }

        @Override
        public void formalChecks(Optional<FormalCheckFailure> failure) {
        }

        @Override
        public void relayAttempt(String peer, DeliveryAttempt.Outcome outcome) {
        }

        @Override
        public void timerFired(Timer timer) {
        }
    };

    void message(Kind kind, Direction direction);

    /** Counts each of {@code kinds} as emitted. */
    default void emitted(java.util.List<Kind> kinds) {
        kinds.forEach(kind -> message(kind, Direction.EMITTED));
    }

    /** The outcome of the access point's formal checks: passed (empty) or the first failure. */
    void formalChecks(Optional<FormalCheckFailure> failure);

    /** One attempt of a queue worker, local deliveries included (peer {@code local}). */
    void relayAttempt(String peer, DeliveryAttempt.Outcome outcome);

    /** A 12 h or 24 h notice was claimed and written (digest 9.5). */
    void timerFired(Timer timer);
}
