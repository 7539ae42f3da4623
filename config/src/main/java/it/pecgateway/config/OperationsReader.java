package it.pecgateway.config;

import it.pecgateway.config.OperationsConfig.CharacterClass;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Reads {@code operations}: life cycle, password policy, recovery, SMS spool, panel and API sessions. */
final class OperationsReader {
    private final Function<Object, Path> path;

    OperationsReader(Function<Object, Path> path) {
        this.path = path;
    }

    OperationsConfig read(YamlNode n, Path dataDir) {
        return new OperationsConfig(
                n.optional("public-url", OperationsReader::httpsUrl),
                n.optional("client-hostname", YamlValues::domain),
                n.get("holder-session-lifetime", Duration.ofMinutes(30), raw -> atMost(YamlValues.duration(raw), Duration.ofDays(1))),
                lifecycle(n.child("lifecycle")),
                passwordPolicy(n.child("password-policy")),
                recovery(n.child("recovery")),
                sms(n.child("sms"), dataDir));
    }

    private static OperationsConfig.LifecycleConfig lifecycle(YamlNode n) {
        return new OperationsConfig.LifecycleConfig(
                n.get("validity-years", 3, raw -> YamlValues.integer(raw, 1, 50)),
                n.get("grace-period", Duration.ofDays(90), YamlValues::duration),
                n.get("check-interval", Duration.ofHours(1), YamlValues::duration));
    }

    private static OperationsConfig.PasswordPolicyConfig passwordPolicy(YamlNode n) {
        return new OperationsConfig.PasswordPolicyConfig(
                n.get("min-length", 8, raw -> YamlValues.integer(raw, 1, 1024)),
                n.get("max-length", 64, raw -> YamlValues.integer(raw, 1, 1024)),
                n.get("character-classes", List.of(CharacterClass.LOWERCASE, CharacterClass.UPPERCASE, CharacterClass.DIGIT),
                        raw -> YamlValues.list(raw, OperationsReader::characterClass).stream().distinct().toList()),
                n.get("history", 5, raw -> YamlValues.integer(raw, 0, 24)));
    }

    private static OperationsConfig.RecoveryConfig recovery(YamlNode n) {
        return new OperationsConfig.RecoveryConfig(
                n.get("reset-link-validity", Duration.ofHours(3), YamlValues::duration),
                n.get("activation-link-validity", Duration.ofDays(7), YamlValues::duration),
                n.get("code-validity", Duration.ofMinutes(15), YamlValues::duration));
    }

    private OperationsConfig.SmsConfig sms(YamlNode n, Path dataDir) {
        return new OperationsConfig.SmsConfig(
                n.get("enabled", false, YamlValues::bool),
                n.get("outgoing-dir", Path.of("/var/spool/sms/outgoing"), path),
                n.get("temp-dir", dataDir.resolve("sms-tmp"), path));
    }

    private static CharacterClass characterClass(Object raw) {
        String s = YamlValues.text(raw).toLowerCase(Locale.ROOT);
        for (CharacterClass c : CharacterClass.values()) {
            if (c.yamlName().equals(s)) {
                return c;
            }
        }
        throw new IllegalArgumentException(YamlValues.describe(raw) + " is not a character class (lowercase, uppercase, digit, symbol)");
    }

    /** An absolute https URL without path, query or fragment: links are made by appending to it. */
    static String httpsUrl(Object raw) {
        String s = YamlValues.text(raw);
        String base = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        try {
            URI uri = new URI(base);
            if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getRawPath().isEmpty()
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null) {
                return base;
            }
        } catch (URISyntaxException e) {
            // the one message below
        }
        throw new IllegalArgumentException(YamlValues.describe(raw) + " is not an https URL without a path (for example https://pec.example.it)");
    }

    private static Duration atMost(Duration d, Duration max) {
        if (d.compareTo(max) > 0) {
            throw new IllegalArgumentException(d + " is longer than " + max);
        }
        return d;
    }
}
