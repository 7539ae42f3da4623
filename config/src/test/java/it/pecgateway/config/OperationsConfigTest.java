package it.pecgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.config.OperationsConfig.CharacterClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperationsConfigTest {
    @TempDir
    Path dir;

    GatewayConfig load(String operations) throws IOException {
        Path file = Files.writeString(dir.resolve("pec-gateway.yaml"), ConfigLoaderTest.PROVIDER + operations);
        return ConfigLoader.load(file);
    }

    List<String> problemsOf(String operations) {
        try {
            load(operations);
            return List.of();
        } catch (ConfigException e) {
            return e.problems();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theDefaultsAreThoseOfTheProviderGuides() throws IOException {
        OperationsConfig o = load("").operations();

        assertThat(o.publicUrl()).isEmpty();
        assertThat(o.clientHostname()).isEmpty();
        assertThat(o.holderSessionLifetime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(o.lifecycle()).isEqualTo(new OperationsConfig.LifecycleConfig(3, Duration.ofDays(90), Duration.ofHours(1)));
        assertThat(o.passwordPolicy()).isEqualTo(new OperationsConfig.PasswordPolicyConfig(8, 64,
                List.of(CharacterClass.LOWERCASE, CharacterClass.UPPERCASE, CharacterClass.DIGIT), 5));
        assertThat(o.recovery()).isEqualTo(new OperationsConfig.RecoveryConfig(Duration.ofHours(3), Duration.ofDays(7),
                Duration.ofMinutes(15)));
        assertThat(o.sms().enabled()).isFalse();
        assertThat(o.sms().tempDir()).isEqualTo(dir.resolve("data/sms-tmp"));
    }

    @Test
    void everyValueCanBeSet() throws IOException {
        Files.createDirectories(dir.resolve("outgoing"));
        OperationsConfig o = load("""
                operations:
                  public-url: https://pec.example.it/
                  client-hostname: Mail.Pec.Example.it
                  holder-session-lifetime: 10m
                  lifecycle: {validity-years: 1, grace-period: 30d, check-interval: 5m}
                  password-policy: {min-length: 12, max-length: 128, character-classes: [digit, symbol], history: 0}
                  recovery: {reset-link-validity: 1h, activation-link-validity: 2d, code-validity: 5m}
                  sms: {enabled: true, outgoing-dir: outgoing, temp-dir: tmp}
                """).operations();

        assertThat(o.publicUrl()).contains("https://pec.example.it");
        assertThat(o.clientHostname()).contains("mail.pec.example.it");
        assertThat(o.lifecycle().gracePeriod()).isEqualTo(Duration.ofDays(30));
        assertThat(o.passwordPolicy().characterClasses()).containsExactly(CharacterClass.DIGIT, CharacterClass.SYMBOL);
        assertThat(o.passwordPolicy().history()).isZero();
        assertThat(o.recovery().codeValidity()).isEqualTo(Duration.ofMinutes(5));
        assertThat(o.sms()).isEqualTo(new OperationsConfig.SmsConfig(true, dir.resolve("outgoing"), dir.resolve("tmp")));
        assertThat(o.holderSessionLifetime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(Optional.of(o.lifecycle().validityYears())).contains(1);
    }

    @Test
    void everyWrongValueIsReportedWithItsKeyPath() {
        assertThat(problemsOf("""
                operations:
                  public-url: http://pec.example.it/panel
                  holder-session-lifetime: 2d
                  lifecycle: {validity-years: 0, grace-period: 0s}
                  password-policy: {min-length: 0, character-classes: [digits], history: 25}
                  sms: {enabled: yes please}
                """)).containsExactlyInAnyOrder(
                "operations.public-url: 'http://pec.example.it/panel' is not an https URL without a path (for example https://pec.example.it)",
                "operations.holder-session-lifetime: PT48H is longer than PT24H",
                "operations.lifecycle.validity-years: 0 is not a whole number from 1 to 50",
                "operations.lifecycle.grace-period: '0s' must be longer than zero",
                "operations.password-policy.min-length: 0 is not a whole number from 1 to 1024",
                "operations.password-policy.character-classes: [0] 'digits' is not a character class (lowercase, uppercase, digit, symbol)",
                "operations.password-policy.history: 25 is not a whole number from 0 to 24",
                "operations.sms.enabled: 'yes please' is not true or false");
    }

    @Test
    void thePolicyMustBeSatisfiableAndTheSmsSpoolMustExist() {
        assertThat(problemsOf("""
                operations:
                  password-policy: {min-length: 20, max-length: 10}
                  sms: {enabled: true, outgoing-dir: /nonexistent/outgoing}
                """)).containsExactlyInAnyOrder(
                "operations.password-policy.min-length: must not be more than operations.password-policy.max-length",
                "operations.sms.outgoing-dir: /nonexistent/outgoing does not exist or is not a directory (the SMS gateway's outgoing spool)");
    }
}
