package it.pecgateway.gateway.ops.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.pecgateway.gateway.ops.Actor;
import it.pecgateway.gateway.ops.OpsFixture;
import it.pecgateway.mailstore.LegalLog.LogQuery;
import it.pecgateway.mailstore.LogRecord;
import it.pecgateway.mailstore.MailboxState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The administration API as an operator sees it, over HTTPS with a real client. */
class OperatorApiTest {
    @TempDir
    static Path dir;
    static OpsFixture f;
    static String operator;

    @BeforeAll
    static void start() throws Exception {
        f = OpsFixture.start(dir);
        operator = f.operatorToken("ops-team");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static Map<String, Object> member(String address) {
        return Map.of("address", address, "taxCode", OpsFixture.TAX_CODE, "recoveryEmail", "holder@example.org",
                "phone", "+39 333 1234567", "quotaBytes", 1_000_000);
    }

    List<LogRecord> log(String address) {
        return f.gateway.store().legalLog().query(new LogQuery(Optional.empty(), Optional.of(address), Optional.empty(), Optional.empty(), 0));
    }

    @Test
    void aRequestedMailboxIsInactiveAndItsHolderIsMailedAnActivationLink() throws Exception {
        ApiClient.Answer created = f.https.post("/api/v1/mailboxes", operator, member("Anna.Bianchi@pec.localhost"));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode m = created.json();
        assertThat(m.get("address").asText()).isEqualTo("anna.bianchi@pec.localhost");
        assertThat(m.get("state").asText()).isEqualTo("inactive");
        assertThat(m.get("quota").get("limitBytes").asLong()).isEqualTo(1_000_000);
        assertThat(m.get("holder").get("taxCode").asText()).isEqualTo(OpsFixture.TAX_CODE);
        assertThat(m.get("holder").get("recoveryPhone").asText()).isEqualTo("+393331234567");
        String mail = f.awaitMail("holder@example.org", 1);
        assertThat(mail).startsWith("Attivazione della casella PEC").contains("anna.bianchi@pec.localhost");
        String token = OpsFixture.linkToken(mail);
        List<LogRecord> events = log("anna.bianchi@pec.localhost");
        assertThat(events).extracting(r -> r.event().eventType()).containsExactly("mailbox-created", "activation-sent");
        assertThat(events.get(0).event().sender()).isEqualTo("operator:ops-team");
        assertThat(events.toString()).doesNotContain(token).doesNotContain(token.substring(4, 20));
    }

    @Test
    void anOperatorSeesListsSuspendsResumesRenewsAndDeletes() throws Exception {
        f.activeMember("carlo@pec.localhost", "carlo@example.org", "Carlo-pw-2024");
        String one = "/api/v1/mailboxes/carlo%40pec.localhost";

        assertThat(f.https.get(one, operator).json().get("state").asText()).isEqualTo("active");
        assertThat(f.https.get("/api/v1/domains/pec.localhost/mailboxes", operator).json().get("mailboxes").toString())
                .contains("carlo@pec.localhost");
        assertThat(f.https.get("/api/v1/domains", operator).json().get("domains").toString())
                .contains(OpsFixture.DOMAIN, OpsFixture.OTHER);
        assertThat(f.https.post(one + "/suspend", operator, Map.of("reason", "court order")).json().get("state").asText())
                .isEqualTo("suspended");
        assertThat(f.https.post(one + "/suspend", operator, null).status()).as("suspended twice").isEqualTo(409);
        assertThat(f.https.post(one + "/resume", operator, null).json().get("state").asText()).isEqualTo("active");
        ApiClient.Answer renewed = f.https.post(one + "/renew", operator, Map.of("until", "2099-12-31"));
        assertThat(renewed.json().get("expiresAt").asText()).isEqualTo("2099-12-31T23:00:00Z");
        assertThat(f.https.call("DELETE", one, operator, null).status()).isEqualTo(204);
        assertThat(f.https.get(one, operator).status()).isEqualTo(404);
        assertThat(log("carlo@pec.localhost")).extracting(r -> r.event().eventType()).contains("mailbox-suspended",
                "mailbox-resumed", "mailbox-renewed", "mailbox-deleted");
    }

    @Test
    void theOperatorsPasswordFollowsThePolicyAndActivatesTheMailbox() throws Exception {
        f.member("dora@pec.localhost", "dora@example.org");
        String path = "/api/v1/mailboxes/dora@pec.localhost/password";

        ApiClient.Answer weak = f.https.call("PUT", path, operator, Map.of("password", "short"));
        ApiClient.Answer good = f.https.call("PUT", path, operator, Map.of("password", "Dora-Strong-7"));

        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.json().get("problems").toString()).contains("at least 8 characters", "upper-case letter", "digit");
        assertThat(good.status()).isEqualTo(204);
        assertThat(f.gateway.store().accounts().find("dora@pec.localhost").orElseThrow().state()).isEqualTo(MailboxState.ACTIVE);
        assertThat(f.gateway.store().accounts().find("dora@pec.localhost").orElseThrow().expiresAt()).isPresent();
    }

