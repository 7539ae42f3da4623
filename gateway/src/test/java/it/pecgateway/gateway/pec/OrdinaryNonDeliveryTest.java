package it.pecgateway.gateway.pec;

import static it.pecgateway.gateway.pec.TwoProvidersTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.config.RelayConfig;
import it.pecgateway.mailstore.LegalLog;
import it.pecgateway.mailstore.LogRecord;
import it.pecgateway.mailstore.MailboxSettings;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Relays to ordinary Internet addresses that fail for good: the mailbox that must know gets an RFC 3464 report
 * wrapped in a signed anomaly envelope. Provider A with a short maximum queue age; the "Internet" is a server
 * that refuses every recipient with 550 5.1.1, and a port where nobody listens. Real clients over TLS.
 */
class OrdinaryNonDeliveryTest {
    static final Duration MAX_QUEUE_AGE = Duration.ofSeconds(3);
    static RefusingSmtp refusing;
    static PecNode a;
    static Session client;

    @BeforeAll
    static void start() throws Exception {
        refusing = new RefusingSmtp();
        int deadPort = PecNode.freePort();
        a = new PecNode("A", "pec.a.example", Map.of("refusing.example", new RelayConfig.Route("127.0.0.1", refusing.port()),
                "unreachable.example", new RelayConfig.Route("127.0.0.1", deadPort)), PecNode.defaultTimers(),
                PecNode.freePort(), MAX_QUEUE_AGE);
        a.start(List.of());
        a.mailbox("mario@pec.a.example", PASSWORD);
        a.mailbox("anna@pec.a.example", PASSWORD);
        a.mailbox("bruno@pec.a.example", PASSWORD);
        a.store.accounts().updateSettings("anna@pec.a.example", new MailboxSettings(MailboxSettings.OrdinaryMailRule.REJECT,
                Optional.empty(), Optional.empty(), List.of("anna.avvisi@refusing.example"), List.of()));
        a.store.accounts().updateSettings("bruno@pec.a.example", new MailboxSettings(MailboxSettings.OrdinaryMailRule.FORWARD,
                Optional.of("bruno.casa@refusing.example"), Optional.empty(), List.of(), List.of()));
        client = PecMail.session(a.smtps(), PecNode.trusting(List.of(a.ca())));
    }

    @AfterAll
    static void stop() throws IOException {
        if (a != null) {
            a.close();
        }
        refusing.close();
    }

    @Test
    void aRefusedOrdinaryRecipientGivesTheSenderAnAnomalyWithTheReportAfterTheAcceptance() throws Exception {
        int mario = TwoProvidersTest.count(a, "mario@pec.a.example");
        double anomalies = TwoProvidersTest.counter(a, "pec.messages", "kind", "anomaly_envelope", "direction", "emitted");

        String reply = PecMail.send(client, a.smtps(), "mario@pec.a.example", PASSWORD,
                PecMail.message(client, "mario@pec.a.example", "amico@refusing.example", null, "Per un amico che non c'è"));

        String id = reply.substring("250 2.0.0 ".length());
        await("acceptance and report", () -> TwoProvidersTest.count(a, "mario@pec.a.example") >= mario + 2);
        List<byte[]> inbox = a.inbox("mario@pec.a.example").subList(mario, mario + 2);
        assertThat(PecMail.text(inbox.get(0))).contains("X-Ricevuta: accettazione");
        String anomaly = PecMail.text(inbox.get(1));
        assertThat(anomaly).contains("X-Trasporto: errore");
        assertThat(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(inbox.get(1))).getSubject())
                .isEqualTo("ANOMALIA MESSAGGIO: " + NonDeliveryReport.SUBJECT);
        PecCheck.assertPasses(a.ca(), List.of(inbox.get(1)));

        MimeMessage report = reportInside(inbox.get(1));
        assertThat(report.getContentType()).startsWith("multipart/report").contains("report-type=delivery-status");
        assertThat(report.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        Multipart parts = (Multipart) report.getContent();
        InternetHeaders recipient = recipientFields(parts);
        assertThat(recipient.getHeader("Final-Recipient", null)).isEqualTo("rfc822; amico@refusing.example");
        assertThat(recipient.getHeader("Action", null)).isEqualTo("failed");
        assertThat(recipient.getHeader("Status", null)).isEqualTo("5.1.1");
        assertThat(recipient.getHeader("Diagnostic-Code", null)).isEqualTo("smtp; 550 5.1.1 <amico@refusing.example>: user unknown");
        String originalHeaders = text(parts.getBodyPart(2));
        assertThat(parts.getBodyPart(2).isMimeType("text/rfc822-headers")).isTrue();
        assertThat(originalHeaders).contains("X-Trasporto: posta-certificata").contains("Message-ID: <" + id + ">")
                .doesNotContain("in allegato la comunicazione");
        assertThat(events(id)).hasSize(1);
        assertThat(TwoProvidersTest.counter(a, "pec.messages", "kind", "anomaly_envelope", "direction", "emitted"))
                .isGreaterThanOrEqualTo(anomalies + 1);
    }

