package it.pecgateway.gateway.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.config.LimitsConfig;
import it.pecgateway.config.SmtpConfig;
import it.pecgateway.mailstore.MutableClock;
import it.pecgateway.gateway.testing.RawSmtp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SmtpAuthBruteForceTest {

    @Test
    void guessingIsSlowedDownThenRefusedEvenWithTheRightPasswordAndCounted() throws Exception {
        SmtpConfig.AuthThrottleConfig policy = new SmtpConfig.AuthThrottleConfig(2, Duration.ofMillis(150), Duration.ofMillis(300), 5,
                Duration.ofMinutes(10), Duration.ofMinutes(10));
        try (SmtpFixture fixture = new SmtpFixture(new LimitsConfig(64 * 1024, 30L << 20, 5, 1000), policy);
             RawSmtp c = RawSmtp.implicitTls(fixture.smtps.port(), fixture.pki.clientContext())) {
            c.reply();
            c.command("EHLO guesser.example");
            long[] elapsed = new long[5];
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                assertThat(c.command("AUTH PLAIN " + SmtpSubmissionTest.plain(SmtpFixture.USER, "guess" + i))).startsWith("535 5.7.8");
                elapsed[i] = (System.nanoTime() - start) / 1_000_000;
            }

            assertThat(elapsed[0]).isLessThan(150);
            assertThat(elapsed[2]).isGreaterThanOrEqualTo(140);
            assertThat(elapsed[4]).isGreaterThanOrEqualTo(290);
            assertThat(c.command("AUTH PLAIN " + SmtpSubmissionTest.plain(SmtpFixture.USER, SmtpFixture.PASSWORD))).startsWith("454 4.7.0");
            assertThat(c.command("MAIL FROM:<" + SmtpFixture.USER + ">")).startsWith("530 5.7.0");
            assertThat(fixture.throttle.failuresTotal()).isEqualTo(5);
            assertThat(fixture.throttle.refusalsTotal()).isEqualTo(1);
        }
    }

    @Test
    void anAccountIsLockedWhicheverAddressTheGuessesComeFrom() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
        AuthThrottle throttle = new AuthThrottle(new SmtpConfig.AuthThrottleConfig(1, Duration.ofMillis(10), Duration.ofMillis(20), 3,
                Duration.ofMinutes(5), Duration.ofMinutes(15)), clock);

        throttle.failed("10.0.0.1", "Mario@pec.example.it");
        throttle.failed("10.0.0.2", "mario@pec.example.it");
        throttle.failed("10.0.0.3", "mario@PEC.example.it");

        assertThat(throttle.accountLocked("mario@pec.example.it")).isTrue();
        assertThat(throttle.addressLocked("10.0.0.1")).isFalse();
        clock.advance(Duration.ofMinutes(6));
        assertThat(throttle.accountLocked("mario@pec.example.it")).isFalse();
    }

    @Test
    void aSuccessClearsTheAccountButNotTheAddress() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
        AuthThrottle throttle = new AuthThrottle(new SmtpConfig.AuthThrottleConfig(1, Duration.ofMillis(10), Duration.ofMillis(20), 2,
                Duration.ofMinutes(5), Duration.ofMinutes(15)), clock);

        throttle.failed("10.0.0.9", "a@pec.example.it");
        throttle.succeeded("a@pec.example.it");
        throttle.failed("10.0.0.9", "b@pec.example.it");

        assertThat(throttle.accountLocked("a@pec.example.it")).isFalse();
        assertThat(throttle.addressLocked("10.0.0.9")).isTrue();
    }
}
