package it.pecgateway.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The session meters of one mail protocol ({@code smtp}, {@code imap}, {@code pop3}): connections, refusals,
 * commands by outcome, logins, authentication failures by reason, failed TLS handshakes. Every label value is
 * registered up front, so a rate starts from zero and a dashboard never lacks a series.
 */
final class ProtocolMeters {
    static final List<String> OUTCOMES = List.of("ok", "no", "bad", "error");

    private final Counter connections;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, Counter> refusals = new HashMap<>();
    private final Map<String, Counter> commands = new HashMap<>();
    private final Counter logins;
    private final Map<String, Counter> authFailures = new HashMap<>();
    private final Counter tlsFailures;

    ProtocolMeters(MeterRegistry registry, String protocol, Collection<String> authReasons, Collection<String> refusalReasons) {
        connections = Counter.builder(MetricNames.CONNECTIONS).description("Connections accepted")
                .tag("protocol", protocol).register(registry);
        Gauge.builder(MetricNames.CONNECTIONS_OPEN, open, AtomicInteger::get).description("Connections open now")
                .tag("protocol", protocol).strongReference(true).register(registry);
        for (String reason : refusalReasons) {
            refusals.put(reason, Counter.builder(MetricNames.CONNECTIONS_REFUSED)
                    .description("Connections closed by the server before the client asked")
                    .tags("protocol", protocol, "reason", reason).register(registry));
        }
        for (String outcome : OUTCOMES) {
            commands.put(outcome, Counter.builder(MetricNames.COMMANDS).description("Commands by outcome")
                    .tags("protocol", protocol, "outcome", outcome).register(registry));
        }
        logins = Counter.builder(MetricNames.LOGINS).description("Successful logins (SMTP AUTH, IMAP, POP3)")
                .tag("protocol", protocol).register(registry);
        for (String reason : authReasons) {
            authFailures.put(reason, Counter.builder(MetricNames.AUTH_FAILURES).description("Failed logins by reason")
                    .tags("protocol", protocol, "reason", reason).register(registry));
        }
        tlsFailures = Counter.builder(MetricNames.TLS_HANDSHAKE_FAILURES).description("Failed TLS handshakes")
                .tag("protocol", protocol).register(registry);
    }

    void opened() {
        connections.increment();
        open.incrementAndGet();
    }

    void closed() {
        open.decrementAndGet();
    }

    void refused(String reason) {
        refusals.get(reason).increment();
    }

    void command(String outcome) {
        commands.get(outcome).increment();
    }

    void login() {
        logins.increment();
    }

    void authFailed(String reason) {
        authFailures.get(reason).increment();
    }

    void tlsFailed() {
        tlsFailures.increment();
    }
}
