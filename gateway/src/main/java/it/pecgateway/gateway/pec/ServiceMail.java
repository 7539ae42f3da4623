package it.pecgateway.gateway.pec;

import it.pecgateway.mailstore.BlobId;
import it.pecgateway.mailstore.BodySource;
import it.pecgateway.mailstore.NewQueueEntry;
import it.pecgateway.mailstore.StoreSession;
import it.pecgateway.receipts.mime.HeaderText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Ordinary (not certified) messages from the service address to an ordinary address: arrival notices, password
 * reset and activation links, confirmation codes. Plain UTF-8 text, {@code Auto-Submitted: auto-generated},
 * queued for relay in the caller's store transaction, so it leaves exactly when what it tells of is committed.
 */
public final class ServiceMail {
    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
    static final ZoneId ROME = ZoneId.of("Europe/Rome");

    private final String serviceAddress;

    public ServiceMail(String serviceAddress) {
        this.serviceAddress = serviceAddress;
    }

    /** @param reference what the queue entry is about (shown in queue inspection and logs) */
    public void queue(StoreSession tx, String to, String subject, String body, String reference, Instant at) {
        BlobId blob = tx.blobs().put(BodySource.of(message(to, subject, body, at)));
        tx.queue().enqueue(new NewQueueEntry(blob, serviceAddress, to, QueuePurpose.RELAY_ORDINARY.wire(), reference, at));
    }

    byte[] message(String to, String subject, String body, Instant at) {
        String text = body.replace("\r\n", "\n").replace("\n", "\r\n");
        String message = "From: " + serviceAddress + "\r\n"
                + "To: " + to + "\r\n"
                + "Subject: " + HeaderText.unstructured(subject.replaceAll("[\\r\\n]", " ")) + "\r\n"
                + "Date: " + DATE.format(at.atZone(ROME)) + "\r\n"
                + "Message-ID: <avviso." + UUID.randomUUID() + "@" + serviceAddress.substring(serviceAddress.indexOf('@') + 1) + ">\r\n"
                + "Auto-Submitted: auto-generated\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n" + text;
        return message.getBytes(StandardCharsets.UTF_8);
    }
}