    @Test
    void badRequestsGetClearJsonErrorsAndNeverAStackTrace() throws Exception {
        List<ApiClient.Answer> answers = List.of(
                f.https.get("/api/v1/domains", null),
                f.https.get("/api/v1/domains", "pgw_not-a-real-token"),
                f.https.get("/api/v1/domains", "something-else"),
                f.https.post("/api/v1/mailboxes", operator, "{not json"),
                f.https.post("/api/v1/mailboxes", operator, Map.of("taxCode", "x")),
                f.https.post("/api/v1/mailboxes", operator, Map.of("address", "e@pec.localhost", "taxCode", "RSSMRA85T10A562X",
                        "recoveryEmail", "not-an-address")),
                f.https.get("/api/v1/mailboxes/nobody@pec.localhost", operator),
                f.https.call("PATCH", "/api/v1/domains", operator, null),
                f.https.get("/api/v1/nothing-here", operator));

        assertThat(answers).extracting(ApiClient.Answer::status).containsExactly(401, 401, 401, 400, 400, 422, 404, 405, 404);
        assertThat(answers.get(0).raw().headers().firstValue("www-authenticate")).contains("Bearer");
        assertThat(answers.get(5).json().get("problems").toString()).contains("tax code", "recovery e-mail");
        assertThat(answers.get(7).raw().headers().firstValue("allow")).contains("GET, HEAD");
        for (ApiClient.Answer a : answers) {
            assertThat(a.json().get("error").asText()).isNotEmpty();
            assertThat(a.json().get("message").asText()).isNotEmpty();
            assertThat(a.text()).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(a.raw().headers().firstValue("x-content-type-options")).as("errors echo what was sent").hasValue("nosniff");
        }
        f.member("twice@pec.localhost", "twice@example.org");
        ApiClient.Answer twice = f.https.post("/api/v1/mailboxes", operator, member("twice@pec.localhost"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.field("error")).isEqualTo("conflict");
    }

    @Test
    void aQuotaThatIsNotAWholeNumberIsRefusedNotRoundedDown() throws Exception {
        Map<String, Object> fractional = new java.util.HashMap<>(member("frazione@pec.localhost"));
        fractional.put("quotaBytes", 1.5);
        fractional.put("recoveryEmail", "quota@example.org"); // holder@example.org's mail is counted elsewhere
        ApiClient.Answer refused = f.https.post("/api/v1/mailboxes", operator, fractional);

        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.field("message")).contains("quotaBytes");
        assertThat(f.gateway.store().accounts().find("frazione@pec.localhost")).isEmpty();

        Map<String, Object> exponent = new java.util.HashMap<>(member("esponente@pec.localhost"));
        exponent.put("quotaBytes", 2.5e9);
        exponent.put("recoveryEmail", "quota@example.org");
        ApiClient.Answer created = f.https.post("/api/v1/mailboxes", operator, exponent);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(f.gateway.store().accounts().find("esponente@pec.localhost").orElseThrow().quotaBytes()).isEqualTo(2_500_000_000L);
    }

