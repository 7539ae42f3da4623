package it.pecgateway.access.clients;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.access.support.AccessFixture;
import it.pecgateway.access.support.Tools;
import it.pecgateway.mailstore.Mailbox;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Outside clients over TLS against the real SQLite store: curl (imaps, pop3s), Python's imaplib and poplib,
 * and fetchmail. A missing tool fails the test, naming the Debian package to install.
 */
class CommandLineClientsTest {
    static AccessFixture fx;
    static Path ca;

    @BeforeAll
    static void start() throws IOException {
        fx = new AccessFixture().start();
        ca = fx.pki.writeCaPem(fx.dir.resolve("ca.pem"));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static Path script(String name) throws IOException {
        Path target = fx.dir.resolve(name);
        try (InputStream in = CommandLineClientsTest.class.getResourceAsStream("/clients/" + name)) {
            Files.copy(in, target);
        }
        return target;
    }

    static Mailbox mailboxWithTwoMessages(String name) {
        Mailbox m = fx.mailbox(name);
        fx.deliver(m, AccessFixture.message("Fattura 42", "Importo 10 euro"));
        fx.deliver(m, AccessFixture.message("Avviso", "Altro testo"));
        return m;
    }

    @Test
    void curlReadsOverImaps() {
        Path curl = Tools.require("curl", "curl");
        Mailbox m = mailboxWithTwoMessages("curlimap");
        String base = "imaps://localhost:" + fx.imapAddress.getPort() + "/";
        String user = m.address() + ":" + AccessFixture.PASSWORD;
        Tools.Result list = Tools.run(fx.dir, List.of(curl.toString(), "-sS", "--cacert", ca.toString(), "-u", user, base));
        assertThat(list.exit()).as(list.output()).isZero();
        assertThat(list.output()).contains("* LIST (\\HasNoChildren) \"/\" \"INBOX\"");
        Tools.Result fetch = Tools.run(fx.dir, List.of(curl.toString(), "-sS", "--cacert", ca.toString(), "-u", user,
                base + "INBOX;UID=1"));
        assertThat(fetch.exit()).as(fetch.output()).isZero();
        assertThat(fetch.output()).isEqualTo(AccessFixture.message("Fattura 42", "Importo 10 euro"));
        Tools.Result search = Tools.run(fx.dir, List.of(curl.toString(), "-sS", "--cacert", ca.toString(), "-u", user,
                base + "INBOX?SUBJECT%20Avviso"));
        assertThat(search.output()).contains("* SEARCH 2");
        Tools.Result wrong = Tools.run(fx.dir, List.of(curl.toString(), "-sS", "--cacert", ca.toString(), "-u",
                m.address() + ":wrong", base));
        assertThat(wrong.exit()).isNotZero();
    }

    @Test
    void curlReadsOverPop3s() {
        Path curl = Tools.require("curl", "curl");
        Mailbox m = mailboxWithTwoMessages("curlpop");
        String base = "pop3s://localhost:" + fx.pop3Address.getPort() + "/";
        String user = m.address() + ":" + AccessFixture.PASSWORD;
        Tools.Result list = Tools.run(fx.dir, List.of(curl.toString(), "-sS", "--cacert", ca.toString(), "-u", user, base));
        assertThat(list.exit()).as(list.output()).isZero();
        assertThat(list.output()).startsWith("1 ").contains("\r\n2 ");
        Tools.Result retr = Tools.run(fx.dir, List.of(curl.toString(), "-sS", "--cacert", ca.toString(), "-u", user, base + "2"));
        assertThat(retr.output()).isEqualTo(AccessFixture.message("Avviso", "Altro testo"));
    }

    @Test
    void pythonImaplibWorks() throws IOException {
        Path python = Tools.require("python3", "python3");
        Mailbox m = mailboxWithTwoMessages("pyimap");
        Tools.Result r = Tools.run(fx.dir, List.of(python.toString(), script("imaplib_client.py").toString(), "localhost",
                String.valueOf(fx.imapAddress.getPort()), ca.toString(), m.address(), AccessFixture.PASSWORD));
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("LOGIN OK", "SELECT OK 2", "SEARCH OK 1", "FETCH OK ", "Subject: Fattura 42",
                "STORE OK 1 (FLAGS (\\Flagged \\Seen))", "APPEND OK [APPENDUID", "LOGOUT BYE");
        assertThat(r.output()).containsPattern("UIDFETCH OK .*UID 3 FLAGS \\(\\\\Seen");
    }

    @Test
    void pythonPoplibWorks() throws IOException {
        Path python = Tools.require("python3", "python3");
        Mailbox m = mailboxWithTwoMessages("pypop");
        Tools.Result r = Tools.run(fx.dir, List.of(python.toString(), script("poplib_client.py").toString(), "localhost",
                String.valueOf(fx.pop3Address.getPort()), ca.toString(), m.address(), AccessFixture.PASSWORD));
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("WELCOME +OK", "CAPA AUTH-RESP-CODE PIPELINING RESP-CODES SASL TOP UIDL USER", "PASS +OK Logged in",
                "STAT (2, ", "Subject: Fattura 42", "TOP +OK", "DELE +OK", "QUIT +OK Bye");
        assertThat(fx.store.messages().uids(fx.inbox(m).id())).containsExactly(2L);
    }

    @Test
    void fetchmailDownloadsOverPop3sAndImaps() throws IOException {
        Path fetchmail = Tools.require("fetchmail", "fetchmail");
        for (String protocol : List.of("POP3", "IMAP")) {
            Mailbox m = mailboxWithTwoMessages("fetchmail" + protocol.toLowerCase());
            int port = protocol.equals("POP3") ? fx.pop3Address.getPort() : fx.imapAddress.getPort();
            Path out = fx.dir.resolve("fetched-" + protocol + ".mbox");
            Path rc = fx.dir.resolve("fetchmailrc-" + protocol);
            Files.writeString(rc, "poll localhost service " + port + " protocol " + protocol + " timeout 20\n"
                    + "  user \"" + m.address() + "\" there with password \"" + AccessFixture.PASSWORD + "\"\n"
                    + "  ssl sslcertck sslcertfile \"" + ca + "\"\n"
                    + "  mda \"/bin/sh -c 'cat >> " + out + "'\"\n");
            Files.setPosixFilePermissions(rc, PosixFilePermissions.fromString("rw-------"));
            Tools.Result r = Tools.run(fx.dir, List.of(fetchmail.toString(), "--fetchmailrc", rc.toString(),
                    "--idfile", fx.dir.resolve("fetchids-" + protocol).toString(), "--nosyslog", "--nodetach",
                    "--pidfile", fx.dir.resolve("fetchmail-" + protocol + ".pid").toString()));
            assertThat(r.exit()).as(protocol + ": " + r.output()).isZero();
            String mbox = Files.readString(out);
            assertThat(mbox).contains("Subject: Fattura 42", "Subject: Avviso");
            assertThat(fx.store.messages().uids(fx.inbox(m).id())).as("fetchmail deletes what it fetched").isEmpty();
        }
    }
}
