package it.pecgateway.gateway.ops.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.pecgateway.gateway.ops.OpsFixture;
import it.pecgateway.mailstore.MailboxSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A holder logged in with its password: its own mailbox, nothing else. */
class HolderApiTest {
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

    static String login(String address, String password) throws Exception {
        ApiClient.Answer a = f.https.post("/api/v1/session", null, Map.of("address", address, "password", password));
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        return a.field("token");
    }

    @Test
    void headIsAnsweredWhereverGetIs() throws Exception {
        f.activeMember("testa@pec.localhost", "testa@example.org", "Testa-pw-2024");
        String session = login("testa@pec.localhost", "Testa-pw-2024");
        int length = f.https.get("/api/v1/me", session).text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;

        ApiClient.Answer me = f.https.call("HEAD", "/api/v1/me", session, null);
        ApiClient.Answer settings = f.https.call("HEAD", "/api/v1/client-settings", (String) null, null);
        ApiClient.Answer anonymous = f.https.call("HEAD", "/api/v1/me", (String) null, null);
        ApiClient.Answer put = f.https.call("PUT", "/api/v1/me", session, null);

        assertThat(me.status()).as(me.text()).isEqualTo(200);
        assertThat(me.text()).isEmpty();
        assertThat(me.raw().headers().firstValueAsLong("content-length")).hasValue(length);
        assertThat(settings.status()).isEqualTo(200);
        assertThat(anonymous.status()).as("credentials are checked as for GET").isEqualTo(401);
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.raw().headers().firstValue("allow")).hasValue("GET, HEAD");