    @Test
    void anExpiryDateTooFarAheadIsRefusedWith422NotA500() throws Exception {
        f.activeMember("lontano@pec.localhost", "lontano@example.org", "Lontano-pw-2024");
        Map<String, ApiClient.Answer> answers = new java.util.LinkedHashMap<>();
        for (String day : List.of("+300000000-01-01", "+999999999-12-31", "+10000-01-01")) {
            Map<String, Object> far = new java.util.HashMap<>(member("lontano-" + day.length() + "@pec.localhost"));
            far.put("expiresOn", day);
            far.put("recoveryEmail", "lontano@example.org");
            answers.put("create " + day, f.https.post("/api/v1/mailboxes", operator, far));
            answers.put("renew " + day, f.https.post("/api/v1/mailboxes/lontano@pec.localhost/renew", operator, Map.of("until", day)));
        }
        String before = f.https.get("/api/v1/mailboxes/lontano@pec.localhost", operator).field("expiresAt");

        answers.forEach((what, a) -> {
            assertThat(a.status()).as(what + ": " + a.text()).isEqualTo(422);
            assertThat(a.json().get("problems").toString()).as(what).contains("9999-12-31");
        });
        assertThat(f.https.get("/api/v1/mailboxes/lontano@pec.localhost", operator).field("expiresAt")).isEqualTo(before);
        assertThat(f.gateway.store().accounts().list(Optional.of("pec.localhost"))).noneMatch(m -> m.address().startsWith("lontano-"));

        ApiClient.Answer imported = f.https.call("POST", "/api/v1/mailboxes/import", Map.of("Authorization", "Bearer " + operator,
                "Content-Type", "text/csv"), "lontano-csv@pec.localhost," + OpsFixture.TAX_CODE + ",lontano@example.org,,,+999999999-12-31\n"
                + "vicino-csv@pec.localhost," + OpsFixture.TAX_CODE + ",lontano@example.org,,,31/12/9999\n");
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(imported.json().get("lines").get(0).get("outcome").asText()).isEqualTo("refused");
        assertThat(imported.json().get("lines").get(0).get("problems").toString()).contains("9999-12-31");
        assertThat(imported.json().get("lines").get(1).get("outcome").asText()).as("the last day allowed").isEqualTo("created");
    }

    @Test
    void aFirstMemberWhoseAddressStartsWithAddressIsImportedNotTakenForTheHeader() throws Exception {
        ApiClient.Answer imported = f.https.call("POST", "/api/v1/mailboxes/import", Map.of("Authorization", "Bearer " + operator,
                "Content-Type", "text/csv"), "address.ufficio@pec.localhost," + OpsFixture.TAX_CODE + ",ufficio@example.org,\n"
                + "addetto@pec.localhost," + OpsFixture.TAX_CODE + ",addetto@example.org,\n");

        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(imported.json().get("created").asLong()).isEqualTo(2);
        assertThat(imported.json().get("lines").get(0).get("line").asInt()).isEqualTo(1);
        assertThat(f.gateway.store().accounts().find("address.ufficio@pec.localhost")).isPresent();

        ApiClient.Answer withHeader = f.https.call("POST", "/api/v1/mailboxes/import", Map.of("Authorization", "Bearer " + operator,
                "Content-Type", "text/csv"), "Address,Tax code,Recovery e-mail,Phone\nintestato@pec.localhost," + OpsFixture.TAX_CODE
                + ",intestato@example.org,\n");
        assertThat(withHeader.json().get("created").asLong()).as(withHeader.text()).isEqualTo(1);
        assertThat(withHeader.json().get("lines")).hasSize(1);
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnce() throws Exception {
        String token = f.operatorToken("temporary");
        assertThat(f.https.get("/api/v1/domains", token).status()).isEqualTo(200);

        f.ops().tokens().revoke(Actor.Operator.LOCAL, "temporary");

        assertThat(f.https.get("/api/v1/domains", token).status()).isEqualTo(401);
    }

    @Test
    void theLegalLogIsExtractedAsJsonOrCsvAndItsChainChecked() throws Exception {
        f.member("elena@pec.localhost", "elena@example.org");

        ApiClient.Answer json = f.https.get("/api/v1/log?address=elena@pec.localhost", operator);
        ApiClient.Answer csv = f.https.get("/api/v1/log?address=elena%40pec.localhost&format=csv&from=2000-01-01", operator);
        ApiClient.Answer verify = f.https.get("/api/v1/log/verify", operator);
        ApiClient.Answer badTime = f.https.get("/api/v1/log?from=yesterday", operator);

        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json()).hasSize(2);
        assertThat(json.json().get(0).get("eventType").asText()).isEqualTo("mailbox-created");
        assertThat(json.json().get(0).get("hash").asText()).hasSize(64);
        assertThat(csv.raw().headers().firstValue("content-type")).contains("text/csv; charset=utf-8");
        assertThat(csv.text().lines()).hasSize(3).first().asString().startsWith("sequence,time,identificativo");
        assertThat(verify.json().get("intact").asBoolean()).isTrue();
        assertThat(badTime.status()).isEqualTo(400);
    }

