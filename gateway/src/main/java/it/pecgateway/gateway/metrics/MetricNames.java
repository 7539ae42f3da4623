package it.pecgateway.gateway.metrics;

import java.util.Locale;

/**
 * The names of the gateway's own meters, in Micrometer's dotted form; the Prometheus names in
 * {@code docs/observability.md} follow from them ({@code pec.messages} counter is {@code pec_messages_total},
 * timers get {@code _seconds}). Label values are lower-case enum names: closed sets, never addresses or text.
 */
public final class MetricNames {
    public static final String MESSAGES = "pec.messages";
    public static final String FORMAL_CHECKS = "pec.formal.checks";
    public static final String QUEUE_DEPTH = "pec.queue.depth";
    public static final String QUEUE_OLDEST_AGE = "pec.queue.oldest.age";
    public static final String RELAY_ATTEMPTS = "pec.relay.attempts";
    public static final String TIMERS_FIRED = "pec.timers.fired";
    public static final String CONNECTIONS = "pec.connections";
    public static final String CONNECTIONS_OPEN = "pec.connections.open";
    public static final String CONNECTIONS_REFUSED = "pec.connections.refused";
    public static final String COMMANDS = "pec.commands";
    public static final String LOGINS = "pec.logins";
    public static final String AUTH_FAILURES = "pec.auth.failures";
    public static final String TLS_HANDSHAKE_FAILURES = "pec.tls.handshake.failures";
    public static final String SIGNING = "pec.signing";
    public static final String STORE_TRANSACTION = "pec.store.transaction";

    private MetricNames() {
    }

    /** The label value of an enum constant: {@code TEMPORARY_FAILURE} becomes {@code temporary_failure}. */
    static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
