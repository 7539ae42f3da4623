package it.pecgateway.access.imap;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.access.AccessMetrics.LoginFailure;
import it.pecgateway.access.AccessMetrics.Protocol;
import it.pecgateway.access.support.AccessFixture;
import it.pecgateway.access.support.ImapClient;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.MailboxState;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ImapLoginDialogTest {
    static AccessFixture fx;
    static Mailbox anna;

    @BeforeAll
    static void start() {
        fx = new AccessFixture().start();
        anna = fx.mailbox("anna");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void greetingAnnouncesCapabilitiesWithAuthPlainUnderTls() {
        try (ImapClient c = fx.imap()) {
            assertThat(c.greeting).startsWith("* OK [CAPABILITY IMAP4rev1").contains("AUTH=PLAIN").doesNotContain("LOGINDISABLED");
            List<String> lines = c.ok("a1 CAPABILITY");
            assertThat(lines.get(0)).startsWith("* CAPABILITY IMAP4rev1").contains("LITERAL+", "IDLE", "ID", "ENABLE");
        }
    }

    @Test
    void loginWithTheRightPasswordSucceedsAndListsExtensions() {
        try (ImapClient c = fx.imap()) {
            List<String> lines = c.ok("a1 LOGIN " + anna.address() + " " + AccessFixture.PASSWORD);
            assertThat(c.last(lines)).startsWith("a1 OK [CAPABILITY ").contains("UIDPLUS", "MOVE", "CONDSTORE", "QUOTA");
            assertThat(c.ok("a2 LOGOUT").get(0)).isEqualTo("* BYE Logging out");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void loginWithAWrongPasswordIsRefusedAfterADelayAndCounted() {
        long before = fx.metrics.loginsFailed(Protocol.IMAP, LoginFailure.BAD_CREDENTIALS);
        try (ImapClient c = fx.imap()) {
            long start = System.nanoTime();
            List<String> lines = c.command("a1 LOGIN " + anna.address() + " wrong");
            assertThat(c.last(lines)).isEqualTo("a1 NO [AUTHENTICATIONFAILED] Authentication failed");
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(45);
        }
        assertThat(fx.metrics.loginsFailed(Protocol.IMAP, LoginFailure.BAD_CREDENTIALS)).isEqualTo(before + 1);
    }

    @Test
    void authenticatePlainWorksWithAContinuationAndWithAnInitialResponse() {
        String token = Base64.getEncoder().encodeToString(("\0" + anna.address() + "\0" + AccessFixture.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        try (ImapClient c = fx.imap()) {
            c.send("a1 AUTHENTICATE PLAIN");
            assertThat(c.line()).isEqualTo("+ ");
            c.send(token);
            assertThat(c.last(c.until("a1"))).startsWith("a1 OK");
        }
        try (ImapClient c = fx.imap()) {
            assertThat(c.last(c.ok("a1 AUTHENTICATE PLAIN " + token))).startsWith("a1 OK");
        }
    }

    @Test
    void authenticateCanBeCancelled() {
        try (ImapClient c = fx.imap()) {
            c.send("a1 AUTHENTICATE PLAIN");
            assertThat(c.line()).isEqualTo("+ ");
            c.send("*");
            assertThat(c.last(c.until("a1"))).isEqualTo("a1 BAD Authentication cancelled");
        }
    }

    @Test
    void suspendedAndInactiveMailboxesCannotLogIn() {
        Mailbox suspended = fx.mailbox("suspended", MailboxState.SUSPENDED);
        Mailbox inactive = fx.mailbox("inactive", MailboxState.INACTIVE);
        for (Mailbox m : List.of(suspended, inactive)) {
            try (ImapClient c = fx.imap()) {
                List<String> lines = c.command("a1 LOGIN " + m.address() + " " + AccessFixture.PASSWORD);
                assertThat(c.last(lines)).isEqualTo("a1 NO [AUTHORIZATIONFAILED] Mailbox not enabled for access");
                assertThat(c.last(c.command("a2 SELECT INBOX"))).startsWith("a2 BAD");
            }
        }
    }

    @Test
    void commandsBeforeLoginAreRefused() {
        try (ImapClient c = fx.imap()) {
            assertThat(c.last(c.command("a1 SELECT INBOX"))).isEqualTo("a1 BAD Log in first");
            assertThat(c.last(c.command("a2 FROB"))).isEqualTo("a2 BAD Unknown command");
            assertThat(c.last(c.command("a3 LOGIN onlyone"))).isEqualTo("a3 BAD Missing argument");
            assertThat(c.ok("a4 NOOP")).hasSize(1);
        }
    }

    @Test
    void plaintextPortRefusesLoginUntilStartTls() {
        try (ImapClient c = ImapClient.plain(fx.imapStartTlsAddress)) {
            assertThat(c.greeting).contains("STARTTLS", "LOGINDISABLED").doesNotContain("AUTH=PLAIN");
            List<String> lines = c.command("a1 LOGIN " + anna.address() + " " + AccessFixture.PASSWORD);
            assertThat(c.last(lines)).startsWith("a1 NO [PRIVACYREQUIRED]");
            assertThat(c.last(c.command("a2 STARTTLS"))).isEqualTo("a2 OK Begin TLS negotiation now");
            c.startTls(fx.pki.clientContext());
            assertThat(c.ok("a3 CAPABILITY").get(0)).contains("AUTH=PLAIN").doesNotContain("STARTTLS");
            assertThat(c.last(c.ok("a4 LOGIN " + anna.address() + " " + AccessFixture.PASSWORD))).startsWith("a4 OK");
        }
    }

    @Test
    void plaintextPipelinedAfterStartTlsIsDiscarded() {
        try (ImapClient c = ImapClient.plain(fx.imapStartTlsAddress)) {
            c.raw("a1 STARTTLS\r\na2 LOGIN x y\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(c.line()).isEqualTo("a1 OK Begin TLS negotiation now");
            c.startTls(fx.pki.clientContext());
            // the injected a2 was dropped: the next answer is for our a3
            assertThat(c.ok("a3 NOOP")).containsExactly("a3 OK NOOP completed");
        }
    }
}
