package it.pecgateway.gateway.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import it.pecgateway.mailstore.OutboundQueue.QueueStats;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queue depth and the age of the oldest entry, read from the store (one {@code count(*)} over the open entries)
 * at most once per {@code maxAge}, however often Prometheus scrapes. A failing read leaves the gauges at NaN, which
 * Prometheus shows as a gap rather than a made-up zero. The gauges hold this object strongly (Micrometer's default
 * is a weak reference, and nothing else keeps it).
 */
final class QueueGauges {
    private static final Logger log = LoggerFactory.getLogger(QueueGauges.class);

    private final Supplier<QueueStats> source;
    private final long maxAgeNanos;
    private QueueStats last;
    private boolean read;
    private long readAt;

    QueueGauges(MeterRegistry registry, Supplier<QueueStats> source, Duration maxAge) {
        this.source = source;
        this.maxAgeNanos = maxAge.toNanos();
        Gauge.builder(MetricNames.QUEUE_DEPTH, this, g -> g.stats() == null ? Double.NaN : g.stats().pending())
                .description("Outbound queue entries not yet delivered nor failed").strongReference(true).register(registry);
        Gauge.builder(MetricNames.QUEUE_OLDEST_AGE, this, g -> g.stats() == null ? Double.NaN : g.stats().oldestAge().toMillis() / 1000.0)
                .description("Age of the oldest open queue entry (0 when empty)").baseUnit("seconds").strongReference(true)
                .register(registry);
    }

    private synchronized QueueStats stats() {
        long now = System.nanoTime();
        if (!read || now - readAt >= maxAgeNanos) {
            read = true;
            readAt = now;
            try {
                last = source.get();
            } catch (RuntimeException e) {
                log.warn("cannot read the queue statistics: {}", e.toString());
                last = null;
            }
        }
        return last;
    }
}
