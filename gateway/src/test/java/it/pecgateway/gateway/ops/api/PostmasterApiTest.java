package it.pecgateway.gateway.ops.api;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.gateway.ops.OpsFixture;
import it.pecgateway.mailstore.LegalLog.LogQuery;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.MailboxState;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A postmaster of pec.localhost: the mailboxes of its domain only. Every action on the other hosted domain is
 * refused with 403 and leaves that mailbox exactly as it was.
 */
class PostmasterApiTest {
    static final String OURS = "/api/v1/mailboxes/nostra@pec.localhost";
    static final String THEIRS = "/api/v1/mailboxes/altrui@pec.other.localhost";

    @TempDir
    static Path dir;
    static OpsFixture f;
    static String postmaster;

    @BeforeAll
    static void start() throws Exception {
        f = OpsFixture.start(dir);
        postmaster = f.postmasterToken("postmaster-local", OpsFixture.DOMAIN);
        f.activeMember("altrui@pec.other.localhost", "altrui@example.org", "Altrui-pw-2024");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static Map<String, Object> member(String address) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", address);
        m.put("taxCode", OpsFixture.TAX_CODE);
        m.put("recoveryEmail", "someone@example.org");
        return m;
    }

    @Test
    void aPostmasterCreatesSuspendsResetsListsAndDeletesInItsOwnDomain() throws Exception {
        ApiClient.Answer created = f.https.post("/api/v1/mailboxes", postmaster, member("nostra@pec.localhost"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        f.ops().passwords().setByOperator(it.pecgateway.gateway.ops.Actor.Operator.LOCAL, "nostra@pec.localhost",
                "Nostra-pw-2024".toCharArray());

        assertThat(f.https.get(OURS, postmaster).status()).isEqualTo(200);
        assertThat(f.https.get("/api/v1/domains", postmaster).json().get("domains").toString()).isEqualTo("[\"pec.localhost\"]");
        assertThat(f.https.get("/api/v1/domains/pec.localhost/mailboxes", postmaster).text()).contains("nostra@pec.localhost")
                .doesNotContain("altrui");
        assertThat(f.https.post(OURS + "/reset", postmaster, null).json().get("sentTo").asText()).isEqualTo("someone@example.org");
        assertThat(f.https.post(OURS + "/suspend", postmaster, null).json().get("state").asText()).isEqualTo("suspended");
        assertThat(f.https.post(OURS + "/resume", postmaster, null).status()).as("resuming is the operator's").isEqualTo(403);
        assertThat(f.https.call("DELETE", OURS, postmaster, null).status()).isEqualTo(204);
        assertThat(f.gateway.store().accounts().find("nostra@pec.localhost")).isEmpty();
        assertThat(f.gateway.store().legalLog().query(new LogQuery(Optional.empty(), Optional.of("nostra@pec.localhost"),
                Optional.empty(), Optional.empty(), 0))).extracting(r -> r.event().sender()).contains("postmaster:postmaster-local@pec.localhost");
    }

    @Test
    void everyActionOnAnotherDomainIsForbiddenAndChangesNothing() throws Exception {
        Mailbox before = f.gateway.store().accounts().find("altrui@pec.other.localhost").orElseThrow();
        long logBefore = f.gateway.store().legalLog().verify().recordsChecked();
        String csv = "address,tax_code,recovery_email,phone\nnuova@pec.other.localhost," + OpsFixture.TAX_CODE + ",n@example.org,\n";
        Map<String, ApiClient.Answer> answers = new LinkedHashMap<>();
        answers.put("create", f.https.post("/api/v1/mailboxes", postmaster, member("nuova@pec.other.localhost")));
        answers.put("view", f.https.get(THEIRS, postmaster));
        answers.put("list", f.https.get("/api/v1/domains/pec.other.localhost/mailboxes", postmaster));
        answers.put("suspend", f.https.post(THEIRS + "/suspend", postmaster, null));
        answers.put("resume", f.https.post(THEIRS + "/resume", postmaster, null));
        answers.put("renew", f.https.post(THEIRS + "/renew", postmaster, null));
        answers.put("reset", f.https.post(THEIRS + "/reset", postmaster, null));
        answers.put("password", f.https.call("PUT", THEIRS + "/password", postmaster, Map.of("password", "Taken-Over-99")));
        answers.put("holder", f.https.call("PATCH", THEIRS + "/holder", postmaster, Map.of("recoveryEmail", "thief@example.org")));
        answers.put("rule", f.https.call("PUT", THEIRS + "/rule", postmaster, Map.of("rule", "forward", "target", "thief@example.org")));
        answers.put("notices", f.https.call("PUT", THEIRS + "/notices", postmaster, Map.of("to", List.of("thief@example.org"))));
        answers.put("delete", f.https.call("DELETE", THEIRS, postmaster, null));
        answers.put("log", f.https.get("/api/v1/log?address=altrui@pec.other.localhost", postmaster));
        answers.put("verify", f.https.get("/api/v1/log/verify", postmaster));
        answers.put("import", f.https.call("POST", "/api/v1/mailboxes/import", Map.of("Authorization", "Bearer " + postmaster,
                "Content-Type", "text/csv"), csv));

        answers.forEach((action, a) -> {
            if (action.equals("import")) {
                assertThat(a.status()).isEqualTo(200);
                assertThat(a.json().get("lines").get(0).get("outcome").asText()).isEqualTo("refused");
                assertThat(a.json().get("lines").get(0).get("message").asText()).contains("may not create mailbox");
            } else {
                assertThat(a.status()).as(action + ": " + a.text()).isEqualTo(403);
                assertThat(a.json().get("error").asText()).as(action).isEqualTo("forbidden");
            }
        });
        assertThat(f.gateway.store().accounts().find("altrui@pec.other.localhost")).contains(before);
        assertThat(f.gateway.store().accounts().holder("altrui@pec.other.localhost").recoveryEmail()).contains("altrui@example.org");
        assertThat(f.gateway.store().accounts().find("nuova@pec.other.localhost")).isEmpty();
        assertThat(f.gateway.store().accounts().authenticate("altrui@pec.other.localhost", "Altrui-pw-2024".toCharArray())).isPresent();
        assertThat(f.gateway.store().legalLog().verify().recordsChecked()).as("nothing was logged as done").isEqualTo(logBefore);
        assertThat(before.state()).isEqualTo(MailboxState.ACTIVE);
    }

    @Test
    void anAddressWithSpacesAroundIsJudgedAsTheStoreReadsIt() throws Exception {
        f.activeMember("spazi@pec.localhost", "spazi@example.org", "Spazi-pw-2024");

        ApiClient.Answer ours = f.https.get("/api/v1/mailboxes/%20Spazi@pec.localhost%20", postmaster);
        ApiClient.Answer theirs = f.https.get("/api/v1/mailboxes/%20altrui@pec.other.localhost%20", postmaster);
        ApiClient.Answer list = f.https.get("/api/v1/domains/%20pec.localhost%20/mailboxes", postmaster);

        assertThat(ours.status()).as(ours.text()).isEqualTo(200);
        assertThat(ours.field("address")).isEqualTo("spazi@pec.localhost");
        assertThat(theirs.status()).isEqualTo(403);
        assertThat(list.status()).as(list.text()).isEqualTo(200);
    }

    @Test
    void aLookalikeDomainIsAnotherDomain() throws Exception {
        assertThat(f.https.get("/api/v1/mailboxes/x@evil.pec.localhost", postmaster).status()).isEqualTo(403);
        assertThat(f.https.get("/api/v1/domains/pec.localhost.evil/mailboxes", postmaster).status()).isEqualTo(403);
    }

    @Test
    void aPostmasterTokenIsNotAHoldersSession() throws Exception {
        assertThat(f.https.get("/api/v1/me", postmaster).status()).isEqualTo(403);
    }
}