    @Test
    void anImportThroughTheApiReportsEachLine() throws Exception {
        String csv = "fabio@pec.localhost;RSSMRA85T10A562S;fabio@example.org;+39 333 2222222\n"
                + "gianni@pec.localhost;BADCODE;gianni@example.org;\n"
                + "ilaria@pec.other.localhost;00488410010;ilaria@example.org;;100MB;2099-01-31\n";

        ApiClient.Answer a = f.https.call("POST", "/api/v1/mailboxes/import", Map.of("Authorization", "Bearer " + operator,
                "Content-Type", "text/csv; charset=utf-8"), csv);
        ApiClient.Answer json = f.https.post("/api/v1/mailboxes/import", operator, Map.of("csv", csv));

        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.json().get("created").asInt()).isEqualTo(2);
        assertThat(a.json().get("refused").asInt()).isEqualTo(1);
        JsonNode bad = a.json().get("lines").get(1);
        assertThat(bad.get("line").asInt()).isEqualTo(2);
        assertThat(bad.get("outcome").asText()).isEqualTo("refused");
        assertThat(bad.get("problems").get(0).asText()).startsWith("tax code: 'BADCODE'");
        assertThat(f.gateway.store().accounts().find("ilaria@pec.other.localhost").orElseThrow().quotaBytes()).isEqualTo(100_000_000L);
        assertThat(json.status()).as("members come as text/csv").isEqualTo(400);
    }

    @Test
    void mailClientsAreConfiguredAutomatically() throws Exception {
        int smtps = f.gateway.transport().ports(it.pecgateway.gateway.smtp.SmtpRole.SUBMISSION).get(0);
        ApiClient.Answer thunderbird = f.plain.get("/.well-known/autoconfig/mail/config-v1.1.xml?emailaddress=anyone%40pec.localhost", null);
        ApiClient.Answer outlook = f.https.call("POST", "/autodiscover/autodiscover.xml", Map.of("Content-Type", "text/xml"), """
                <?xml version="1.0" encoding="utf-8"?>
                <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">
                  <Request><EMailAddress>anyone@pec.localhost</EMailAddress>
                  <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>
                  </Request></Autodiscover>""");
        ApiClient.Answer settings = f.https.get("/api/v1/client-settings", null);

        assertThat(thunderbird.status()).isEqualTo(200);
        assertThat(thunderbird.text()).contains("<domain>pec.localhost</domain>", "<port>" + smtps + "</port>", "<socketType>SSL</socketType>");
        assertThat(outlook.status()).isEqualTo(200);
        assertThat(outlook.text()).contains("<Type>SMTP</Type>", "<Port>" + smtps + "</Port>", "<LoginName>anyone@pec.localhost</LoginName>");
        assertThat(settings.json().get("endpoints").toString()).contains("\"port\":" + smtps);
    }
}
