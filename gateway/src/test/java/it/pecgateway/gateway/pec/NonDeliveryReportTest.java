package it.pecgateway.gateway.pec;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.receipts.mime.HeaderSection;
import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Enumeration;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The RFC 3464 report, parsed back with Jakarta Mail, and the status codes taken from replies. */
class NonDeliveryReportTest {
    static final Instant ARRIVED = Instant.parse("2025-03-03T09:00:00Z");
    static final Instant LAST = Instant.parse("2025-03-03T09:05:00Z");
    static final String ORIGINAL = "From: mario@pec.a.example\r\n"
            + "To: amico@internet.example\r\n"
            + "Subject: =?UTF-8?B?UE9TVEEgQ0VSVElGSUNBVEE6IEZhdHR1cmEgbi4gMyDigqw=?=\r\n"
            + "Message-ID: <opec.1@pec.a.example>\r\n"
            + "X-Trasporto: posta-certificata\r\n"
            + "\r\n"
            + "a body that must not be in the report\r\n";

    private static NonDeliveryReport.Failure refused(String reply) {
        return new NonDeliveryReport.Failure("amico@internet.example", reply, Optional.empty(), ARRIVED, LAST);
    }

    private static NonDeliveryReport.Failure expired(String why) {
        return new NonDeliveryReport.Failure("amico@internet.example", why, Optional.of(Duration.ofHours(24)), ARRIVED, LAST);
    }

    @Test
    void theEnhancedStatusComesFromTheRemoteReplyWhenItHasOne() {
        assertThat(refused("550 5.1.1 <x@y>: user unknown").status()).isEqualTo("5.1.1");
        assertThat(refused("550-5.7.1 relaying denied").status()).isEqualTo("5.7.1");
        assertThat(refused("552 5.2.2 mailbox full").status()).isEqualTo("5.2.2");
        assertThat(expired("451 4.3.0 try again later").status()).isEqualTo("4.3.0");
    }

    @Test
    void withoutAnEnhancedStatusARefusalIs500AndAnExpiryIs447() {
        assertThat(refused("554 no such user").status()).isEqualTo("5.0.0");
        assertThat(refused("550").status()).isEqualTo("5.0.0");
        assertThat(refused("invalid recipient address").status()).isEqualTo("5.0.0");
        assertThat(expired("localhost:2525: SocketTimeoutException: Read timed out").status()).isEqualTo("4.4.7");
        assertThat(expired("connect: 127.0.0.1:9: MailConnectException: Couldn't connect to host").status()).isEqualTo("4.4.7");
        assertThat(expired("421 service not available").status()).isEqualTo("4.4.7");
    }

    @Test
    void anEnhancedStatusOfAnotherClassThanTheReplyIsNotTrusted() {
        assertThat(refused("550 4.1.1 confused server").status()).isEqualTo("5.0.0");
        assertThat(refused("550 5.1.1x not a code").status()).isEqualTo("5.0.0");
    }

    @Test
    void onlyAnSmtpReplyCountsAsTheRemoteReply() {
        assertThat(refused("550 5.1.1 <x@y>: user unknown\n").remoteReply()).contains("550 5.1.1 <x@y>: user unknown");
        assertThat(refused("554 no such user").remoteReply()).contains("554 no such user");
        assertThat(expired("localhost:2525: SocketTimeoutException: Read timed out").remoteReply()).isEmpty();
        assertThat(expired("connect: localhost:25: MailConnectException").remoteReply()).isEmpty();
        assertThat(expired("2025 was a year").remoteReply()).isEmpty();
    }

