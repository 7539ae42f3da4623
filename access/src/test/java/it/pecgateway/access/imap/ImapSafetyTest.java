package it.pecgateway.access.imap;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.access.AccessMetrics.LoginFailure;
import it.pecgateway.access.AccessMetrics.Protocol;
import it.pecgateway.access.AccessMetrics.Refusal;
import it.pecgateway.access.support.AccessFixture;
import it.pecgateway.access.support.ImapClient;
import it.pecgateway.mailstore.Mailbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Caps, timeouts, slowed logins and the wire never carrying forged lines or exception text. */
class ImapSafetyTest {
    static AccessFixture fx;

    @BeforeAll
    static void start() {
        fx = new AccessFixture(s -> s.withConnectionLimits(2, 6).withIdleTimeouts(Duration.ofMillis(700), Duration.ofMillis(700))
                .withMaxLiteralBytes(1024 * 1024)).start();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void aTooLongLineEndsTheConnection() {
        long before = fx.metrics.refusals(Protocol.IMAP, Refusal.LINE_TOO_LONG);
        try (ImapClient c = fx.imap()) {
            c.raw(("a1 NOOP " + "x".repeat(70_000)).getBytes(StandardCharsets.US_ASCII));
            assertThat(c.line()).isEqualTo("* BYE Line too long");
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(fx.metrics.refusals(Protocol.IMAP, Refusal.LINE_TOO_LONG)).isEqualTo(before + 1);
    }

    @Test
    void aTooLargeSynchronisingLiteralIsRefusedBeforeUpload() {
        Mailbox m = fx.mailbox("toobig");
        try (ImapClient c = fx.imapLoggedIn(m)) {
            assertThat(c.command("a1 APPEND INBOX {2000000}")).containsExactly("a1 NO [TOOBIG] Literal too large");
            assertThat(c.ok("a2 NOOP")).containsExactly("a2 OK NOOP completed");
        }
    }

    @Test
    void beforeLoginOnlySmallLiteralsAreAccepted() {
        try (ImapClient c = fx.imap()) {
            assertThat(c.command("a1 LOGIN {100000}")).containsExactly("a1 NO [TOOBIG] Literal too large");
            c.send("a2 LOGIN {4}");
            assertThat(c.line()).startsWith("+ ");
            c.send("anna {4}");
            assertThat(c.line()).startsWith("+ ");
            c.send("pass");
            assertThat(c.line()).startsWith("a2 NO [AUTHENTICATIONFAILED]");
        }
    }

    @Test
    void aTooLargeNonSynchronisingLiteralEndsTheConnection() {
        Mailbox m = fx.mailbox("toobigplus");
        try (ImapClient c = fx.imapLoggedIn(m)) {
            c.send("a1 APPEND INBOX {2000000+}");
            assertThat(c.line()).isEqualTo("* BYE [TOOBIG] Literal too large");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void aCrlfInsideACommandLiteralCannotStartACommand() {
        Mailbox m = fx.mailbox("forge");
        try (ImapClient c = fx.imapLoggedIn(m)) {
            String name = "INBOX\r\na2 NOOP";
            c.send("a1 SELECT {" + name.length() + "}");
            assertThat(c.line()).startsWith("+ ");
            c.raw((name + "\r\n").getBytes(StandardCharsets.US_ASCII));
            List<String> reply = c.until("a1");
            assertThat(reply).hasSize(1);
            assertThat(reply.get(0)).startsWith("a1 NO [");
            assertThat(c.command("a3 NOOP")).containsExactly("a3 OK NOOP completed");
        }
    }

    @Test
    void aReplyLineInsideAStoredMessageStaysInsideItsLiteral() {
        Mailbox m = fx.mailbox("forgefetch");
        String forged = "Subject: x\r\n\r\nhello\r\nf1 OK FETCH completed\r\n* BYE forged\r\n";
        fx.deliver(m, forged);
        try (ImapClient c = fx.imapLoggedIn(m)) {
            c.ok("a1 SELECT INBOX");
            c.send("f1 FETCH 1 BODY.PEEK[]");
            assertThat(c.line()).isEqualTo("* 1 FETCH (BODY[] {" + forged.length() + "}");
            assertThat(new String(c.bytes(forged.length()), StandardCharsets.US_ASCII)).isEqualTo(forged);
            assertThat(c.line()).isEqualTo(")");
            assertThat(c.line()).isEqualTo("f1 OK FETCH completed");
        }
    }

    @Test
    void connectionsPerAddressAreCapped() {
        List<ImapClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                open.add(fx.imap());
            }
            try (ImapClient extra = fx.imap()) {
                assertThat(extra.greeting).isEqualTo("* BYE Too many connections from your address");
                assertThat(extra.closedByServer()).isTrue();
            }
        } finally {
            open.forEach(ImapClient::close);
        }
        assertThat(fx.metrics.refusals(Protocol.IMAP, Refusal.TOO_MANY_FROM_ADDRESS)).isPositive();
    }

    @Test
    void sessionsPerMailboxAreCapped() throws InterruptedException {
        Mailbox m = fx.mailbox("capped");
        try (ImapClient a = fx.imapLoggedIn(m); ImapClient b = fx.imapLoggedIn(m); ImapClient c = fx.imap()) {
            List<String> third = c.command("a0 LOGIN " + m.address() + " " + AccessFixture.PASSWORD);
            assertThat(c.last(third)).isEqualTo("a0 NO [LIMIT] Too many sessions for this mailbox");
            assertThat(fx.metrics.loginsFailed(Protocol.IMAP, LoginFailure.TOO_MANY_SESSIONS)).isPositive();
            assertThat(b.ok("b9 NOOP")).hasSize(1);
            a.ok("a9 LOGOUT");
        }
        Thread.sleep(200);
        try (ImapClient d = fx.imapLoggedIn(m)) {
            assertThat(d.ok("z1 NOOP")).hasSize(1);
        }
    }

    @Test
    void silentConnectionsAreLoggedOut() {
        try (ImapClient c = fx.imap()) {
            long start = System.nanoTime();
            assertThat(c.line()).isEqualTo("* BYE Autologout; idle for too long");
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(500L, 5000L);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void repeatedLoginFailuresAreSlowedDownMoreEachTime() {
        try (ImapClient c = fx.imap()) {
            List<Long> delays = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                assertThat(c.last(c.command("l" + i + " LOGIN nobody@pec.example.it wrong"))).startsWith("l" + i + " NO");
                delays.add((System.nanoTime() - start) / 1_000_000);
            }
            assertThat(delays.get(2)).isGreaterThan(delays.get(0));
            assertThat(delays.get(2)).isGreaterThanOrEqualTo(190);
        }
    }

    @Test
    void storageFailuresBecomeGenericRepliesWithoutDetails() throws IOException {
        Mailbox m = fx.mailbox("broken");
        // large enough to live in a file of its own (small bodies are kept inside the database)
        fx.deliver(m, "Subject: lost body\r\n\r\n" + "body line\r\n".repeat(30_000));
        try (Stream<Path> files = Files.walk(fx.dir.resolve("store/blobs"))) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Files.delete(p);
            }
        }
        try (ImapClient c = fx.imapLoggedIn(m)) {
            c.ok("a1 SELECT INBOX");
            String reply = c.last(c.command("a2 FETCH 1 BODY.PEEK[]"));
            assertThat(reply).startsWith("a2 NO [");
            assertThat(reply).doesNotContainIgnoringCase("exception").doesNotContain("/").doesNotContain("blob");
            assertThat(c.ok("a3 NOOP")).hasSize(1);
        }
    }
}
