package it.pecgateway.access;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Slows down password guessing: each failed login from a remote address doubles the delay before the next failure
 * reply from that address (up to a maximum). The caller schedules the reply, so no thread ever sleeps.
 * A success clears the address; failures are forgotten after a quiet period.
 */
public final class LoginThrottle {
    private static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private final Duration base;
    private final Duration max;
    private final Clock clock;
    private final ConcurrentMap<InetAddress, Failures> failures = new ConcurrentHashMap<>();

    private record Failures(int count, Instant last) { }

    public LoginThrottle(Duration base, Duration max, Clock clock) {
        this.base = base;
        this.max = max;
        this.clock = clock;
    }

    /** Records a failure and returns how long to wait before answering it. */
    public Duration failed(InetAddress address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> f.last().plus(FORGET_AFTER).isBefore(now));
        }
        Failures f = failures.merge(address, new Failures(1, now), (old, one) ->
                old.last().plus(FORGET_AFTER).isBefore(now) ? one : new Failures(old.count() + 1, now));
        return delayFor(f.count());
    }

    public void succeeded(InetAddress address) {
        failures.remove(address);
    }

    private Duration delayFor(int count) {
        int doublings = Math.min(count - 1, 20);
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