    @Test
    void aRefusalReportHasEveryFieldOfRfc3464() throws Exception {
        MimeMessage m = parse(render(refused("550 5.1.1 <amico@internet.example>: user unknown")));

        assertThat(m.getFrom()[0].toString()).isEqualTo("posta-certificata@pec.a.example");
        assertThat(m.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString()).isEqualTo("mario@pec.a.example");
        assertThat(m.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(m.getMessageID()).matches("<dsn\\.[0-9a-f-]+@pec\\.a\\.example>");
        assertThat(m.getSubject()).isEqualTo(NonDeliveryReport.SUBJECT);
        assertThat(m.getContentType()).startsWith("multipart/report").contains("report-type=delivery-status");
        MimeMultipart parts = (MimeMultipart) m.getContent();
        assertThat(parts.getCount()).isEqualTo(3);

        BodyPart text = parts.getBodyPart(0);
        assertThat(text.isMimeType("text/plain")).isTrue();
        String human = (String) text.getContent();
        assertThat(human).contains("non è stato consegnato a amico@internet.example")
                .contains("Risposta del server remoto: 550 5.1.1 <amico@internet.example>: user unknown")
                .contains("could not be delivered to amico@internet.example")
                .contains("POSTA CERTIFICATA: Fattura n. 3 €");
        assertThat(human.indexOf("Il messaggio")).isLessThan(human.indexOf("Your message"));

        BodyPart status = parts.getBodyPart(1);
        assertThat(status.isMimeType("message/delivery-status")).isTrue();
        String[] groups = statusText(status).split("\r\n\r\n");
        InternetHeaders perMessage = headers(groups[0]);
        InternetHeaders perRecipient = headers(groups[1]);
        assertThat(perMessage.getHeader("Reporting-MTA", null)).isEqualTo("dns; mx.pec.a.example");
        assertThat(perMessage.getHeader("Arrival-Date", null)).isEqualTo("Mon, 3 Mar 2025 10:00:00 +0100");
        assertThat(perRecipient.getHeader("Final-Recipient", null)).isEqualTo("rfc822; amico@internet.example");
        assertThat(perRecipient.getHeader("Action", null)).isEqualTo("failed");
        assertThat(perRecipient.getHeader("Status", null)).isEqualTo("5.1.1");
        assertThat(perRecipient.getHeader("Diagnostic-Code", null))
                .isEqualTo("smtp; 550 5.1.1 <amico@internet.example>: user unknown");
        assertThat(perRecipient.getHeader("Last-Attempt-Date", null)).isEqualTo("Mon, 3 Mar 2025 10:05:00 +0100");

        BodyPart headers = parts.getBodyPart(2);
        assertThat(headers.isMimeType("text/rfc822-headers")).isTrue();
        String copied = new String(headers.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertThat(copied).contains("Message-ID: <opec.1@pec.a.example>").contains("X-Trasporto: posta-certificata")
                .doesNotContain("a body that must not be in the report");
    }

    @Test
    void anExpiryReportSaysHowLongItTriedAndHasNoDiagnosticCodeWithoutAReply() throws Exception {
        MimeMessage m = parse(render(expired("connect: 127.0.0.1:9: MailConnectException: Couldn't connect to host")));

        MimeMultipart parts = (MimeMultipart) m.getContent();
        String human = (String) parts.getBodyPart(0).getContent();
        assertThat(human).contains("entro 24 ore").contains("within 24 hours").contains("Couldn't connect to host");
        InternetHeaders perRecipient = headers(statusText(parts.getBodyPart(1)).split("\r\n\r\n")[1]);
        assertThat(perRecipient.getHeader("Action", null)).isEqualTo("failed");
        assertThat(perRecipient.getHeader("Status", null)).isEqualTo("4.4.7");
        assertThat(perRecipient.getHeader("Diagnostic-Code")).isNull();
    }

    @Test
    void aForgedRecipientOrReplyCannotAddHeaderFields() throws Exception {
        NonDeliveryReport.Failure f = new NonDeliveryReport.Failure("amico@internet.example\r\nBcc: x@evil.example",
                "550 5.1.1 no\r\nAction: delivered", Optional.empty(), ARRIVED, LAST);

        MimeMessage m = parse(render(f));

        InternetHeaders perRecipient = headers(statusText(((MimeMultipart) m.getContent()).getBodyPart(1)).split("\r\n\r\n")[1]);
        assertThat(perRecipient.getHeader("Action")).containsExactly("failed");
        assertThat(perRecipient.getHeader("Bcc")).isNull();
        assertThat(m.getHeader("Bcc")).isNull();
    }

    private static byte[] render(NonDeliveryReport.Failure f) throws Exception {
        HeaderSection original = HeaderSection.read(new ByteArrayInputStream(ORIGINAL.getBytes(StandardCharsets.US_ASCII)), 1 << 16);
        return new NonDeliveryReport("posta-certificata@pec.a.example", "mx.pec.a.example")
                .render(f, original, "mario@pec.a.example", LAST);
    }

    private static MimeMessage parse(byte[] bytes) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
    }

    /** message/delivery-status may come back parsed or raw depending on the handlers; the bytes are what counts. */
    private static String statusText(BodyPart part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static InternetHeaders headers(String group) throws Exception {
        InternetHeaders h = new InternetHeaders(new ByteArrayInputStream((group.trim() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
        Enumeration<?> all = h.getAllHeaders();
        assertThat(all.hasMoreElements()).isTrue();
        return h;
    }
}
