package it.pecgateway.gateway.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.pecgateway.gateway.testing.RawSmtp;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Our users submit over 465 (implicit TLS) and 587 (STARTTLS required), with real Angus Mail clients. */
class SmtpSubmissionTest {
    private static SmtpFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new SmtpFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static Session mailSession(String protocol, int port) {
        Properties p = new Properties();
        p.put("mail." + protocol + ".host", "localhost");
        p.put("mail." + protocol + ".port", String.valueOf(port));
        p.put("mail." + protocol + ".auth", "true");
        p.put("mail." + protocol + ".ssl.socketFactory", fixture.pki.clientContext().getSocketFactory());
        p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        p.put("mail." + protocol + ".timeout", "10000");
        if (protocol.equals("smtp")) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        return Session.getInstance(p);
    }

    private static MimeMessage message(Session session, String from, String to) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, to);
        m.setSubject("Prova invio");
        m.setText("Testo del messaggio, con accenti: è à ù\n", "UTF-8");
        return m;
    }

    private static void send(String protocol, int port, String user, String password, MimeMessage m) throws MessagingException {
        try (Transport t = mailSession(protocol, port).getTransport(protocol)) {
            t.connect("localhost", port, user, password);
            t.sendMessage(m, m.getAllRecipients());
        }
    }

    @Test
    void aUserSubmitsOverImplicitTlsOn465() throws Exception {
        int before = fixture.received.size();
        Session s = mailSession("smtps", fixture.smtps.port());

        send("smtps", fixture.smtps.port(), SmtpFixture.USER, SmtpFixture.PASSWORD,
                message(s, SmtpFixture.USER, "luigi@pec.other.example"));

        SmtpFixture.Received r = fixture.received.get(before);
        assertThat(r.role()).isEqualTo(SmtpRole.SUBMISSION);
        assertThat(r.tls()).isTrue();
        assertThat(r.authenticated()).contains(SmtpFixture.USER);
        assertThat(r.envelope().sender().address()).isEqualTo(SmtpFixture.USER);
        assertThat(r.envelope().recipients()).extracting(SmtpPath::address).containsExactly("luigi@pec.other.example");
        assertThat(r.text()).startsWith("Received: from ").contains("with ESMTPSA").contains("Subject: Prova invio");
    }

    @Test
    void aUserSubmitsOver587AfterStartTls() throws Exception {
        int before = fixture.received.size();
        Session s = mailSession("smtp", fixture.submission.port());

        send("smtp", fixture.submission.port(), SmtpFixture.USER, SmtpFixture.PASSWORD,
                message(s, SmtpFixture.USER, "anna@pec.example.it"));

        assertThat(fixture.received.get(before).tls()).isTrue();
        assertThat(fixture.received.get(before).authenticated()).contains(SmtpFixture.USER);
    }

    @Test
    void aWrongPasswordFailsWith535() {
        Session s = mailSession("smtps", fixture.smtps.port());

        assertThatThrownBy(() -> send("smtps", fixture.smtps.port(), "nessuno@pec.example.it", "wrong",
                message(s, "nessuno@pec.example.it", "x@pec.example.it")))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("535 5.7.8");
    }

    @Test
    void mailFromAnotherAddressIsRefusedWith553() throws Exception {
        Session s = mailSession("smtps", fixture.smtps.port());
        MimeMessage spoofed = message(s, "direttore@pec.example.it", "x@pec.example.it");

        try (Transport t = s.getTransport("smtps")) {
            t.connect("localhost", fixture.smtps.port(), SmtpFixture.USER, SmtpFixture.PASSWORD);
            assertThatThrownBy(() -> t.sendMessage(spoofed, new Address[] {new InternetAddress("x@pec.example.it")}))
                    .isInstanceOf(MessagingException.class)
                    .satisfies(e -> assertThat(chain(e)).contains("553 5.7.1"));
        }
    }

    @Test
    void theNullSenderIsRefusedOnSubmission() throws Exception {
        try (RawSmtp c = RawSmtp.implicitTls(fixture.smtps.port(), fixture.pki.clientContext())) {
            c.reply();
            c.command("EHLO client.example");
            assertThat(c.command("AUTH PLAIN " + plain(SmtpFixture.USER, SmtpFixture.PASSWORD))).startsWith("235 2.7.0");
            assertThat(c.command("MAIL FROM:<>")).startsWith("553 5.7.1");
        }
    }

    @Test
    void aSuspendedMailboxCannotSend() throws Exception {
        try (RawSmtp c = RawSmtp.implicitTls(fixture.smtps.port(), fixture.pki.clientContext())) {
            c.reply();
            c.command("EHLO client.example");
            assertThat(c.command("AUTH PLAIN " + plain(SmtpFixture.SUSPENDED, SmtpFixture.PASSWORD))).startsWith("525 5.7.13");
            assertThat(c.command("MAIL FROM:<" + SmtpFixture.SUSPENDED + ">")).startsWith("530 5.7.0");
        }
    }

    @Test
    void on587NothingButEhloStartTlsNoopRsetAndQuitWorksBeforeTls() throws Exception {
        try (RawSmtp c = RawSmtp.plain(fixture.submission.port())) {
            assertThat(c.reply()).startsWith("220 ");
            String ehlo = c.command("EHLO client.example");
            assertThat(ehlo).contains("250 STARTTLS").doesNotContain("AUTH");
            assertThat(c.command("AUTH PLAIN " + plain(SmtpFixture.USER, SmtpFixture.PASSWORD))).startsWith("530 5.7.0");
            assertThat(c.command("MAIL FROM:<" + SmtpFixture.USER + ">")).startsWith("530 5.7.0");
            assertThat(c.command("NOOP")).startsWith("250 2.0.0");
            assertThat(c.command("STARTTLS")).startsWith("220 2.0.0");
            c.startTls(fixture.pki.clientContext());
            String afterTls = c.command("EHLO client.example");
            assertThat(afterTls).contains("AUTH PLAIN LOGIN").doesNotContain("STARTTLS");
            assertThat(c.command("STARTTLS")).startsWith("503 5.5.1");
        }
    }

    @Test
    void authLoginWorksAndMailNeedsAuthentication() throws Exception {
        try (RawSmtp c = RawSmtp.implicitTls(fixture.smtps.port(), fixture.pki.clientContext())) {
            c.reply();
            assertThat(c.command("EHLO client.example")).contains("250-ENHANCEDSTATUSCODES").contains("250 AUTH PLAIN LOGIN");
            assertThat(c.command("MAIL FROM:<" + SmtpFixture.USER + ">")).startsWith("530 5.7.0");
            assertThat(c.command("AUTH LOGIN")).isEqualTo("334 VXNlcm5hbWU6");
            assertThat(c.command(b64(SmtpFixture.USER))).isEqualTo("334 UGFzc3dvcmQ6");
            assertThat(c.command(b64(SmtpFixture.PASSWORD))).startsWith("235 2.7.0");
            assertThat(c.command("AUTH PLAIN " + plain(SmtpFixture.USER, SmtpFixture.PASSWORD))).startsWith("503 5.5.1");
            assertThat(c.command("MAIL FROM:<mario.rossi@pec.example.com>")).startsWith("553 5.7.1");
            assertThat(c.command("MAIL FROM:<Mario.Rossi@PEC.example.it>")).startsWith("250 2.1.0");
        }
    }

    @Test
    void authCanBeCancelledAndUnknownMechanismsAreRefused() throws Exception {
        try (RawSmtp c = RawSmtp.implicitTls(fixture.smtps.port(), fixture.pki.clientContext())) {
            c.reply();
            c.command("EHLO client.example");
            assertThat(c.command("AUTH CRAM-MD5")).startsWith("504 5.5.4");
            assertThat(c.command("AUTH PLAIN")).startsWith("334");
            assertThat(c.command("*")).startsWith("501 5.7.0");
            assertThat(c.command("AUTH PLAIN !!!notbase64")).startsWith("501 5.5.2");
            assertThat(c.command("AUTH PLAIN " + b64("admin\0" + SmtpFixture.USER + "\0" + SmtpFixture.PASSWORD))).startsWith("535 5.7.8");
        }
    }

    static String plain(String user, String password) {
        return b64("\0" + user + "\0" + password);
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String chain(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            s.append(t.getMessage()).append(" | ");
            if (t instanceof MessagingException me && me.getNextException() != null && me.getNextException() != t.getCause()) {
                s.append(chain(me.getNextException()));
            }
        }
        return s.toString();
    }
}
