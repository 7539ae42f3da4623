package it.pecgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code smtp} and {@code imap-pop3} sections: defaults equal to the values the listeners used before them. */
class SessionLimitsConfigTest {
    @TempDir
    Path dir;

    GatewayConfig load(String yaml) throws IOException {
        return ConfigLoader.load(Files.writeString(dir.resolve("pec-gateway.yaml"), ConfigLoaderTest.PROVIDER + yaml));
    }

    List<String> problemsOf(String yaml) throws IOException {
        try {
            load(yaml);
            return List.of();
        } catch (ConfigException e) {
            return e.problems();
        }
    }

    @Test
    void smtpDefaultsAreTheListenersFormerFixedValues() throws IOException {
        SmtpConfig smtp = load("").smtp();

        assertThat(smtp).isEqualTo(new SmtpConfig(100, Duration.ofMinutes(5), 1000, 256 * 1024,
                new SmtpConfig.AuthThrottleConfig(3, Duration.ofSeconds(1), Duration.ofSeconds(5), 10,
                        Duration.ofMinutes(15), Duration.ofMinutes(15))));
    }

    @Test
    void imapPop3DefaultsAreTheAccessModulesDefaults() throws IOException {
        ImapPop3Config access = load("").imapPop3();

        assertThat(access).isEqualTo(new ImapPop3Config(64 * 1024, 64L << 20, 20, 200, Duration.ofMinutes(30),
                Duration.ofMinutes(10), Duration.ofMillis(500), Duration.ofSeconds(15)));
    }

    @Test
    void everyKeyCanBeSet() throws IOException {
        GatewayConfig c = load("""
                smtp:
                  max-sessions: 7
                  idle-timeout: 45s
                  max-header-lines: 50
                  max-header-bytes: 16KiB
                  auth-throttle: {slow-after: 0, delay-step: 2s, max-delay: 2s, lock-after: 4, lock-for: 1h, window: 2h}
                imap-pop3:
                  max-line-length: 8KiB
                  max-literal-bytes: 10MB
                  max-connections-per-user: 3
                  max-connections-per-address: 4
                  imap-idle-timeout: 31m
                  pop3-idle-timeout: 11m
                  login-delay-base: 1s
                  login-delay-max: 2s
                """);

        assertThat(c.smtp()).isEqualTo(new SmtpConfig(7, Duration.ofSeconds(45), 50, 16 * 1024,
                new SmtpConfig.AuthThrottleConfig(0, Duration.ofSeconds(2), Duration.ofSeconds(2), 4, Duration.ofHours(1),
                        Duration.ofHours(2))));
        assertThat(c.imapPop3()).isEqualTo(new ImapPop3Config(8 * 1024, 10_000_000, 3, 4, Duration.ofMinutes(31),
                Duration.ofMinutes(11), Duration.ofSeconds(1), Duration.ofSeconds(2)));
    }

    @Test
    void badValuesAreListedWithTheirKeyPaths() throws IOException {
        assertThat(problemsOf("""
                smtp:
                  max-sessions: 0
                  idle-timeout: 0s
                  max-header-bytes: 100
                  auth-throttle: {lock-after: many}
                imap-pop3:
                  max-line-length: 1GiB
                  max-connections-per-user: -1
                  pop3-idle-timeout: 10
                """)).containsExactlyInAnyOrder(
                "smtp.max-sessions: 0 is not a whole number from 1 to 10000",
                "smtp.idle-timeout: '0s' must be longer than zero",
                "smtp.max-header-bytes: 100 is not a size from 1KiB to 16MiB",
                "smtp.auth-throttle.lock-after: 'many' is not a whole number from 1 to 1000",
                "imap-pop3.max-line-length: '1GiB' is not a size from 1KiB to 16MiB",
                "imap-pop3.max-connections-per-user: -1 is not a whole number from 1 to 10000",
                "imap-pop3.pop3-idle-timeout: '10' is not a duration (for example 250ms, 45s, 30m, 12h, 7d or PT12H)");
    }

    @Test
    void delaysMustNotExceedTheirMaximum() throws IOException {
        assertThat(problemsOf("""
                smtp: {auth-throttle: {delay-step: 10s, max-delay: 5s}}
                imap-pop3: {login-delay-base: 20s}
                """)).containsExactlyInAnyOrder(
                "smtp.auth-throttle: max-delay must be at least delay-step",
                "imap-pop3: login-delay-max must be at least login-delay-base");
    }
}