        ApiClient.Answer panel = f.https.call("HEAD", "/panel/session", (String) null, null);
        ApiClient.Answer panelPut = f.https.call("PUT", "/panel/session", (String) null, null);
        assertThat(panel.status()).as("the panel's session answers HEAD as GET: not logged in").isEqualTo(401);
        assertThat(panelPut.raw().headers().firstValue("allow")).hasValue("DELETE, GET, HEAD, POST");
    }

    @Test
    void thePanelsLoginTakesItsMediaTypeInAnyCase() throws Exception {
        f.activeMember("maiuscole@pec.localhost", "maiuscole@example.org", "Maiuscole-pw-2024");
        String body = "{\"address\":\"maiuscole@pec.localhost\",\"password\":\"Maiuscole-pw-2024\"}";

        ApiClient.Answer upper = f.https.call("POST", "/panel/session", Map.of("Content-Type", "Application/JSON; charset=UTF-8"), body);
        ApiClient.Answer form = f.https.call("POST", "/panel/session", Map.of("Content-Type", "text/plain"), body);

        assertThat(upper.status()).as(upper.text()).isEqualTo(201);
        assertThat(upper.raw().headers().firstValue("set-cookie")).hasValueSatisfying(c -> assertThat(c).startsWith("__Host-pecgw-session=pgs_"));
        assertThat(form.status()).as("a form of another site cannot log in").isEqualTo(400);
    }

    @Test
    void aHolderLogsInAndSeesItsStatus() throws Exception {
        f.activeMember("gina@pec.localhost", "gina@example.org", "Gina-pw-2024");
        String session = login("GINA@pec.localhost", "Gina-pw-2024");

        JsonNode me = f.https.get("/api/v1/me", session).json();

        assertThat(session).startsWith("pgs_");
        assertThat(me.get("address").asText()).isEqualTo("gina@pec.localhost");
        assertThat(me.get("state").asText()).isEqualTo("active");
        assertThat(me.get("expiresAt").asText()).isNotEmpty();
        assertThat(me.get("quota").get("usedBytes").asLong()).isZero();
        assertThat(me.get("messages").asLong()).isZero();
        assertThat(me.get("settings").get("ordinaryMail").get("rule").asText()).isEqualTo("reject");
        assertThat(me.get("passwordPolicy").asText()).contains("8 to 64 characters");
    }

    @Test
    void wrongPasswordsInactiveAndSuspendedMailboxesCannotLogIn() throws Exception {
        f.activeMember("ivo@pec.localhost", "ivo@example.org", "Ivo-pw-20245");
        f.member("inattiva@pec.localhost", "inattiva@example.org");

        assertThat(f.https.post("/api/v1/session", null, Map.of("address", "ivo@pec.localhost", "password", "wrong")).status()).isEqualTo(401);
        assertThat(f.https.post("/api/v1/session", null, Map.of("address", "nobody@pec.localhost", "password", "x")).status()).isEqualTo(401);
        assertThat(f.https.post("/api/v1/session", null, Map.of("address", "inattiva@pec.localhost", "password", "x")).status()).isEqualTo(401);
        String session = login("ivo@pec.localhost", "Ivo-pw-20245");
        f.ops().lifecycle().suspend(it.pecgateway.gateway.ops.Actor.Operator.LOCAL, "ivo@pec.localhost", "");
        assertThat(f.https.get("/api/v1/me", session).status()).as("the suspension ended the session").isEqualTo(401);
        ApiClient.Answer suspended = f.https.post("/api/v1/session", null, Map.of("address", "ivo@pec.localhost", "password", "Ivo-pw-20245"));
        assertThat(suspended.status()).isEqualTo(403);
        assertThat(suspended.field("message")).contains("suspended");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneFollowsThePolicyAndEndsOtherSessions() throws Exception {
        f.activeMember("lia@pec.localhost", "lia@example.org", "Lia-first-1");
        String mine = login("lia@pec.localhost", "Lia-first-1");
        String other = login("lia@pec.localhost", "Lia-first-1");
        String path = "/api/v1/me/password";

        ApiClient.Answer wrongCurrent = f.https.call("PUT", path, mine, Map.of("current", "nope", "password", "Lia-second-2"));
        ApiClient.Answer weak = f.https.call("PUT", path, mine, Map.of("current", "Lia-first-1", "password", "lia"));
        ApiClient.Answer same = f.https.call("PUT", path, mine, Map.of("current", "Lia-first-1", "password", "Lia-first-1"));
        ApiClient.Answer done = f.https.call("PUT", path, mine, Map.of("current", "Lia-first-1", "password", "Lia-second-2"));
        ApiClient.Answer back = f.https.call("PUT", path, mine, Map.of("current", "Lia-second-2", "password", "Lia-first-1"));

        assertThat(wrongCurrent.status()).isEqualTo(403);
        assertThat(weak.status()).isEqualTo(422);
        assertThat(same.status()).isEqualTo(422);
        assertThat(same.json().get("problems").toString()).contains("last 5 passwords");
        assertThat(done.status()).isEqualTo(204);
        assertThat(back.status()).as("the previous password is in the history").isEqualTo(422);
        assertThat(f.https.get("/api/v1/me", mine).status()).as("this session goes on").isEqualTo(200);
        assertThat(f.https.get("/api/v1/me", other).status()).as("the other session ended").isEqualTo(401);
        assertThat(f.gateway.store().accounts().authenticate("lia@pec.localhost", "Lia-second-2".toCharArray())).isPresent();
        assertThat(f.gateway.store().legalLog().query(new it.pecgateway.mailstore.LegalLog.LogQuery(java.util.Optional.empty(),
                java.util.Optional.of("lia@pec.localhost"), java.util.Optional.empty(), java.util.Optional.empty(), 0)).toString())
                .doesNotContain("Lia-first-1").doesNotContain("Lia-second-2").contains("password-changed");
    }

    @Test
    void theHolderSetsTheRuleForOrdinaryMailAndArrivalNotices() throws Exception {
        f.activeMember("marta@pec.localhost", "marta@example.org", "Marta-pw-2024");
        String session = login("marta@pec.localhost", "Marta-pw-2024");

        ApiClient.Answer rule = f.https.call("PUT", "/api/v1/me/rule", session, Map.of("rule", "forward", "target", "marta@example.org"));
        ApiClient.Answer notices = f.https.call("PUT", "/api/v1/me/notices", session,
                Map.of("to", List.of("marta.avvisi@example.org"), "onlyFrom", List.of("capo@pec.other.localhost")));
        ApiClient.Answer badRule = f.https.call("PUT", "/api/v1/me/rule", session, Map.of("rule", "folder", "target", "INBOX"));
        ApiClient.Answer tooMany = f.https.call("PUT", "/api/v1/me/notices", session, Map.of("to", List.of("a@x.org", "b@x.org", "c@x.org")));

        assertThat(rule.status()).isEqualTo(200);
        assertThat(rule.json().get("ordinaryMail").get("target").asText()).isEqualTo("marta@example.org");
        assertThat(notices.json().get("arrivalNotices").get("onlyFrom").get(0).asText()).isEqualTo("capo@pec.other.localhost");
        assertThat(badRule.status()).isEqualTo(422);
        assertThat(tooMany.status()).isEqualTo(422);
        MailboxSettings s = f.gateway.store().accounts().find("marta@pec.localhost").orElseThrow().settings();
        assertThat(s.ordinaryMail()).isEqualTo(MailboxSettings.OrdinaryMailRule.FORWARD);
        assertThat(s.notifyAddresses()).containsExactly("marta.avvisi@example.org");
    }

    @Test
    void aNewRecoveryAddressIsConfirmedWithTheCodeSentToIt() throws Exception {
        f.activeMember("nora@pec.localhost", "nora@example.org", "Nora-pw-2024");
        String session = login("nora@pec.localhost", "Nora-pw-2024");

        ApiClient.Answer asked = f.https.post("/api/v1/me/recovery-email", session, Map.of("email", "nora.nuova@example.org"));
        String code = OpsFixture.code(f.awaitMail("nora.nuova@example.org", 1));
        ApiClient.Answer wrong = f.https.post("/api/v1/me/recovery-email/confirm", session, Map.of("code", code.equals("000000") ? "111111" : "000000"));
        assertThat(f.gateway.store().accounts().holder("nora@pec.localhost").recoveryEmail()).contains("nora@example.org");
        ApiClient.Answer confirmed = f.https.post("/api/v1/me/recovery-email/confirm", session, Map.of("code", code));
        ApiClient.Answer again = f.https.post("/api/v1/me/recovery-email/confirm", session, Map.of("code", code));
        ApiClient.Answer ours = f.https.post("/api/v1/me/recovery-email", session, Map.of("email", "x@pec.other.localhost"));

        assertThat(asked.status()).isEqualTo(202);
        assertThat(asked.field("sentTo")).isEqualTo("nora.nuova@example.org");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.field("recoveryEmail")).isEqualTo("nora.nuova@example.org");
        assertThat(again.status()).as("a code works once").isEqualTo(422);
        assertThat(ours.status()).as("a PEC domain of ours is no recovery address").isEqualTo(422);
        assertThat(f.mailTo("nora@example.org")).as("only the activation went to the old address, no code")
                .singleElement().asString().startsWith("Attivazione");
        assertThat(f.gateway.store().legalLog().query(new it.pecgateway.mailstore.LegalLog.LogQuery(java.util.Optional.empty(),
                java.util.Optional.of("nora@pec.localhost"), java.util.Optional.empty(), java.util.Optional.empty(), 0)).toString())
                .contains("recovery-email-change-requested", "recovery-email-changed").doesNotContain(code);
    }

    @Test
    void aNewRecoveryPhoneIsConfirmedWithTheCodeSentByTextMessage() throws Exception {
        f.activeMember("olga@pec.localhost", "olga@example.org", "Olga-pw-2024");
        String session = login("olga@pec.localhost", "Olga-pw-2024");

        ApiClient.Answer asked = f.https.post("/api/v1/me/recovery-phone", session, Map.of("phone", "+39 347 765 4321"));
        String sms = spooledSmsTo("393477654321");
        ApiClient.Answer confirmed = f.https.post("/api/v1/me/recovery-phone/confirm", session, Map.of("code", OpsFixture.code(sms)));

        assertThat(asked.status()).isEqualTo(202);
        assertThat(asked.field("sentTo")).endsWith("321").doesNotContain("347");
        assertThat(sms).startsWith("To: 393477654321\n\n");
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
        assertThat(f.gateway.store().accounts().holder("olga@pec.localhost").recoveryPhone()).contains("+393477654321");
    }

    @Test
    void fiveWrongCodesDropThePendingChange() throws Exception {
        f.activeMember("paola@pec.localhost", "paola@example.org", "Paola-pw-2024");
        String session = login("paola@pec.localhost", "Paola-pw-2024");
        f.https.post("/api/v1/me/recovery-email", session, Map.of("email", "paola.nuova@example.org"));
        String code = OpsFixture.code(f.awaitMail("paola.nuova@example.org", 1));
        String wrong = code.equals("123456") ? "654321" : "123456";

        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(f.https.post("/api/v1/me/recovery-email/confirm", session, Map.of("code", wrong)).status());
        }
        ApiClient.Answer right = f.https.post("/api/v1/me/recovery-email/confirm", session, Map.of("code", code));

        assertThat(statuses).containsExactly(422, 422, 422, 422, 429);
        assertThat(right.status()).as("the right code comes too late: the change was dropped").isIn(422, 429);
        assertThat(f.gateway.store().accounts().holder("paola@pec.localhost").recoveryEmail()).contains("paola@example.org");
    }

    @Test
    void aHolderCannotActAsAnAdministratorNorSeeAnotherMailbox() throws Exception {
        f.activeMember("rita@pec.localhost", "rita@example.org", "Rita-pw-2024");
        f.activeMember("sara@pec.localhost", "sara@example.org", "Sara-pw-2024");
        String session = login("rita@pec.localhost", "Rita-pw-2024");

        assertThat(f.https.get("/api/v1/mailboxes/sara@pec.localhost", session).status()).isEqualTo(403);
        assertThat(f.https.get("/api/v1/mailboxes/rita@pec.localhost", session).status()).isEqualTo(403);
        assertThat(f.https.post("/api/v1/mailboxes/sara@pec.localhost/suspend", session, null).status()).isEqualTo(403);
        assertThat(f.https.get("/api/v1/log", session).status()).isEqualTo(403);
        assertThat(f.https.call("DELETE", "/api/v1/session", session, null).status()).isEqualTo(204);
        assertThat(f.https.get("/api/v1/me", session).status()).as("logged out").isEqualTo(401);
    }

    static String spooledSmsTo(String number) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(f.smsSpool())) {
                for (Path p : files.toList()) {
                    String text = Files.readString(p, StandardCharsets.ISO_8859_1);
                    if (text.startsWith("To: " + number + "\n")) {
                        return text;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no SMS to " + number);
    }
}
