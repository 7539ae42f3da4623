package it.pecgateway.gateway.pec;

import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.MailboxSettings;
import it.pecgateway.mailstore.StoreSession;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Arrival notices (issue 5): a short plain message to up to two ordinary addresses of the holder, optionally only
 * for messages from up to two given senders. It names sender, recipient, subject and time, never the content.
 * Queued in the caller's transaction, so it exists exactly when the delivery does.
 */
final class ArrivalNotices {
    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss (xx)", Locale.ROOT);

    private final ServiceMail mail;

    ArrivalNotices(String serviceAddress) {
        this.mail = new ServiceMail(serviceAddress);
    }

    void queue(StoreSession tx, Mailbox mailbox, String sender, String subject, Instant at) {
        MailboxSettings s = mailbox.settings();
        if (s.notifyAddresses().isEmpty()) {
            return;
        }
        if (!s.notifyOnlyFrom().isEmpty() && s.notifyOnlyFrom().stream().noneMatch(sender::equalsIgnoreCase)) {
            return;
        }
        String cleanSubject = subject.replaceAll("[\\r\\n]", " ");
        String body = "Nuovo messaggio nella casella " + mailbox.address() + "\n"
                + "Mittente: " + sender + "\n"
                + "Oggetto: " + cleanSubject + "\n"
                + "Ricevuto il: " + HUMAN.format(at.atZone(ServiceMail.ROME)) + "\n";
        for (String to : s.notifyAddresses()) {
            mail.queue(tx, to, "Avviso di ricezione: " + cleanSubject, body, "notifica:" + mailbox.address(), at);
        }
    }
}
