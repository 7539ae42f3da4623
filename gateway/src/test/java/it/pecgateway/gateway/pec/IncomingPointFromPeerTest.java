package it.pecgateway.gateway.pec;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.certs.ProvidersIndexLdifWriter;
import it.pecgateway.config.RelayConfig;
import it.pecgateway.gateway.testing.RawSmtp;
import it.pecgateway.mailstore.QueueEntry;
import it.pecgateway.receipts.AnomalyData;
import it.pecgateway.receipts.ByteSource;
import it.pecgateway.receipts.CertifiedTime;
import it.pecgateway.receipts.PecMessages;
import it.pecgateway.receipts.PecSettings;
import it.pecgateway.receipts.RandomIdGenerator;
import it.pecgateway.receipts.ReceiptType;
import it.pecgateway.receipts.Recipient;
import it.pecgateway.receipts.Transaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Provider B's port 25 as a peer provider A meets it: envelopes and receipts signed with A's real key, sent over a
 * raw SMTP session so that the test chooses RCPT TO and resends freely. A is in B's index but does not run; what B
 * sends back stays in B's queue, where the test reads it.
 */
class IncomingPointFromPeerTest {
    PecNode a;
    PecNode b;
    PecMessages signedByA;

    @BeforeEach
    void start() throws Exception {
        int aPort = PecNode.freePort();
        a = new PecNode("A", "pec.a.example", Map.of(), PecNode.defaultTimers(), aPort);
        b = new PecNode("B", "pec.b.example", Map.of("pec.a.example", new RelayConfig.Route("localhost", aPort)),
                PecNode.defaultTimers(), PecNode.freePort());
        Files.writeString(b.dataDir.resolve("index.ldif"), ProvidersIndexLdifWriter.write(List.of(TwoProvidersTest.entryOf(a))));
        b.start(List.of(a.ca()));
        b.mailbox("bianca@pec.b.example", TwoProvidersTest.PASSWORD);
        signedByA = new PecMessages(PecSettings.of(a.config.provider()), a.keys.signing(), Clock.systemUTC(),
                new RandomIdGenerator("localhost"));
    }

    @AfterEach
    void stop() {
        b.close();
        a.close();
    }

    /** The replies to each RCPT and to the end of DATA, joined with "; ". */
    private String send(String from, List<String> recipients, byte[] message) throws IOException {
        try (RawSmtp s = RawSmtp.plain(b.mxPort)) {
            s.reply();
            s.command("EHLO mx.pec.a.example");
            s.command("MAIL FROM:<" + from + ">");
            List<String> replies = new ArrayList<>();
            for (String r : recipients) {
                replies.add(s.command("RCPT TO:<" + r + ">"));
            }
            assertThat(s.command("DATA")).startsWith("354");
            String text = new String(message, StandardCharsets.ISO_8859_1).replace("\r\n.", "\r\n..");
            s.sendRaw(text + (text.endsWith("\r\n") ? "" : "\r\n") + ".\r\n");
            replies.add(s.reply());
            return String.join("; ", replies);
        }
    }

    private Transaction transaction(String sender, String recipient, ReceiptType form) {
        CertifiedTime time = signedByA.now();
        return new Transaction(signedByA.newIdentificativo(time), time, sender, List.of(Recipient.to(recipient)),
                Optional.of("prova"), Optional.of("<originale@pec.a.example>"), Optional.empty(), form);
    }

    private byte[] envelope(Transaction t) throws IOException {
        return envelope(t, "corpo\r\n");
    }

    private byte[] envelope(Transaction t, String body) throws IOException {
        String original = "From: " + t.sender() + "\r\nTo: " + t.recipients().get(0).address()
                + "\r\nSubject: prova\r\nMessage-ID: <originale@pec.a.example>\r\n\r\n" + body;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        signedByA.transportEnvelope(t, ByteSource.of(original.getBytes(StandardCharsets.US_ASCII)), out);
        return out.toByteArray();
    }

