package it.pecgateway.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import it.pecgateway.gateway.pec.FormalCheckFailure;
import it.pecgateway.gateway.pec.PecMetrics;
import it.pecgateway.gateway.relay.DeliveryAttempt;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The PEC points' callbacks as meters: messages by kind, formal checks, relay attempts by peer, timers. */
final class PecMeters implements PecMetrics {
    private final MeterRegistry registry;
    private final Map<Direction, Map<Kind, Counter>> messages = new EnumMap<>(Direction.class);
    private final Counter checksPassed;
    private final Map<FormalCheckFailure, Counter> checksFailed = new EnumMap<>(FormalCheckFailure.class);
    private final Map<String, Map<DeliveryAttempt.Outcome, Counter>> relay = new ConcurrentHashMap<>();
    private final Map<Timer, Counter> timers = new EnumMap<>(Timer.class);

    PecMeters(MeterRegistry registry) {
        this.registry = registry;
        for (Direction direction : Direction.values()) {
            Map<Kind, Counter> byKind = new EnumMap<>(Kind.class);
            for (Kind kind : Kind.values()) {
                if (kind != Kind.ORDINARY || direction == Direction.RECEIVED) {
                    byKind.put(kind, Counter.builder(MetricNames.MESSAGES)
                            .description("PEC messages emitted (signed by us) or received (on the MX), by kind")
                            .tags("kind", MetricNames.label(kind), "direction", MetricNames.label(direction))
                            .register(registry));
                }
            }
            messages.put(direction, byKind);
        }
        checksPassed = formalChecks("passed");
        for (FormalCheckFailure failure : FormalCheckFailure.values()) {
            checksFailed.put(failure, formalChecks(MetricNames.label(failure)));
        }
        relayCounters(LOCAL_PEER);
        relayCounters(ORDINARY_PEER);
        for (Timer timer : Timer.values()) {
            timers.put(timer, Counter.builder(MetricNames.TIMERS_FIRED).description("12 h and 24 h notices written")
                    .tag("timer", timer == Timer.WARNING_12H ? "12h" : "24h").register(registry));
        }
    }

    private Counter formalChecks(String outcome) {
        return Counter.builder(MetricNames.FORMAL_CHECKS).description("Submissions by outcome of the formal checks")
                .tag("outcome", outcome).register(registry);
    }

    private Map<DeliveryAttempt.Outcome, Counter> relayCounters(String peer) {
        return relay.computeIfAbsent(peer, p -> {
            Map<DeliveryAttempt.Outcome, Counter> byOutcome = new EnumMap<>(DeliveryAttempt.Outcome.class);
            for (DeliveryAttempt.Outcome outcome : DeliveryAttempt.Outcome.values()) {
                byOutcome.put(outcome, Counter.builder(MetricNames.RELAY_ATTEMPTS)
                        .description("Delivery attempts of the queue workers, by peer provider and outcome")
                        .tags("peer", p, "outcome", MetricNames.label(outcome)).register(registry));
            }
            return byOutcome;
        });
    }

    @Override
    public void message(Kind kind, Direction direction) {
        Counter counter = messages.get(direction).get(kind);
        if (counter != null) {
            counter.increment();
        }
    }

    @Override
    public void formalChecks(Optional<FormalCheckFailure> failure) {
        failure.map(checksFailed::get).orElse(checksPassed).increment();
    }

    @Override
    public void relayAttempt(String peer, DeliveryAttempt.Outcome outcome) {
        relayCounters(peer).get(outcome).increment();
    }

    @Override
    public void timerFired(Timer timer) {
        timers.get(timer).increment();
    }
}
