package it.pecgateway.config;

import java.time.Duration;

/** Reads {@code smtp} and {@code imap-pop3}: the limits of the mail protocol listeners, with their defaults. */
final class SessionLimitsReader {
    private static final int KIB = 1024;

    private SessionLimitsReader() {
    }

    static SmtpConfig smtp(YamlNode n) {
        return new SmtpConfig(
                n.get("max-sessions", 100, raw -> YamlValues.integer(raw, 1, 10_000)),
                n.get("idle-timeout", Duration.ofMinutes(5), YamlValues::duration),
                n.get("max-header-lines", 1000, raw -> YamlValues.integer(raw, 10, 100_000)),
                n.get("max-header-bytes", 256 * KIB, SessionLimitsReader::kibToMib),
                authThrottle(n.child("auth-throttle")));
    }

    private static SmtpConfig.AuthThrottleConfig authThrottle(YamlNode n) {
        return new SmtpConfig.AuthThrottleConfig(
                n.get("slow-after", 3, raw -> YamlValues.integer(raw, 0, 1000)),
                n.get("delay-step", Duration.ofSeconds(1), YamlValues::duration),
                n.get("max-delay", Duration.ofSeconds(5), YamlValues::duration),
                n.get("lock-after", 10, raw -> YamlValues.integer(raw, 1, 1000)),
                n.get("lock-for", Duration.ofMinutes(15), YamlValues::duration),
                n.get("window", Duration.ofMinutes(15), YamlValues::duration));
    }

    static ImapPop3Config imapPop3(YamlNode n) {
        return new ImapPop3Config(
                n.get("max-line-length", 64 * KIB, SessionLimitsReader::kibToMib),
                n.get("max-literal-bytes", 64L * KIB * KIB, YamlValues::size),
                n.get("max-connections-per-user", 20, raw -> YamlValues.integer(raw, 1, 10_000)),
                n.get("max-connections-per-address", 200, raw -> YamlValues.integer(raw, 1, 1_000_000)),
                n.get("imap-idle-timeout", Duration.ofMinutes(30), YamlValues::duration),
                n.get("pop3-idle-timeout", Duration.ofMinutes(10), YamlValues::duration),
                n.get("login-delay-base", Duration.ofMillis(500), YamlValues::duration),
                n.get("login-delay-max", Duration.ofSeconds(15), YamlValues::duration));
    }

    private static int kibToMib(Object raw) {
        long size = YamlValues.size(raw);
        if (size < KIB || size > 16 * KIB * KIB) {
            throw new IllegalArgumentException(YamlValues.describe(raw) + " is not a size from 1KiB to 16MiB");
        }
        return (int) size;
    }
}
