package it.pecgateway.gateway.pec;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.config.AntivirusConfig;
import it.pecgateway.gateway.antivirus.FakeClamd;
import it.pecgateway.gateway.testing.RawSmtp;
import it.pecgateway.mailstore.LegalLog;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The access point's checks (digest 9.1): what fails gets a signed non-acceptance notice, not an SMTP error. */
class AccessPointTest {
    static final String PASSWORD = TwoProvidersTest.PASSWORD;
    static FakeClamd clamd;
    static PecNode a;
    static Session client;

    @BeforeAll
    static void start() throws Exception {
        clamd = new FakeClamd(20 << 20);
        a = new PecNode("A", "pec.a.example", Map.of(), PecNode.defaultTimers(), PecNode.freePort(),
                new AntivirusConfig(true, "127.0.0.1", clamd.port(), Duration.ofSeconds(5)));
        a.start(List.of());
        a.mailbox("mario@pec.a.example", PASSWORD);
        a.mailbox("anna@pec.a.example", PASSWORD);
        client = PecMail.session(a.smtps(), PecNode.trusting(List.of(a.ca())));
    }

    @AfterAll
    static void stop() throws Exception {
        a.close();
        clamd.close();
    }

    private static List<String> newInbox(String address, int before, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (a.inbox(address).size() < before + expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return a.inbox(address).subList(before, a.inbox(address).size()).stream().map(PecMail::text).toList();
    }

    private static List<it.pecgateway.mailstore.LogRecord> log(String type) {
        return a.store.legalLog().query(new LegalLog.LogQuery(Optional.empty(), Optional.of("mario@pec.a.example"),
                Optional.empty(), Optional.empty(), 1000)).stream().filter(r -> r.event().eventType().equals(type)).toList();
    }

    @Test
    void recipientsThatDifferFromToAndCcGetANonAcceptanceNotice() throws Exception {
        int before = a.inbox("mario@pec.a.example").size();
        int logged = log("non-accettazione").size();
        MimeMessage m = PecMail.message(client, "mario@pec.a.example", "anna@pec.a.example", null, "Destinatari diversi");

        String reply;
        try (var t = (org.eclipse.angus.mail.smtp.SMTPTransport) client.getTransport("smtps")) {
            t.connect("localhost", a.smtps(), "mario@pec.a.example", PASSWORD);
            t.sendMessage(m, new Address[] {new InternetAddress("anna@pec.a.example"), new InternetAddress("nascosto@pec.a.example")});
            reply = t.getLastServerResponse();
        }

        assertThat(reply).startsWith("250 2.0.0 Non accettato");
        List<String> inbox = newInbox("mario@pec.a.example", before, 1);
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0)).contains("X-Ricevuta: non-accettazione").contains("AVVISO DI NON ACCETTAZIONE: Destinatari diversi")
                .doesNotContain("postacert.eml");
        PecCheck.assertPasses(a.ca(), List.of(inbox.get(0).getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(a.inbox("anna@pec.a.example")).noneMatch(x -> PecMail.text(x).contains("Destinatari diversi"));
        assertThat(log("non-accettazione")).hasSize(logged + 1);
    }

    @Test
    void anAddressListedTwiceIsOneRecipientAndAnEncodedLineBreakStaysOutOfTheReceipt() throws Exception {
        int before = a.inbox("mario@pec.a.example").size();
        int annaBefore = a.inbox("anna@pec.a.example").size();
        MimeMessage m = PecMail.message(client, "mario@pec.a.example", "anna@pec.a.example, ANNA@pec.a.example",
                "anna@pec.a.example", "x");
        m.setHeader("Subject", "=?UTF-8?Q?Doppio=0D=0AX-Injected:_yes?=");
        try (var t = (org.eclipse.angus.mail.smtp.SMTPTransport) client.getTransport("smtps")) {
            t.connect("localhost", a.smtps(), "mario@pec.a.example", PASSWORD);
            t.sendMessage(m, new Address[] {new InternetAddress("anna@pec.a.example")});
            assertThat(t.getLastServerResponse()).startsWith("250 2.0.0 opec.");
        }

        String acceptance = newInbox("mario@pec.a.example", before, 1).get(0);
        assertThat(acceptance).contains("X-Ricevuta: accettazione").doesNotContainPattern("(?m)^X-Injected");
        String daticert = PecMail.daticert(acceptance);
        assertThat(daticert.split("anna@pec.a.example", -1)).as("anna listed once in daticert.xml").hasSize(2);
        assertThat(PecMail.decodedText(acceptance)).contains("\"Doppio  X-Injected: yes\" proveniente da"); // CR and LF each become a blank
        assertThat(newInbox("anna@pec.a.example", annaBefore, 1)).hasSize(1);
    }

    /** Submits {@code data} (header and body, without the final dot) as mario over a raw SMTP session. */
    private static String submitRaw(String mailFrom, String rcptTo, byte[] data) throws Exception {
        try (RawSmtp c = RawSmtp.implicitTls(a.smtps(), PecNode.trusting(List.of(a.ca())))) {
            c.reply();
            c.command("EHLO client.example");
            c.command("AUTH PLAIN " + Base64.getEncoder().encodeToString(("\0mario@pec.a.example\0" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
            assertThat(c.command("MAIL FROM:<" + mailFrom + ">")).startsWith("250");
            assertThat(c.command("RCPT TO:<" + rcptTo + ">")).startsWith("250");
            assertThat(c.command("DATA")).startsWith("354");
            c.sendBytes(data);
            c.sendRaw("\r\n.\r\n");
            return c.reply();
        }
    }

    @Test
    void anUpperCaseReversePathIsCertifiedAsTheMailboxAddress() throws Exception {
        int before = a.inbox("mario@pec.a.example").size();
        String reply = submitRaw("MARIO@PEC.A.EXAMPLE", "anna@pec.a.example",
                "From: Mario@PEC.a.example\r\nTo: anna@pec.a.example\r\nSubject: Maiuscole\r\n\r\nx".getBytes(StandardCharsets.US_ASCII));

        assertThat(reply).startsWith("250 2.0.0 opec.");
        List<String> inbox = newInbox("mario@pec.a.example", before, 2);
        String acceptance = inbox.stream().filter(t -> t.contains("X-Ricevuta: accettazione")).findFirst().orElseThrow();
        String delivery = inbox.stream().filter(t -> t.contains("X-Ricevuta: avvenuta-consegna")).findFirst().orElseThrow();
        for (String receipt : List.of(acceptance, delivery)) {
            assertThat(PecMail.daticert(receipt)).contains("<mittente>mario@pec.a.example</mittente>")
                    .doesNotContain("MARIO");
            assertThat(PecMail.decodedText(receipt)).contains("proveniente da \"mario@pec.a.example\"");
        }
        assertThat(acceptance).contains("\r\nTo: mario@pec.a.example\r\n");
    }

    @Test
    void aSubjectWrittenInRawUtf8IsCertifiedAsWritten() throws Exception {
        int before = a.inbox("mario@pec.a.example").size();
        String reply = submitRaw("mario@pec.a.example", "anna@pec.a.example",
                "From: mario@pec.a.example\r\nTo: anna@pec.a.example\r\nSubject: Città perché\r\n\r\nx".getBytes(StandardCharsets.UTF_8));

        assertThat(reply).startsWith("250 2.0.0 opec.");
        String acceptance = newInbox("mario@pec.a.example", before, 1).get(0);
        assertThat(PecMail.daticert(acceptance)).contains("<oggetto>Città perché</oggetto>");
        assertThat(PecMail.decodedText(acceptance)).contains("\"Città perché\" proveniente da");
        assertThat(new MimeMessage(Session.getInstance(new java.util.Properties()),
                new java.io.ByteArrayInputStream(acceptance.getBytes(StandardCharsets.ISO_8859_1))).getSubject())
                .isEqualTo("ACCETTAZIONE: Città perché");
        PecCheck.assertPasses(a.ca(), List.of(acceptance.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void aBccWithAddressesGetsANonAcceptanceNotice() throws Exception {
        int before = a.inbox("mario@pec.a.example").size();
        try (RawSmtp c = RawSmtp.implicitTls(a.smtps(), PecNode.trusting(List.of(a.ca())))) {
            c.reply();
            c.command("EHLO client.example");
            c.command("AUTH PLAIN " + Base64.getEncoder().encodeToString(("\0mario@pec.a.example\0" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
            c.command("MAIL FROM:<mario@pec.a.example>");
            c.command("RCPT TO:<anna@pec.a.example>");
            c.command("DATA");
            c.sendRaw("From: mario@pec.a.example\r\nTo: anna@pec.a.example\r\nBcc: spia@pec.a.example\r\nSubject: Con Bcc\r\n\r\nx\r\n.\r\n");
            assertThat(c.reply()).startsWith("250 2.0.0 Non accettato");
        }
        assertThat(newInbox("mario@pec.a.example", before, 1)).singleElement().asString()
                .contains("X-Ricevuta: non-accettazione");
    }

    @Test
    void sizeTimesRecipientsOverTheLimitGetsANonAcceptanceNotice() throws Exception {
        int before = a.inbox("mario@pec.a.example").size();
        StringBuilder to = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            to.append(i == 0 ? "" : ",").append("dest").append(i).append("@pec.a.example");
        }
        MimeMessage m = PecMail.message(client, "mario@pec.a.example", to.toString(), null, "Troppo grande per tutti");
        m.setText("y".repeat(900) + "\n".repeat(1) + ("z".repeat(900) + "\n").repeat(1000));

        assertThat(PecMail.send(client, a.smtps(), "mario@pec.a.example", PASSWORD, m)).startsWith("250 2.0.0 Non accettato");
        assertThat(newInbox("mario@pec.a.example", before, 1)).singleElement().asString().contains("X-Ricevuta: non-accettazione");
    }

    @Test
    void theRequestedReceiptFormIsHonoured() throws Exception {
        int before = a.inbox("mario@pec.a.example").size();
        MimeMessage m = PecMail.message(client, "mario@pec.a.example", "anna@pec.a.example", null, "Ricevuta sintetica");
        m.setHeader("X-TipoRicevuta", "sintetica");

        String reply = PecMail.send(client, a.smtps(), "mario@pec.a.example", PASSWORD, m);

        assertThat(reply).startsWith("250 2.0.0 opec.");
        List<String> inbox = newInbox("mario@pec.a.example", before, 2);
        String delivery = inbox.stream().filter(t -> t.contains("X-Ricevuta: avvenuta-consegna")).findFirst().orElseThrow();
        assertThat(delivery).doesNotContain("postacert.eml");
        assertThat(a.inbox("anna@pec.a.example")).extracting(PecMail::text).anyMatch(t -> t.contains("X-TipoRicevuta: sintetica"));
    }

    @Test
    void aVirusIsRefusedWithItsNoticeAndKeptInTheArchive() throws Exception {
        int before = a.inbox("mario@pec.a.example").size();
        int archived = a.folder("posta-certificata@pec.a.example", "Archivio-virus").size();
        MimeMessage m = PecMail.message(client, "mario@pec.a.example", "anna@pec.a.example", null, "Allegato sospetto");
        m.setText("guarda qui: " + FakeClamd.EICAR + "\n");

        assertThat(PecMail.send(client, a.smtps(), "mario@pec.a.example", PASSWORD, m)).startsWith("250 2.0.0 Non accettato");

        String notice = newInbox("mario@pec.a.example", before, 1).get(0);
        assertThat(notice).contains("X-Ricevuta: non-accettazione").contains("X-VerificaSicurezza: errore")
                .contains("AVVISO DI NON ACCETTAZIONE PER VIRUS");
        PecCheck.assertPasses(a.ca(), List.of(notice.getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(a.folder("posta-certificata@pec.a.example", "Archivio-virus")).hasSize(archived + 1);
        assertThat(a.inbox("anna@pec.a.example")).noneMatch(x -> PecMail.text(x).contains("Allegato sospetto"));
    }
}
