package it.pecgateway.gateway.relay;

/**
 * The outcome of one attempt to hand a message to the next hop.
 *
 * @param detail the peer's reply line, or a short description of what failed (no stack traces, no secrets)
 */
public record DeliveryAttempt(Outcome outcome, String detail) {

    public enum Outcome {
        /** The peer answered 250 to the end of DATA: it is theirs now. */
        DELIVERED,
        /** Try again later: 4xx, connection or TLS trouble, DNS timeout. */
        TEMPORARY_FAILURE,
        /** Will never work: 5xx from the peer, no such domain. */
        PERMANENT_FAILURE
    }

    public static DeliveryAttempt delivered(String detail) {
        return new DeliveryAttempt(Outcome.DELIVERED, detail);
    }

    public static DeliveryAttempt temporary(String detail) {
        return new DeliveryAttempt(Outcome.TEMPORARY_FAILURE, detail);
    }

    public static DeliveryAttempt permanent(String detail) {
        return new DeliveryAttempt(Outcome.PERMANENT_FAILURE, detail);
    }
}
