package it.pecgateway.access.imap;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.access.support.AccessFixture;
import it.pecgateway.access.support.ImapClient;
import it.pecgateway.mailstore.Mailbox;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two sessions on one mailbox see each other's changes as RFC 3501 7.4.1 allows; IDLE hears at once. */
class ImapConcurrentSessionsTest {
    static final AccessFixture fx = AccessFixture.shared();

    @Test
    void anotherSessionsAppendFlagsAndExpungeAreAnnounced() {
        Mailbox m = fx.mailbox("shared");
        fx.deliver(m, AccessFixture.message("uno", "1"));
        try (ImapClient a = fx.imapLoggedIn(m); ImapClient b = fx.imapLoggedIn(m)) {
            a.ok("a1 SELECT INBOX");
            b.ok("b1 SELECT INBOX");
            b.ok("b2 APPEND INBOX {" + AccessFixture.message("due", "2").length() + "+}\r\n" + AccessFixture.message("due", "2"));
            assertThat(a.ok("a2 NOOP")).containsExactly("* 2 EXISTS", "* 1 RECENT", "a2 OK NOOP completed");
            b.ok("b3 STORE 1 +FLAGS.SILENT (\\Seen)");
            assertThat(a.ok("a3 NOOP")).containsExactly("* 1 FETCH (FLAGS (\\Seen) UID 1)", "a3 OK NOOP completed");
            b.ok("b4 STORE 1 +FLAGS.SILENT (\\Deleted)");
            b.ok("b5 EXPUNGE");
            // during FETCH the expunged message keeps its number: no EXPUNGE may be sent
            List<String> fetch = a.ok("a4 FETCH 1:* UID");
            assertThat(fetch).noneMatch(l -> l.contains("EXPUNGE"));
            assertThat(fetch).contains("* 2 FETCH (UID 2)");
            assertThat(a.ok("a5 NOOP")).contains("* 1 EXPUNGE");
            assertThat(a.ok("a6 FETCH 1 UID")).containsExactly("* 1 FETCH (UID 2)", "a6 OK FETCH completed");
        }
    }

    @Test
    void uidCommandsMayAnnounceExpunges() {
        Mailbox m = fx.mailbox("uidexp");
        fx.deliver(m, AccessFixture.message("uno", "1"));
        fx.deliver(m, AccessFixture.message("due", "2"));
        try (ImapClient a = fx.imapLoggedIn(m); ImapClient b = fx.imapLoggedIn(m)) {
            a.ok("a1 SELECT INBOX");
            b.ok("b1 SELECT INBOX");
            b.ok("b2 STORE 1 +FLAGS.SILENT (\\Deleted)");
            b.ok("b3 EXPUNGE");
            assertThat(a.ok("a2 UID FETCH 1:* UID")).contains("* 1 EXPUNGE");
        }
    }

    @Test
    void anIdleSessionHearsOfANewMessageWithinASecond() {
        Mailbox m = fx.mailbox("idle");
        try (ImapClient a = fx.imapLoggedIn(m)) {
            a.ok("a1 SELECT INBOX");
            a.send("a2 IDLE");
            assertThat(a.line()).isEqualTo("+ idling");
            long start = System.nanoTime();
            fx.deliver(m, AccessFixture.message("nuovo", "arrivato"));
            assertThat(a.line()).isEqualTo("* 1 EXISTS");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(millis).isLessThan(1000);
            assertThat(a.line()).isEqualTo("* 1 RECENT");
            fx.store.messages().updateFlags(fx.inbox(m).id(), List.of(1L),
                    it.pecgateway.mailstore.Messages.FlagUpdate.ADD, java.util.Set.of("\\Flagged"), java.util.OptionalLong.empty());
            assertThat(a.line()).isEqualTo("* 1 FETCH (FLAGS (\\Flagged \\Recent) UID 1)");
            a.send("DONE");
            assertThat(a.line()).isEqualTo("a2 OK IDLE terminated");
            assertThat(a.ok("a3 SEARCH RECENT").get(0)).isEqualTo("* SEARCH 1");
        }
    }

    @Test
    void idleEndsOnlyWithDone() {
        Mailbox m = fx.mailbox("idledone");
        try (ImapClient a = fx.imapLoggedIn(m)) {
            a.send("a1 IDLE");
            assertThat(a.line()).isEqualTo("+ idling");
            a.send("NOOP");
            assertThat(a.line()).isEqualTo("a1 BAD Expected DONE");
            assertThat(a.ok("a2 NOOP")).hasSize(1);
        }
    }

    @Test
    void pipelinedCommandsAreAnsweredInOrder() {
        Mailbox m = fx.mailbox("pipeline");
        fx.deliver(m, AccessFixture.message("uno", "1"));
        try (ImapClient a = fx.imapLoggedIn(m)) {
            a.raw("p1 SELECT INBOX\r\np2 FETCH 1 UID\r\np3 NOOP\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(a.last(a.until("p1"))).startsWith("p1 OK");
            assertThat(a.until("p2")).containsExactly("* 1 FETCH (UID 1)", "p2 OK FETCH completed");
            assertThat(a.until("p3")).containsExactly("p3 OK NOOP completed");
        }
    }
}