    @Test
    void anUnreachableOrdinaryDestinationGivesAFailedReportOnceTheQueueGivesUp() throws Exception {
        int mario = TwoProvidersTest.count(a, "mario@pec.a.example");

        String reply = PecMail.send(client, a.smtps(), "mario@pec.a.example", PASSWORD,
                PecMail.message(client, "mario@pec.a.example", "amico@unreachable.example", null, "Nessuno ascolta"));

        String id = reply.substring("250 2.0.0 ".length());
        await("acceptance and report", () -> TwoProvidersTest.count(a, "mario@pec.a.example") >= mario + 2);
        List<byte[]> inbox = a.inbox("mario@pec.a.example").subList(mario, mario + 2);
        assertThat(PecMail.text(inbox.get(0))).contains("X-Ricevuta: accettazione");
        Multipart parts = (Multipart) reportInside(inbox.get(1)).getContent();
        InternetHeaders recipient = recipientFields(parts);
        assertThat(recipient.getHeader("Final-Recipient", null)).isEqualTo("rfc822; amico@unreachable.example");
        assertThat(recipient.getHeader("Action", null)).isEqualTo("failed");
        assertThat(recipient.getHeader("Status", null)).startsWith("4.4.");
        assertThat(text(parts.getBodyPart(0))).contains("entro 3 secondi").contains("within 3 seconds");
        assertThat(text(parts.getBodyPart(2))).contains("Message-ID: <" + id + ">");
        assertThat(events(id)).hasSize(1);
    }

    @Test
    void aBrokenForwardingIsReportedToItsMailboxNotToTheInternetSender() throws Exception {
        int bruno = TwoProvidersTest.count(a, "bruno@pec.a.example");

        TwoProvidersTest.internetSends(a.mxPort, "sconosciuto@internet.example", "bruno@pec.a.example", "Inoltrami", "");

        await("the report to bruno", () -> TwoProvidersTest.count(a, "bruno@pec.a.example") >= bruno + 1);
        byte[] anomaly = a.inbox("bruno@pec.a.example").get(bruno);
        assertThat(PecMail.text(anomaly)).contains("X-Trasporto: errore");
        Multipart parts = (Multipart) reportInside(anomaly).getContent();
        assertThat(recipientFields(parts).getHeader("Final-Recipient", null)).isEqualTo("rfc822; bruno.casa@refusing.example");
        assertThat(text(parts.getBodyPart(2))).contains("Subject: Inoltrami");
        assertThat(refusing.refused).contains("bruno.casa@refusing.example").doesNotContain("sconosciuto@internet.example");
        assertThat(events("inoltro:bruno@pec.a.example")).hasSize(1);
    }

    @Test
    void aRefusedArrivalNoticeFromTheServiceAddressGivesNoReport() throws Exception {
        int anna = TwoProvidersTest.count(a, "anna@pec.a.example");
        int service = TwoProvidersTest.count(a, "posta-certificata@pec.a.example");
        int mario = TwoProvidersTest.count(a, "mario@pec.a.example");
        int refusals = refusing.refused.size();

        PecMail.send(client, a.smtps(), "mario@pec.a.example", PASSWORD,
                PecMail.message(client, "mario@pec.a.example", "anna@pec.a.example", null, "Con avviso"));

        await("the notice refused", () -> refusing.refused.subList(refusals, refusing.refused.size())
                .contains("anna.avvisi@refusing.example"));
        await("the notice's entry failed", () -> a.store.queue().pending(100).stream()
                .noneMatch(e -> e.recipient().equals("anna.avvisi@refusing.example")));
        await("acceptance and delivery receipt", () -> TwoProvidersTest.count(a, "mario@pec.a.example") >= mario + 2);
        Thread.sleep(500);
        assertThat(TwoProvidersTest.count(a, "anna@pec.a.example")).isEqualTo(anna + 1);
        assertThat(TwoProvidersTest.count(a, "posta-certificata@pec.a.example")).isEqualTo(service);
        assertThat(TwoProvidersTest.count(a, "mario@pec.a.example")).isEqualTo(mario + 2);
        assertThat(a.inbox("anna@pec.a.example").get(anna)).satisfies(m -> assertThat(PecMail.text(m))
                .contains("X-Trasporto: posta-certificata"));
        assertThat(a.store.legalLog().query(new LegalLog.LogQuery(Optional.empty(), Optional.of("posta-certificata@pec.a.example"),
                Optional.empty(), Optional.empty(), 1000))).noneMatch(r -> r.event().eventType().equals(NonDeliveryReports.LOG_EVENT));
    }

    private static List<LogRecord> events(String identificativo) {
        return a.store.legalLog().query(new LegalLog.LogQuery(Optional.of(identificativo), Optional.empty(), Optional.empty(),
                Optional.empty(), 100)).stream().filter(r -> r.event().eventType().equals(NonDeliveryReports.LOG_EVENT)).toList();
    }

    /** The message the anomaly envelope carries (postacert.eml), parsed on its own. */
    static MimeMessage reportInside(byte[] anomaly) throws Exception {
        Session s = Session.getInstance(new Properties());
        Part inner = find(new MimeMessage(s, new ByteArrayInputStream(anomaly)), "message/rfc822");
        try (InputStream in = inner.getInputStream()) {
            return new MimeMessage(s, new ByteArrayInputStream(in.readAllBytes()));
        }
    }

    private static Part find(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return part;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart m = (Multipart) part.getContent();
            for (int i = 0; i < m.getCount(); i++) {
                Part found = find(m.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The per-recipient fields: the second group of message/delivery-status. */
    private static InternetHeaders recipientFields(Multipart report) throws Exception {
        BodyPart status = report.getBodyPart(1);
        assertThat(status.isMimeType("message/delivery-status")).isTrue();
        String group = text(status).split("\r\n\r\n")[1];
        return new InternetHeaders(new ByteArrayInputStream((group.trim() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
    }

    private static String text(BodyPart part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; queue: " + a.store.queue().pending(20));
            }
            Thread.sleep(50);
        }
    }
}
