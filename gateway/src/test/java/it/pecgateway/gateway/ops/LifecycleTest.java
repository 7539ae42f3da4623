package it.pecgateway.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.gateway.ops.api.ApiClient;
import it.pecgateway.mailstore.LegalLog.LogQuery;
import it.pecgateway.mailstore.MailboxState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The life cycle with a clock moved forward: an inactive mailbox neither sends nor receives certified mail; after
 * activation it does; past its expiry it is read-only (no sending, certified mail refused with a non-delivery
 * notice), and past the grace period the life-cycle job deletes it. Renewal brings an expired mailbox back.
 */
class LifecycleTest {
    static final String SENDER_PASSWORD = "Mario-pw-2024";
    static final Actor OPERATOR = Actor.Operator.LOCAL;

    @TempDir
    Path dir;
    OpsFixture f;
    PecClient mail;

    @BeforeEach
    void start() throws Exception {
        f = OpsFixture.start(dir);
        mail = new PecClient(f);
        f.activeMember("mario@pec.localhost", "mario@example.org", SENDER_PASSWORD);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    static boolean nonDeliveryFor(String m, String recipient) {
        return m.contains("X-Ricevuta: errore-consegna") && m.contains(recipient);
    }

    static boolean deliveryFor(String m, String recipient) {
        return m.contains("X-Ricevuta: avvenuta-consegna") && m.contains(recipient);
    }

    String events(String address) {
        return f.gateway.store().legalLog().query(new LogQuery(Optional.empty(), Optional.of(address), Optional.empty(),
                Optional.empty(), 0)).toString();
    }

    @Test
    void anInactiveMailboxNeitherSendsNorReceivesUntilItsHolderActivatesIt() throws Exception {
        f.member("luca@pec.localhost", "luca@example.org");
        // a password without activation (as if set behind the service's back): still no sending
        f.gateway.store().accounts().setPassword("luca@pec.localhost", "Luca-pw-2024".toCharArray());

        String refused = mail.send("luca@pec.localhost", "Luca-pw-2024", "mario@pec.localhost", "from an inactive mailbox");
        assertThat(mail.imapOpen("luca@pec.localhost", "Luca-pw-2024", jakarta.mail.Folder.READ_ONLY)).isEqualTo("login refused");
        String accepted = mail.send("mario@pec.localhost", SENDER_PASSWORD, "luca@pec.localhost", "to an inactive mailbox");
        mail.awaitInbox("mario@pec.localhost", m -> nonDeliveryFor(m, "luca@pec.localhost"));
        assertThat(refused).startsWith("AUTH refused");
        assertThat(accepted).startsWith("250");
        assertThat(mail.inbox("luca@pec.localhost")).isEmpty();

        String token = OpsFixture.linkToken(f.awaitMail("luca@example.org", 1));
        f.ops().resets().complete(token, "Luca-pw-20245".toCharArray(), true);

        assertThat(mail.send("luca@pec.localhost", "Luca-pw-20245", "mario@pec.localhost", "now active")).startsWith("250");
        assertThat(mail.imapOpen("luca@pec.localhost", "Luca-pw-20245", jakarta.mail.Folder.READ_WRITE)).isEqualTo("read-write");
        mail.send("mario@pec.localhost", SENDER_PASSWORD, "luca@pec.localhost", "to an active mailbox");
        mail.awaitInbox("mario@pec.localhost", m -> deliveryFor(m, "luca@pec.localhost"));
        assertThat(mail.inbox("luca@pec.localhost")).anySatisfy(m -> assertThat(m).contains("to an active mailbox"));
    }

    @Test
    void pastItsExpiryAMailboxIsReadOnlyThenDeletedAfterTheGracePeriod() throws Exception {
        f.activeMember("luca@pec.localhost", "luca@example.org", "Luca-pw-2024");
        LocalDate today = LocalDate.now(f.clock.withZone(ZoneId.of("Europe/Rome")));
        f.ops().lifecycle().renew(OPERATOR, "luca@pec.localhost", Optional.of(today));

        f.clock.advance(Duration.ofDays(1));
        assertThat(f.ops().sweep().run().expired()).isEqualTo(1);

        assertThat(f.gateway.store().accounts().find("luca@pec.localhost").orElseThrow().state()).isEqualTo(MailboxState.EXPIRED);
        assertThat(mail.imapOpen("luca@pec.localhost", "Luca-pw-2024", jakarta.mail.Folder.READ_WRITE)).isEqualTo("read-only");
        assertThat(mail.imapOpen("luca@pec.localhost", "Luca-pw-2024", jakarta.mail.Folder.READ_ONLY)).isEqualTo("read-only");
        assertThat(mail.send("luca@pec.localhost", "Luca-pw-2024", "mario@pec.localhost", "from an expired mailbox")).startsWith("AUTH refused");
        mail.send("mario@pec.localhost", SENDER_PASSWORD, "luca@pec.localhost", "to an expired mailbox");
        mail.awaitInbox("mario@pec.localhost", m -> nonDeliveryFor(m, "luca@pec.localhost"));
        ApiClient.Answer login = f.https.post("/api/v1/session", null, Map.of("address", "luca@pec.localhost", "password", "Luca-pw-2024"));
        ApiClient.Answer me = f.https.get("/api/v1/me", login.field("token"));
        assertThat(me.field("state")).as("the holder still logs in to see its status").isEqualTo("expired");
        assertThat(me.field("graceEndsAt")).isNotEmpty();
        assertThat(f.ops().sweep().run().expired()).as("expired once").isZero();

        f.clock.advance(Duration.ofDays(89));
        assertThat(f.ops().sweep().run().deleted()).as("still in its grace period").isZero();
        f.clock.advance(Duration.ofDays(1));
        LifecycleSweep.Outcome last = f.ops().sweep().run();

        assertThat(last.deleted()).isEqualTo(1);
        assertThat(f.gateway.store().accounts().find("luca@pec.localhost")).isEmpty();
        assertThat(events("luca@pec.localhost")).contains("mailbox-expired", "mailbox-deleted", "system:lifecycle");
        assertThat(f.https.get("/api/v1/me", login.field("token")).status()).as("its sessions went with it").isEqualTo(401);
    }

    @Test
    void renewalBringsAnExpiredMailboxBackAndSuspendedOnesAreNeverDeletedByTheJob() throws Exception {
        f.activeMember("rosa@pec.localhost", "rosa@example.org", "Rosa-pw-2024");
        f.activeMember("sandro@pec.localhost", "sandro@example.org", "Sandro-pw-2024");
        LocalDate today = LocalDate.now(f.clock.withZone(ZoneId.of("Europe/Rome")));
        f.ops().lifecycle().renew(OPERATOR, "rosa@pec.localhost", Optional.of(today));
        f.ops().lifecycle().renew(OPERATOR, "sandro@pec.localhost", Optional.of(today));
        f.ops().lifecycle().suspend(OPERATOR, "sandro@pec.localhost", "investigation");
        f.clock.advance(Duration.ofDays(1));
        f.ops().sweep().run();

        f.ops().lifecycle().renew(OPERATOR, "rosa@pec.localhost", Optional.empty());
        f.clock.advance(Duration.ofDays(100));
        f.ops().sweep().run();

        var rosa = f.gateway.store().accounts().find("rosa@pec.localhost").orElseThrow();
        assertThat(rosa.state()).isEqualTo(MailboxState.ACTIVE);
        assertThat(rosa.expiresAt().orElseThrow()).isAfter(f.clock.instant().plus(Duration.ofDays(365 * 2)));
        assertThat(mail.send("rosa@pec.localhost", "Rosa-pw-2024", "mario@pec.localhost", "renewed")).startsWith("250");
        assertThat(f.gateway.store().accounts().find("sandro@pec.localhost").orElseThrow().state()).isEqualTo(MailboxState.SUSPENDED);
        assertThat(f.ops().lifecycle().resume(OPERATOR, "sandro@pec.localhost")).as("its date passed meanwhile")
                .isEqualTo(MailboxState.EXPIRED);
    }
}
