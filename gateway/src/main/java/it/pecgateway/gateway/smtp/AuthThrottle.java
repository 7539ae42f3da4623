package it.pecgateway.gateway.smtp;

import it.pecgateway.config.SmtpConfig.AuthThrottleConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Slows down and then refuses password guessing, per client address and per account, across all submission
 * listeners of the node. After {@code slowAfter} failures within the window each further failure is answered only
 * after a growing delay; after {@code lockAfter} failures the address (or account) is refused without checking
 * the password until {@code lockFor} has passed. A success clears the account's count but not the address's, so
 * that an attacker cannot reset its own count with a mailbox it owns.
 */
public final class AuthThrottle {

    private final AuthThrottleConfig policy;
    private final Clock clock;
    private final ConcurrentHashMap<String, Failures> byKey = new ConcurrentHashMap<>();
    private final AtomicLong failuresTotal = new AtomicLong();
    private final AtomicLong refusalsTotal = new AtomicLong();

    public AuthThrottle(AuthThrottleConfig policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    public boolean addressLocked(String address) {
        return locked("ip:" + address);
    }

    public boolean accountLocked(String account) {
        return locked("user:" + account.toLowerCase(Locale.ROOT));
    }

    /** Counts a refusal made because of a lock (metrics). */
    void refused() {
        refusalsTotal.incrementAndGet();
    }

    /** Records a failure and returns how long to wait before answering it. */
    public Duration failed(String address, String account) {
        failuresTotal.incrementAndGet();
        int ip = record("ip:" + address);
        int user = account.isEmpty() ? 0 : record("user:" + account.toLowerCase(Locale.ROOT));
        int worst = Math.max(ip, user);
        if (worst <= policy.slowAfter()) {
            return Duration.ZERO;
        }
        Duration delay = policy.delayStep().multipliedBy(worst - policy.slowAfter());
        return delay.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : delay;
    }

    public void succeeded(String account) {
        byKey.remove("user:" + account.toLowerCase(Locale.ROOT));
    }

    public long failuresTotal() {
        return failuresTotal.get();
    }

    public long refusalsTotal() {
        return refusalsTotal.get();
    }

    private boolean locked(String key) {
        Failures f = byKey.get(key);
        return f != null && f.lockedUntil(clock.instant()) != null;
    }

    private int record(String key) {
        Instant now = clock.instant();
        if (byKey.size() > 100_000) {
            byKey.values().removeIf(f -> f.expired(now, policy.window()));
        }
        Failures f = byKey.compute(key, (k, old) -> (old == null || old.expired(now, policy.window())) ? new Failures(now) : old);
        return f.add(now, policy);
    }

    /** Failures of one key inside the current window, and the lock they caused. */
    private static final class Failures {
        private final Instant windowStart;
        private int count;
        private Instant lockedUntil;

        Failures(Instant windowStart) {
            this.windowStart = windowStart;
        }

        synchronized int add(Instant now, AuthThrottleConfig policy) {
            count++;
            if (count >= policy.lockAfter()) {
                lockedUntil = now.plus(policy.lockFor());
            }
            return count;
        }

        synchronized boolean expired(Instant now, Duration window) {
            return now.isAfter(windowStart.plus(window)) && lockedUntil(now) == null;
        }

        synchronized Instant lockedUntil(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil) ? lockedUntil : null;
        }
    }
}
