package it.pecgateway.gateway.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import it.pecgateway.access.AccessMetrics;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The access module's callbacks as meters with {@code protocol="imap"} or {@code "pop3"}. */
final class AccessMeters implements AccessMetrics {
    private final Map<Protocol, ProtocolMeters> meters = new EnumMap<>(Protocol.class);

    AccessMeters(MeterRegistry registry) {
        List<String> reasons = Stream.of(LoginFailure.values()).map(MetricNames::label).toList();
        List<String> refusals = Stream.of(Refusal.values()).map(MetricNames::label).toList();
        for (Protocol p : Protocol.values()) {
            meters.put(p, new ProtocolMeters(registry, MetricNames.label(p), reasons, refusals));
        }
    }

    @Override
    public void connectionOpened(Protocol protocol) {
        meters.get(protocol).opened();
    }

    @Override
    public void connectionClosed(Protocol protocol) {
        meters.get(protocol).closed();
    }

    @Override
    public void refused(Protocol protocol, Refusal refusal) {
        meters.get(protocol).refused(MetricNames.label(refusal));
    }

    @Override
    public void loginSucceeded(Protocol protocol) {
        meters.get(protocol).login();
    }

    @Override
    public void loginFailed(Protocol protocol, LoginFailure failure) {
        meters.get(protocol).authFailed(MetricNames.label(failure));
    }

    /** Counted as {@code pec_commands_total{outcome="error"}}: the same command also reports its outcome. */
    @Override
    public void internalError(Protocol protocol) {
    }

    @Override
    public void commandCompleted(Protocol protocol, Outcome outcome) {
        meters.get(protocol).command(MetricNames.label(outcome));
    }

    @Override
    public void tlsHandshakeFailed(Protocol protocol) {
        meters.get(protocol).tlsFailed();
    }
}
