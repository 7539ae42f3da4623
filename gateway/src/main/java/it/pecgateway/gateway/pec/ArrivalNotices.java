package it.pecgateway.gateway.pec;

import it.pecgateway.mailstore.BlobId;
import it.pecgateway.mailstore.BodySource;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.MailboxSettings;
import it.pecgateway.mailstore.NewQueueEntry;
import it.pecgateway.mailstore.StoreSession;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * Arrival notices (issue 5): a short plain message to up to two ordinary addresses of the holder, optionally only
 * for messages from up to two given senders. It names sender, recipient, subject and time, never the content.
 * Queued in the caller's transaction, so it exists exactly when the delivery does.
 */
final class ArrivalNotices {
    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss (xx)", Locale.ROOT);
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    private final String serviceAddress;

    ArrivalNotices(String serviceAddress) {
        this.serviceAddress = serviceAddress;
    }

    void queue(StoreSession tx, Mailbox mailbox, String sender, String subject, Instant at) {
        MailboxSettings s = mailbox.settings();
        if (s.notifyAddresses().isEmpty()) {
            return;
        }
        if (!s.notifyOnlyFrom().isEmpty() && s.notifyOnlyFrom().stream().noneMatch(sender::equalsIgnoreCase)) {
            return;
        }
        for (String to : s.notifyAddresses()) {
            BlobId blob = tx.blobs().put(BodySource.of(text(mailbox.address(), sender, subject, at, to)));
            tx.queue().enqueue(new NewQueueEntry(blob, serviceAddress, to, QueuePurpose.RELAY_ORDINARY.wire(),
                    "notifica:" + mailbox.address(), at));
        }
    }

    private byte[] text(String recipient, String sender, String subject, Instant at, String to) {
        String cleanSubject = subject.replaceAll("[\\r\\n]", " ");
        String body = "Nuovo messaggio nella casella " + recipient + "\r\n"
                + "Mittente: " + sender + "\r\n"
                + "Oggetto: " + cleanSubject + "\r\n"
                + "Ricevuto il: " + HUMAN.format(at.atZone(ROME)) + "\r\n";
        String message = "From: " + serviceAddress + "\r\n"
                + "To: " + to + "\r\n"
                + "Subject: " + it.pecgateway.receipts.mime.HeaderText.unstructured("Avviso di ricezione: " + cleanSubject) + "\r\n"
                + "Date: " + DATE.format(at.atZone(ROME)) + "\r\n"
                + "Message-ID: <avviso." + UUID.randomUUID() + "@" + serviceAddress.substring(serviceAddress.indexOf('@') + 1) + ">\r\n"
                + "Auto-Submitted: auto-generated\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n" + body;
        return message.getBytes(StandardCharsets.UTF_8);
    }
}