    /** The messages B has queued to send, as text. */
    private List<String> queued() throws IOException {
        List<String> out = new ArrayList<>();
        for (QueueEntry e : b.store.queue().pending(100)) {
            try (InputStream in = b.store.blobs().open(e.body())) {
                out.add(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    private static List<String> ofType(List<String> messages, String xRicevuta) {
        return messages.stream().filter(m -> m.contains("X-Ricevuta: " + xRicevuta + "\r\n")).toList();
    }

    @Test
    void anEnvelopeResentWithTheRecipientInAnotherCaseIsDeliveredOnceAndReceiptsNameTheMailbox() throws Exception {
        byte[] envelope = envelope(transaction("mario@pec.a.example", "bianca@pec.b.example", ReceiptType.COMPLETA));

        assertThat(send("mario@pec.a.example", List.of("Bianca@pec.b.example"), envelope)).contains("; 250 2.0.0 ");
        assertThat(send("mario@pec.a.example", List.of("bianca@pec.b.example"), envelope)).contains("; 250 2.0.0 ");

        assertThat(b.inbox("bianca@pec.b.example")).hasSize(1);
        List<String> sent = queued();
        assertThat(ofType(sent, "presa-in-carico")).hasSize(1);
        assertThat(ofType(sent, "avvenuta-consegna")).hasSize(1);
        assertThat(PecMail.daticert(ofType(sent, "presa-in-carico").get(0))).contains("<ricezione>bianca@pec.b.example</ricezione>");
        assertThat(PecMail.daticert(ofType(sent, "avvenuta-consegna").get(0))).contains("<consegna>bianca@pec.b.example</consegna>");
    }

    @Test
    void aReceiptForATransactionWeDoNotTrackIsStillDeliveredToItsAddressee() throws Exception {
        Transaction never = transaction("bianca@pec.b.example", "mario@pec.a.example", ReceiptType.SINTETICA);
        ByteArrayOutputStream receipt = new ByteArrayOutputStream();
        signedByA.delivery(never, "mario@pec.a.example", Optional.empty(), receipt);

        assertThat(send("posta-certificata@pec.a.example", List.of("bianca@pec.b.example"), receipt.toByteArray()))
                .isEqualTo("250 2.1.5 Recipient ok; 250 2.0.0 Accepted");

        assertThat(b.inbox("bianca@pec.b.example")).hasSize(1);
        assertThat(new String(b.inbox("bianca@pec.b.example").get(0), StandardCharsets.ISO_8859_1))
                .contains("X-Ricevuta: avvenuta-consegna");
    }

    @Test
    void aTakeInChargeForAnUnknownIdentificativoGoesToTheServiceMailbox() throws Exception {
        Transaction never = transaction("bianca@pec.b.example", "mario@pec.a.example", ReceiptType.COMPLETA);
        ByteArrayOutputStream receipt = new ByteArrayOutputStream();
        signedByA.takeInCharge(never, List.of("mario@pec.a.example"), "posta-certificata@pec.b.example", receipt);

        assertThat(send("posta-certificata@pec.a.example", List.of("posta-certificata@pec.b.example"), receipt.toByteArray()))
                .isEqualTo("250 2.1.5 Recipient ok; 250 2.0.0 Accepted");

        assertThat(b.inbox("posta-certificata@pec.b.example")).hasSize(1);
    }

    @Test
    void aReceiptForNoMailboxOfOursIsRefusedNotAcceptedAndDropped() throws Exception {
        Transaction t = transaction("nessuno@pec.b.example", "mario@pec.a.example", ReceiptType.SINTETICA);
        ByteArrayOutputStream receipt = new ByteArrayOutputStream();
        signedByA.delivery(t, "mario@pec.a.example", Optional.empty(), receipt);

        assertThat(send("posta-certificata@pec.a.example", List.of("nessuno@pec.b.example"), receipt.toByteArray()))
                .isEqualTo("250 2.1.5 Recipient ok; 550 5.1.1 Mailbox unknown");
    }

    @Test
    void aReceiptForOneKnownAndOneUnknownMailboxReachesTheKnownOne() throws Exception {
        Transaction t = transaction("bianca@pec.b.example", "mario@pec.a.example", ReceiptType.SINTETICA);
        ByteArrayOutputStream receipt = new ByteArrayOutputStream();
        signedByA.delivery(t, "mario@pec.a.example", Optional.empty(), receipt);

        assertThat(send("posta-certificata@pec.a.example", List.of("nessuno@pec.b.example", "bianca@pec.b.example"),
                receipt.toByteArray())).endsWith("; 250 2.0.0 Accepted");

        assertThat(b.inbox("bianca@pec.b.example")).hasSize(1);
    }

    @Test
    void anAnomalyEnvelopeForNoMailboxOfOursIsRefused() throws Exception {
        ByteArrayOutputStream anomaly = new ByteArrayOutputStream();
        signedByA.anomaly(new AnomalyData(signedByA.now(), "amico@internet.example", List.of("nessuno@pec.b.example"),
                Optional.of("prova"), "messaggio di posta ordinaria"), ByteSource.of(
                "From: amico@internet.example\r\nTo: nessuno@pec.b.example\r\nSubject: prova\r\n\r\nciao\r\n"
                        .getBytes(StandardCharsets.US_ASCII)), anomaly);

        assertThat(send("amico@internet.example", List.of("nessuno@pec.b.example"), anomaly.toByteArray()))
                .isEqualTo("250 2.1.5 Recipient ok; 550 5.1.1 Mailbox unknown");
    }

    @Test
    void theEnvelopeOfAMessageJustUnderTheSizeLimitIsTakenIn() throws Exception {
        long limit = b.config.limits().maxMessageBytes();
        String line = "x".repeat(98) + "\r\n";
        String body = line.repeat((int) ((limit - 4096) / line.length()));
        byte[] envelope = envelope(transaction("mario@pec.a.example", "bianca@pec.b.example", ReceiptType.COMPLETA), body);
        assertThat((long) envelope.length).as("the envelope is larger than the message it certifies").isGreaterThan(limit);

        assertThat(send("mario@pec.a.example", List.of("bianca@pec.b.example"), envelope)).contains("; 250 2.0.0 ");

        assertThat(b.inbox("bianca@pec.b.example")).hasSize(1);
    }

    @Test
    void anAnomalyEnvelopeResentByThePeerIsDeliveredOnce() throws Exception {
        ByteArrayOutputStream anomaly = new ByteArrayOutputStream();
        signedByA.anomaly(new AnomalyData(signedByA.now(), "amico@internet.example", List.of("bianca@pec.b.example"),
                Optional.of("prova"), "messaggio di posta ordinaria"), ByteSource.of(("From: amico@internet.example\r\n"
                + "To: bianca@pec.b.example\r\nSubject: prova\r\nMessage-ID: <m1@internet.example>\r\n\r\nciao\r\n")
                .getBytes(StandardCharsets.US_ASCII)), anomaly);

        assertThat(send("posta-certificata@pec.a.example", List.of("bianca@pec.b.example"), anomaly.toByteArray())).endsWith("; 250 2.0.0 Accepted");
        assertThat(send("posta-certificata@pec.a.example", List.of("bianca@pec.b.example"), anomaly.toByteArray())).endsWith("; 250 2.0.0 Accepted");

        assertThat(b.inbox("bianca@pec.b.example")).hasSize(1);
    }
}
