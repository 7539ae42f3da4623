package it.pecgateway.gateway.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import it.pecgateway.gateway.smtp.SmtpMetrics;
import java.util.List;
import java.util.stream.Stream;

/** The SMTP listeners' callbacks as meters with {@code protocol="smtp"}. */
final class SmtpMeters implements SmtpMetrics {
    private final ProtocolMeters meters;

    SmtpMeters(MeterRegistry registry) {
        List<String> reasons = Stream.of(AuthFailure.values()).map(MetricNames::label).toList();
        // refusals (421 when all sessions are busy) are written by SubEthaSMTP before our code sees the session
        meters = new ProtocolMeters(registry, "smtp", reasons, List.of());
    }

    @Override
    public void connectionOpened() {
        meters.opened();
    }

    @Override
    public void connectionClosed() {
        meters.closed();
    }

    @Override
    public void commandCompleted(Outcome outcome) {
        meters.command(MetricNames.label(outcome));
    }

    @Override
    public void authSucceeded() {
        meters.login();
    }

    @Override
    public void authFailed(AuthFailure failure) {
        meters.authFailed(MetricNames.label(failure));
    }

    @Override
    public void tlsHandshakeFailed() {
        meters.tlsFailed();
    }
}
