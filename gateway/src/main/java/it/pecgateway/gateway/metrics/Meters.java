package it.pecgateway.gateway.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import it.pecgateway.access.AccessMetrics;
import it.pecgateway.gateway.pec.TransportMetrics;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.OutboundQueue;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Every meter of the gateway's own, declared on one registry: the callbacks the modules report to (transport,
 * access), the latency histograms (signing, store transactions) and the queue gauges.
 */
public final class Meters {
    /** How stale the queue gauges may be: a scrape never costs more than one count per period. */
    static final Duration QUEUE_READ_PERIOD = Duration.ofSeconds(10);

    private final MeterRegistry registry;
    private final PecMeters pec;
    private final SmtpMeters smtp;
    private final AccessMeters access;
    private final Timer signing;
    private final Timer storeTransactions;

    public Meters(MeterRegistry registry) {
        this.registry = registry;
        this.pec = new PecMeters(registry);
        this.smtp = new SmtpMeters(registry);
        this.access = new AccessMeters(registry);
        this.signing = Timer.builder(MetricNames.SIGNING)
                .description("CMS signature of one PEC message (private-key operation and SignedData)")
                .serviceLevelObjectives(ms(1), ms(2), ms(5), ms(10), ms(20), ms(50), ms(100), ms(250), ms(500), ms(1000),
                        ms(2500), ms(5000))
                .register(registry);
        this.storeTransactions = Timer.builder(MetricNames.STORE_TRANSACTION)
                .description("Store transaction from the call to the durable commit (waiting for the writer included)")
                .serviceLevelObjectives(ms(1), ms(2), ms(5), ms(10), ms(20), ms(50), ms(100), ms(250), ms(500), ms(1000),
                        ms(2500), ms(5000), ms(10_000))
                .register(registry);
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    public TransportMetrics transport() {
        return new TransportMetrics(pec, smtp, nanos -> signing.record(nanos, TimeUnit.NANOSECONDS));
    }

    public AccessMetrics access() {
        return access;
    }

    /** The store with its transactions timed; give this one to everything that writes. */
    public MailStore timed(MailStore store) {
        return TimedStore.of(store, storeTransactions);
    }

    /** Queue depth and oldest entry age gauges over this queue. */
    public void watch(OutboundQueue queue) {
        new QueueGauges(registry, queue::stats, QUEUE_READ_PERIOD);
    }
}
