package it.pecgateway.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.gateway.cli.Cli;
import it.pecgateway.mailstore.MailboxState;
import jakarta.mail.Folder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator's suspension (API), deletion (CLI) and the life-cycle job's expiry (CLI) end the holder's open
 * IMAP (Angus Mail, idling) and POP3 sessions within a second; the next login shows the new state.
 */
class SessionsEndWithTheirMailboxTest {
    static final String ANNA = "anna@pec.localhost";
    static final String PASSWORD = "Anna-pw-2024";
    static final Duration PROMPTLY = Duration.ofSeconds(1);

    @TempDir
    Path dir;
    OpsFixture f;

    @BeforeEach
    void start() throws Exception {
        f = OpsFixture.start(dir);
        f.activeMember(ANNA, "anna@example.org", PASSWORD);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    long inboxMessages() {
        var store = f.gateway.store();
        long id = store.accounts().find(ANNA).orElseThrow().id();
        return store.folders().status(store.folders().find(id, "INBOX").orElseThrow().id()).messages();
    }

    @Test
    void anOperatorsSuspensionThroughTheApiEndsOpenImapAndPop3Sessions() throws Exception {
        String operator = f.operatorToken("ops-team");
        try (OpenMailSessions sessions = OpenMailSessions.open(f.gateway, f.trust, ANNA, PASSWORD)) {
            var suspended = f.https.post("/api/v1/mailboxes/" + ANNA + "/suspend", operator, Map.of("reason", "court order"));
            assertThat(suspended.status()).as(suspended.text()).isEqualTo(200);

            sessions.awaitEnd(PROMPTLY);
        }
        assertThat(inboxMessages()).as("the POP3 deletion was not applied").isEqualTo(1);
        assertThat(OpenMailSessions.imapOpen(f.gateway, f.trust, ANNA, PASSWORD, Folder.READ_ONLY)).isEqualTo("login refused");
        assertThat(OpenMailSessions.pop3Login(f.gateway, f.trust, ANNA, PASSWORD))
                .isEqualTo("-ERR [AUTH] Mailbox not enabled for access");
    }

    @Test
    void aDeletionFromTheCommandLineEndsOpenImapAndPop3Sessions() throws Exception {
        try (OpenMailSessions sessions = OpenMailSessions.open(f.gateway, f.trust, ANNA, PASSWORD)) {
            Cli.Result deleted = new Cli(dir).run("mailbox", "delete", ANNA);
            assertThat(deleted.status()).as(deleted.err()).isZero();

            sessions.awaitEnd(PROMPTLY);
        }
        assertThat(OpenMailSessions.imapOpen(f.gateway, f.trust, ANNA, PASSWORD, Folder.READ_ONLY)).isEqualTo("login refused");
        assertThat(OpenMailSessions.pop3Login(f.gateway, f.trust, ANNA, PASSWORD)).startsWith("-ERR [AUTH]");
    }

    @Test
    void theLifeCycleJobsExpiryEndsReadWriteSessionsAndTheNextLoginIsReadOnly() throws Exception {
        try (OpenMailSessions sessions = OpenMailSessions.open(f.gateway, f.trust, ANNA, PASSWORD)) {
            f.clock.advance(Duration.ofDays(3 * 365 + 10)); // past the three years of validity, within the grace period
            Cli.Result run = new Cli(dir).run("lifecycle", "run");
            assertThat(run.out()).as(run.err()).startsWith("life cycle: 1 expired");

            sessions.awaitEnd(PROMPTLY);
        }
        assertThat(f.gateway.store().accounts().find(ANNA).orElseThrow().state()).isEqualTo(MailboxState.EXPIRED);
        assertThat(OpenMailSessions.imapOpen(f.gateway, f.trust, ANNA, PASSWORD, Folder.READ_WRITE)).isEqualTo("read-only");
        assertThat(OpenMailSessions.pop3Login(f.gateway, f.trust, ANNA, PASSWORD)).startsWith("+OK Logged in");
    }
}
