package it.pecgateway.gateway.ops.api;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.gateway.ops.OpsFixture;
import it.pecgateway.mailstore.LegalLog.LogQuery;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.MailboxState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reset and activation links: address + tax code, a one-time link by e-mail, valid 3 hours (7 days to activate).
 * The throttling test runs last: it locks the client address (all tests come from 127.0.0.1) for 15 minutes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PasswordResetTest {
    @TempDir
    static Path dir;
    static OpsFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = OpsFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static ApiClient.Answer ask(String address, String taxCode) throws Exception {
        return f.https.post("/api/v1/password-reset", null, Map.of("address", address, "taxCode", taxCode));
    }

    static ApiClient.Answer complete(String token, String password) throws Exception {
        return f.https.post("/api/v1/password-reset/complete", null, Map.of("token", token, "password", password,
                "acceptConditions", true));
    }

    String events(String address) {
        return f.gateway.store().legalLog().query(new LogQuery(Optional.empty(), Optional.of(address), Optional.empty(),
                Optional.empty(), 0)).toString();
    }

    @Test
    void theHolderWithTheRightTaxCodeGetsAOneTimeLinkThatSetsANewPassword() throws Exception {
        f.activeMember("ugo@pec.localhost", "ugo@example.org", "Ugo-old-pw-1");

        ApiClient.Answer asked = ask("ugo@pec.localhost", "rssmra 85t10 a562s");
        String mail = f.awaitMail("ugo@example.org", 2);
        String token = OpsFixture.linkToken(mail);
        ApiClient.Answer inspected = f.https.post("/api/v1/password-reset/inspect", null, Map.of("token", token));
        ApiClient.Answer weak = complete(token, "weak");
        ApiClient.Answer done = complete(token, "Ugo-new-pw-2");
        ApiClient.Answer twice = complete(token, "Ugo-new-pw-3");

        assertThat(asked.status()).isEqualTo(202);
        assertThat(mail).startsWith("Reimpostazione della password").contains("https://localhost:" + f.gateway.httpPort().orElseThrow()
                + "/panel/#reset=pgl_");
        assertThat(inspected.field("address")).isEqualTo("ugo@pec.localhost");
        assertThat(inspected.field("purpose")).isEqualTo("reset");
        assertThat(weak.status()).as("a refused password leaves the link usable").isEqualTo(422);
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        assertThat(twice.status()).as("single use").isEqualTo(404);
        assertThat(f.gateway.store().accounts().authenticate("ugo@pec.localhost", "Ugo-new-pw-2".toCharArray())).isPresent();
        assertThat(f.gateway.store().accounts().authenticate("ugo@pec.localhost", "Ugo-old-pw-1".toCharArray())).isEmpty();
        assertThat(events("ugo@pec.localhost")).contains("password-reset-requested", "password-reset-done")
                .doesNotContain(token).doesNotContain("Ugo-new-pw-2");
    }

    @Test
    void aWrongTaxCodeOrAnUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
        f.activeMember("vera@pec.localhost", "vera@example.org", "Vera-pw-2024");
        ApiClient.Answer right = ask("vera@pec.localhost", OpsFixture.TAX_CODE);
        f.awaitMail("vera@example.org", 2);

        ApiClient.Answer wrongCode = ask("vera@pec.localhost", "00488410010");
        ApiClient.Answer unknown = ask("nessuno@pec.localhost", OpsFixture.TAX_CODE);
        ApiClient.Answer malformed = ask("vera@pec.localhost", "RSSMRA85T10A562X");
        Thread.sleep(500);

        assertThat(wrongCode.status()).isEqualTo(202);
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(wrongCode.text()).isEqualTo(right.text()).isEqualTo(unknown.text());
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(f.mailTo("vera@example.org")).hasSize(2);
        assertThat(events("vera@pec.localhost")).contains("password-reset-refused", "the tax code does not match");
    }

    @Test
    void aLinkExpiresAfterThreeHours() throws Exception {
        f.activeMember("walter@pec.localhost", "walter@example.org", "Walter-pw-2024");
        ask("walter@pec.localhost", OpsFixture.TAX_CODE);
        String token = OpsFixture.linkToken(f.awaitMail("walter@example.org", 2));

        f.clock.advance(Duration.ofHours(3).plusSeconds(1));

        assertThat(complete(token, "Walter-new-pw-1").status()).isEqualTo(404);
    }

    @Test
    void theActivationLinkActivatesTheMailboxForThreeYears() throws Exception {
        f.member("zeno@pec.localhost", "zeno@example.org");
        String token = OpsFixture.linkToken(f.awaitMail("zeno@example.org", 1));

        ApiClient.Answer inspected = f.https.post("/api/v1/password-reset/inspect", null, Map.of("token", token));
        ApiClient.Answer notAccepted = f.https.post("/api/v1/password-reset/complete", null, Map.of("token", token,
                "password", "Zeno-pw-2024"));
        ApiClient.Answer done = complete(token, "Zeno-pw-2024");

        assertThat(inspected.field("purpose")).isEqualTo("activation");
        assertThat(notAccepted.status()).as("an activation needs the conditions accepted").isEqualTo(422);
        assertThat(done.field("state")).isEqualTo("active");
        Mailbox m = f.gateway.store().accounts().find("zeno@pec.localhost").orElseThrow();
        assertThat(m.state()).isEqualTo(MailboxState.ACTIVE);
        Instant expected = f.clock.instant().atZone(java.time.ZoneId.of("Europe/Rome")).plusYears(3).toInstant();
        assertThat(m.expiresAt().orElseThrow()).isCloseTo(expected, org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
        assertThat(events("zeno@pec.localhost")).contains("activation-sent", "conditions-accepted", "password-reset-done",
                "mailbox-activated");
    }

    @Test
    void aPasswordSetOtherwiseEndsTheLinksStillPending() throws Exception {
        String operator = f.operatorToken("reset-links");
        f.member("lia@pec.localhost", "lia@example.org");
        String activation = OpsFixture.linkToken(f.awaitMail("lia@example.org", 1));
        assertThat(f.https.call("PUT", "/api/v1/mailboxes/lia@pec.localhost/password", operator,
                Map.of("password", "Lia-given-pw-2024")).status()).isEqualTo(204);

        assertThat(f.https.post("/api/v1/password-reset/inspect", null, Map.of("token", activation)).status()).isEqualTo(404);
        assertThat(complete(activation, "Lia-taken-pw-2024").status()).as("the activation link after the operator's password").isEqualTo(404);
        assertThat(f.gateway.store().accounts().authenticate("lia@pec.localhost", "Lia-given-pw-2024".toCharArray())).isPresent();

        f.activeMember("eva@pec.localhost", "eva@example.org", "Eva-old-pw-2024");
        assertThat(f.https.post("/api/v1/mailboxes/eva@pec.localhost/reset", operator, null).status()).isEqualTo(202);
        String reset = OpsFixture.linkToken(f.awaitMail("eva@example.org", 2));
        String session = f.https.post("/api/v1/session", null, Map.of("address", "eva@pec.localhost", "password", "Eva-old-pw-2024"))
                .field("token");
        assertThat(f.https.call("PUT", "/api/v1/me/password", session, Map.of("current", "Eva-old-pw-2024",
                "password", "Eva-new-pw-2025")).status()).isEqualTo(204);

        assertThat(complete(reset, "Eva-taken-pw-2025").status()).as("the reset link after the holder's own change").isEqualTo(404);
        assertThat(f.gateway.store().accounts().authenticate("eva@pec.localhost", "Eva-new-pw-2025".toCharArray())).isPresent();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void repeatedRequestsAreThrottled() throws Exception {
        f.activeMember("yuri@pec.localhost", "yuri@example.org", "Yuri-pw-2024");
        int last = 0;
        for (int i = 0; i < 11; i++) {
            last = ask("yuri@pec.localhost", "00488410010").status();
        }
        assertThat(last).isEqualTo(429);
    }
}
