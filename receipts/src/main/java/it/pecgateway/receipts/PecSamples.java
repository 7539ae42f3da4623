package it.pecgateway.receipts;

import it.pecgateway.receipts.mime.MimeLimitException;
import it.pecgateway.receipts.mime.MimeNode;
import it.pecgateway.receipts.mime.MimeScanner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One signed example of every system message, from one sample transaction, for integrators who test their PEC
 * clients (the {@code samples} command) and for the golden tests.
 */
public final class PecSamples {
    public static final String SENDER = "mittente@pec.example.it";
    public static final String RECIPIENT = "destinatario@pec.example.it";
    public static final String CC_RECIPIENT = "copia@pec.example.it";
    public static final String EXTERNAL = "utente@example.com";
    public static final String SENDER_PROVIDER_MAILBOX = "ricevute@pec.example.it";
    private final PecMessages messages;

    public PecSamples(PecMessages messages) {
        this.messages = messages;
    }

    /** The sample original as a client submits it: text and a small PDF attachment. */
    public static byte[] original() {
        String text = String.join("\r\n",
                "From: Mario Rossi <" + SENDER + ">",
                "To: " + RECIPIENT + ", " + EXTERNAL,
                "Cc: " + CC_RECIPIENT,
                "Subject: Offerta n. 42",
                "Date: Thu, 15 Jan 2026 10:59:58 +0100",
                "Message-ID: <20260115105958.4242@client.example.it>",
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"orig-boundary\"",
                "",
                "--orig-boundary",
                "Content-Type: text/plain; charset=\"utf-8\"",
                "Content-Transfer-Encoding: 8bit",
                "",
                "Buongiorno, in allegato l'offerta.",
                "--orig-boundary",
                "Content-Type: application/pdf; name=\"offerta.pdf\"",
                "Content-Disposition: attachment; filename=\"offerta.pdf\"",
                "Content-Transfer-Encoding: base64",
                "",
                "JVBERi0xLjQKJcOkw7zDtsOfCjEgMCBvYmoKPDwvVHlwZS9DYXRhbG9nPj4KZW5kb2JqCiUlRU9GCg==",
                "--orig-boundary--",
                "");
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public Transaction transaction(ReceiptType receiptType) {
        CertifiedTime time = messages.now();
        return new Transaction(messages.newIdentificativo(time), time, SENDER,
                List.of(Recipient.to(RECIPIENT), Recipient.to(EXTERNAL).external(), Recipient.cc(CC_RECIPIENT)),
                Optional.of("Offerta n. 42"), Optional.of("<20260115105958.4242@client.example.it>"),
                Optional.empty(), receiptType);
    }

    /** Every kind, in catalogue order, by file name. */
    public Map<String, byte[]> all() throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        Transaction t = transaction(ReceiptType.COMPLETA);
        byte[] envelope = write(o -> messages.transportEnvelope(t, ByteSource.of(original()), o));
        ByteSource postacert = postacert(envelope);
        Transaction brief = new Transaction(t.identificativo(), t.time(), t.sender(), t.recipients(), t.subject(),
                t.originalMessageId(), t.replyTo(), ReceiptType.BREVE);
        out.put("01-busta-di-trasporto.eml", envelope);
        out.put("02-accettazione.eml", write(o -> messages.acceptance(t, o)));
        out.put("03-non-accettazione.eml", write(o -> messages.nonAcceptance(t,
                "destinatari in Bcc non ammessi", o)));
        out.put("04-non-accettazione-virus.eml", write(o -> messages.nonAcceptanceForVirus(t, "Eicar-Test-Signature", o)));
        out.put("05-presa-in-carico.eml", write(o -> messages.takeInCharge(t, List.of(RECIPIENT, CC_RECIPIENT),
                SENDER_PROVIDER_MAILBOX, o)));
        out.put("06-consegna-completa.eml", write(o -> messages.delivery(t, RECIPIENT, Optional.of(postacert), o)));
        out.put("07-consegna-breve.eml", write(o -> messages.delivery(brief, RECIPIENT, Optional.of(postacert), o)));
        out.put("08-consegna-sintetica.eml", write(o -> messages.delivery(t, CC_RECIPIENT, Optional.empty(), o)));
        out.put("09-mancata-consegna.eml", write(o -> messages.nonDelivery(t, RECIPIENT, DeliveryError.NO_SUCH_MAILBOX,
                o)));
        out.put("10-preavviso-mancata-consegna-12h.eml", write(o -> messages.timeout12h(t, RECIPIENT, o)));
        out.put("11-mancata-consegna-24h.eml", write(o -> messages.timeout24h(t, RECIPIENT, o)));
        out.put("12-rilevazione-virus.eml", write(o -> messages.virusDetection(t, RECIPIENT, "Eicar-Test-Signature",
                SENDER_PROVIDER_MAILBOX, o)));
        out.put("13-mancata-consegna-virus.eml", write(o -> messages.nonDeliveryForVirus(t, RECIPIENT,
                "Eicar-Test-Signature", o)));
        CertifiedTime arrival = messages.now();
        out.put("14-anomalia.eml", write(o -> messages.anomaly(new AnomalyData(arrival, "utente@example.com",
                List.of(RECIPIENT), Optional.of("Messaggio ordinario"), "messaggio non firmato da un gestore PEC"),
                ByteSource.of(ordinaryMail()), o)));
        return out;
    }

    public List<Path> writeTo(Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : all().entrySet()) {
            written.add(Files.write(directory.resolve(e.getKey()), e.getValue()));
        }
        return written;
    }

    static byte[] ordinaryMail() {
        return String.join("\r\n",
                "From: utente@example.com",
                "To: " + RECIPIENT,
                "Subject: Messaggio ordinario",
                "Message-ID: <ordinary.1@example.com>",
                "",
                "Posta non certificata.",
                "").getBytes(StandardCharsets.US_ASCII);
    }

    /** The postacert.eml inside an envelope, as a delivery point takes it for the delivery receipt. */
    static ByteSource postacert(byte[] envelope) throws IOException {
        ByteSource source = ByteSource.of(envelope);
        try (InputStream in = source.open()) {
            MimeNode part = MimeScanner.scan(in).find("postacert.eml")
                    .orElseThrow(() -> new IOException("no postacert.eml in the envelope"));
            return source.slice(part.bodyStart(), part.bodyEnd());
        } catch (MimeLimitException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private interface Writing {
        void to(ByteArrayOutputStream out) throws IOException;
    }

    private static byte[] write(Writing w) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        w.to(out);
        return out.toByteArray();
    }
}
