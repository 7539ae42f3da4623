package it.pecgateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.access.AccessMetrics.Protocol;
import it.pecgateway.access.AccessMetrics.Refusal;
import it.pecgateway.access.support.AccessFixture;
import it.pecgateway.access.support.ImapClient;
import it.pecgateway.access.support.LineClient;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.MailboxState;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Open sessions follow their mailbox's account (issue 7): suspended, deactivated or deleted, its IMAP sessions get
 * {@code * BYE} and its POP3 sessions are closed before UPDATE, within a second; a read-write session of a
 * mailbox that expires ends too, so that the next login is read-only; other mailboxes' sessions go on.
 */
class AccountChangeTest {
    static final AccessFixture fx = AccessFixture.shared();

    /** Applies the change with an IMAP session idling, one selected and a POP3 session with a deletion marked. */
    static void sessionsEndWhen(Mailbox m, Consumer<String> change) {
        fx.deliver(m, AccessFixture.message("uno", "1"));
        long revokedBefore = fx.metrics.refusals(Protocol.IMAP, Refusal.ACCESS_REVOKED);
        try (ImapClient idle = fx.imapLoggedIn(m); ImapClient selected = fx.imapLoggedIn(m);
             LineClient pop3 = fx.pop3LoggedIn(m)) {
            idle.ok("i1 SELECT INBOX");
            idle.send("i2 IDLE");
            assertThat(idle.line()).isEqualTo("+ idling");
            selected.ok("s1 SELECT INBOX");
            pop3.send("DELE 1");
            assertThat(pop3.line()).startsWith("+OK");

            long start = System.nanoTime();
            change.accept(m.address());
            assertThat(idle.line()).isEqualTo("* BYE Access to this mailbox has changed; log in again");
            assertThat(selected.line()).isEqualTo("* BYE Access to this mailbox has changed; log in again");
            assertThat(idle.closedByServer()).isTrue();
            assertThat(selected.closedByServer()).isTrue();
            assertThat(pop3.closedByServer()).isTrue();
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
        }
        assertThat(fx.metrics.refusals(Protocol.IMAP, Refusal.ACCESS_REVOKED)).isEqualTo(revokedBefore + 2);
    }

    @Test
    void suspensionEndsImapAndPop3SessionsAndKeepsTheMarkedDeletion() {
        Mailbox m = fx.mailbox("sospesa");
        sessionsEndWhen(m, address -> fx.store.accounts().setState(address, MailboxState.SUSPENDED));

        assertThat(fx.store.messages().uids(fx.inbox(m).id())).containsExactly(1L);
        try (ImapClient again = fx.imap()) {
            assertThat(again.command("a1 LOGIN " + m.address() + " " + AccessFixture.PASSWORD))
                    .containsExactly("a1 NO [AUTHORIZATIONFAILED] Mailbox not enabled for access");
        }
        try (LineClient again = fx.pop3()) {
            again.line();
            again.send("USER " + m.address());
            again.line();
            again.send("PASS " + AccessFixture.PASSWORD);
            assertThat(again.line()).isEqualTo("-ERR [AUTH] Mailbox not enabled for access");
        }
    }

    @Test
    void deactivationEndsTheSessions() {
        Mailbox m = fx.mailbox("disattivata");
        sessionsEndWhen(m, address -> fx.store.accounts().setState(address, MailboxState.INACTIVE));
    }

    @Test
    void deletionEndsTheSessionsAndTheNextLoginFails() {
        Mailbox m = fx.mailbox("cancellata");
        sessionsEndWhen(m, address -> fx.store.accounts().deleteMailbox(address));

        try (ImapClient again = fx.imap()) {
            assertThat(again.command("a1 LOGIN " + m.address() + " " + AccessFixture.PASSWORD).get(0))
                    .startsWith("a1 NO [AUTHENTICATIONFAILED]");
        }
    }

    @Test
    void expiryEndsAReadWriteSessionAndTheNextLoginIsReadOnly() {
        Mailbox m = fx.mailbox("scaduta");
        sessionsEndWhen(m, address -> fx.store.accounts().setState(address, MailboxState.EXPIRED));

        try (ImapClient again = fx.imapLoggedIn(m)) {
            assertThat(again.last(again.ok("a1 SELECT INBOX"))).isEqualTo("a1 OK [READ-ONLY] SELECT completed");
        }
    }

    @Test
    void aReadOnlySessionOutlivesAnExpiryDateMovedAndTheRenewalOfItsMailbox() {
        Mailbox m = fx.mailbox("rinnovata", MailboxState.EXPIRED);
        try (ImapClient readOnly = fx.imapLoggedIn(m); LineClient pop3 = fx.pop3LoggedIn(m)) {
            readOnly.ok("a1 SELECT INBOX");
            fx.store.accounts().setExpiry(m.address(), Optional.of(Instant.now().minusSeconds(60)));
            fx.store.accounts().setState(m.address(), MailboxState.ACTIVE);
            fx.store.accounts().setExpiry(m.address(), Optional.empty());
            // the session keeps the rights it logged in with
            assertThat(readOnly.command("a2 STORE 1:* +FLAGS (\\Seen)"))
                    .containsExactly("a2 NO [NOPERM] Mailbox is read-only");
            pop3.send("NOOP");
            assertThat(pop3.line()).startsWith("+OK");
        }
    }

    @Test
    void anotherMailboxsSuspensionAndAQuotaChangeLeaveASessionAlone() {
        Mailbox m = fx.mailbox("tranquilla");
        Mailbox other = fx.mailbox("vicina");
        try (ImapClient session = fx.imapLoggedIn(m); LineClient pop3 = fx.pop3LoggedIn(m)) {
            session.ok("a1 SELECT INBOX");
            fx.store.accounts().setState(other.address(), MailboxState.SUSPENDED);
            fx.store.accounts().setQuota(m.address(), 1_000_000);
            fx.store.accounts().setState(m.address(), MailboxState.ACTIVE);
            assertThat(session.ok("a2 NOOP")).containsExactly("a2 OK NOOP completed");
            pop3.send("STAT");
            assertThat(pop3.line()).isEqualTo("+OK 0 0");
        }
    }
}
