package it.pecgateway.access.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.access.AccessMetrics.LoginFailure;
import it.pecgateway.access.AccessMetrics.Protocol;
import it.pecgateway.access.support.AccessFixture;
import it.pecgateway.access.support.LineClient;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.MailboxState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Pop3DialogTest {
    static AccessFixture fx;

    @BeforeAll
    static void start() {
        fx = new AccessFixture(s -> s.withIdleTimeouts(Duration.ofMinutes(30), Duration.ofMillis(800))).start();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static List<String> multiline(LineClient c) {
        List<String> lines = new ArrayList<>();
        String l;
        while (!(l = c.line()).equals(".")) {
            lines.add(l);
        }
        return lines;
    }

    @Test
    void capaListsTheExtensions() {
        try (LineClient c = fx.pop3()) {
            c.line();
            c.send("CAPA");
            assertThat(c.line()).startsWith("+OK");
            assertThat(multiline(c)).containsExactly("USER", "SASL PLAIN", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING", "TOP", "UIDL");
        }
    }

    @Test
    void statListRetrTopUidlWorkOnASnapshot() {
        Mailbox m = fx.mailbox("pop");
        String one = AccessFixture.message("uno", "prima riga\r\n.punto iniziale\r\nterza");
        String two = AccessFixture.message("due", "secondo");
        fx.deliver(m, one);
        fx.deliver(m, two);
        long validity = fx.inbox(m).uidValidity();
        try (LineClient c = fx.pop3LoggedIn(m)) {
            c.send("STAT");
            assertThat(c.line()).isEqualTo("+OK 2 " + (one.length() + two.length()));
            c.send("LIST");
            assertThat(c.line()).startsWith("+OK");
            assertThat(multiline(c)).containsExactly("1 " + one.length(), "2 " + two.length());
            c.send("LIST 2");
            assertThat(c.line()).isEqualTo("+OK 2 " + two.length());
            c.send("UIDL");
            c.line();
            assertThat(multiline(c)).containsExactly("1 " + validity + ".1", "2 " + validity + ".2");
            fx.deliver(m, AccessFixture.message("tre", "arrivato dopo"));
            c.send("STAT");
            assertThat(c.line()).isEqualTo("+OK 2 " + (one.length() + two.length()));
            c.send("RETR 1");
            assertThat(c.line()).isEqualTo("+OK " + one.length() + " octets");
            List<String> body = multiline(c);
            assertThat(String.join("\r\n", body) + "\r\n").isEqualTo(one.replace("\r\n.punto", "\r\n..punto"));
            c.send("TOP 1 1");
            assertThat(c.line()).startsWith("+OK");
            List<String> top = multiline(c);
            assertThat(top).endsWith("", "prima riga");
            c.send("RETR 3");
            assertThat(c.line()).isEqualTo("-ERR No such message");
        }
    }

    @Test
    void topWithAHugeLineCountSendsTheWholeMessageAndANegativeCountIsRefused() {
        Mailbox m = fx.mailbox("tophuge");
        String one = AccessFixture.message("uno", "prima riga\r\nseconda riga");
        fx.deliver(m, one);
        try (LineClient c = fx.pop3LoggedIn(m)) {
            c.send("TOP 1 99999999999");
            assertThat(c.line()).startsWith("+OK");
            assertThat(String.join("\r\n", multiline(c)) + "\r\n").isEqualTo(one);
            c.send("TOP 1 99999999999999999999999");
            assertThat(c.line()).startsWith("+OK");
            assertThat(String.join("\r\n", multiline(c)) + "\r\n").isEqualTo(one);
            c.send("TOP 1 -1");
            assertThat(c.line()).isEqualTo("-ERR Invalid line count");
            c.send("TOP 1 +1");
            assertThat(c.line()).isEqualTo("-ERR Invalid line count");
            c.send("TOP 1 0");
            assertThat(c.line()).startsWith("+OK");
            assertThat(multiline(c)).endsWith("").doesNotContain("prima riga");
        }
    }

    @Test
    void deletionsHappenAtQuitOnlyAndRsetUndoesThem() {
        Mailbox m = fx.mailbox("dele");
        for (int i = 0; i < 3; i++) {
            fx.deliver(m, AccessFixture.message("m" + i, "x"));
        }
        try (LineClient c = fx.pop3LoggedIn(m)) {
            c.send("DELE 1");
            assertThat(c.line()).isEqualTo("+OK Message 1 deleted");
            c.send("DELE 1");
            assertThat(c.line()).isEqualTo("-ERR No such message");
            c.send("RSET");
            assertThat(c.line()).startsWith("+OK");
            c.send("DELE 2");
            c.line();
            c.send("STAT");
            assertThat(c.line()).startsWith("+OK 2 ");
            assertThat(fx.store.messages().uids(fx.inbox(m).id())).hasSize(3);
            c.send("RETR 3");
            c.line();
            multiline(c);
            c.send("QUIT");
            assertThat(c.line()).isEqualTo("+OK Bye");
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(fx.store.messages().uids(fx.inbox(m).id())).containsExactly(1L, 3L);
        assertThat(fx.store.messages().get(fx.inbox(m).id(), 3).orElseThrow().flags()).contains("\\Seen");
    }

    @Test
    void aDroppedConnectionDeletesNothing() throws InterruptedException {
        Mailbox m = fx.mailbox("dropped");
        fx.deliver(m, AccessFixture.message("m", "x"));
        try (LineClient c = fx.pop3LoggedIn(m)) {
            c.send("DELE 1");
            c.line();
        }
        Thread.sleep(200);
        assertThat(fx.store.messages().uids(fx.inbox(m).id())).hasSize(1);
    }

    @Test
    void authPlainAndPipelinedCommandsWork() {
        Mailbox m = fx.mailbox("authplain");
        fx.deliver(m, AccessFixture.message("m", "x"));
        String token = Base64.getEncoder().encodeToString(("\0" + m.address() + "\0" + AccessFixture.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        try (LineClient c = fx.pop3()) {
            c.line();
            c.send("AUTH PLAIN");
            assertThat(c.line()).isEqualTo("+ ");
            c.send(token);
            assertThat(c.line()).startsWith("+OK Logged in");
            c.raw("STAT\r\nLIST 1\r\nNOOP\r\nQUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(c.line()).startsWith("+OK 1 ");
            assertThat(c.line()).startsWith("+OK 1 ");
            assertThat(c.line()).startsWith("+OK");
            assertThat(c.line()).isEqualTo("+OK Bye");
        }
        try (LineClient c = fx.pop3()) {
            c.line();
            c.send("AUTH PLAIN " + token);
            assertThat(c.line()).startsWith("+OK Logged in");
        }
    }

    @Test
    void badLoginsAndDisabledMailboxesGetAuthCodes() {
        Mailbox suspended = fx.mailbox("popsusp", MailboxState.SUSPENDED);
        long before = fx.metrics.loginsFailed(Protocol.POP3, LoginFailure.BAD_CREDENTIALS);
        try (LineClient c = fx.pop3()) {
            c.line();
            c.send("PASS x");
            assertThat(c.line()).isEqualTo("-ERR Send USER first");
            c.send("USER " + suspended.address());
            c.line();
            c.send("PASS wrong");
            assertThat(c.line()).isEqualTo("-ERR [AUTH] Authentication failed");
            c.send("USER " + suspended.address());
            c.line();
            c.send("PASS " + AccessFixture.PASSWORD);
            assertThat(c.line()).isEqualTo("-ERR [AUTH] Mailbox not enabled for access");
            c.send("STAT");
            assertThat(c.line()).isEqualTo("-ERR Log in first");
            c.send("XYZZY");
            assertThat(c.line()).isEqualTo("-ERR Unknown command");
        }
        assertThat(fx.metrics.loginsFailed(Protocol.POP3, LoginFailure.BAD_CREDENTIALS)).isEqualTo(before + 1);
    }

    @Test
    void expiredMailboxesCanReadButNotDelete() {
        Mailbox m = fx.mailbox("popexpired", MailboxState.EXPIRED);
        fx.deliver(m, AccessFixture.message("m", "x"));
        try (LineClient c = fx.pop3LoggedIn(m)) {
            c.send("DELE 1");
            assertThat(c.line()).isEqualTo("-ERR [SYS/PERM] Mailbox is read-only");
            c.send("RETR 1");
            assertThat(c.line()).startsWith("+OK");
            multiline(c);
        }
    }

    @Test
    void silentConnectionsAreClosedWithoutUpdate() {
        Mailbox m = fx.mailbox("popidle");
        fx.deliver(m, AccessFixture.message("m", "x"));
        try (LineClient c = fx.pop3LoggedIn(m)) {
            c.send("DELE 1");
            c.line();
            assertThat(c.line()).isEqualTo("-ERR [SYS/TEMP] Autologout; idle for too long");
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(fx.store.messages().uids(fx.inbox(m).id())).hasSize(1);
    }

    @Test
    void aTooLongLineEndsTheSession() {
        try (LineClient c = fx.pop3()) {
            c.line();
            c.send("USER " + "x".repeat(5000));
            assertThat(c.line()).isEqualTo("-ERR Line too long");
            assertThat(c.closedByServer()).isTrue();
        }
    }
}
