package it.pecgateway.gateway.smtp;

import java.util.ArrayList;
import java.util.List;

/** The state between MAIL and the end of DATA (or RSET). */
final class MailTransaction {
    final SmtpPath sender;
    final boolean eightBitMime;
    final long declaredSize;
    final List<SmtpPath> recipients = new ArrayList<>();

    MailTransaction(SmtpPath sender, boolean eightBitMime, long declaredSize) {
        this.sender = sender;
        this.eightBitMime = eightBitMime;
        this.declaredSize = declaredSize;
    }

    boolean hasRecipient(SmtpPath path) {
        return recipients.stream().anyMatch(r -> r.address().equalsIgnoreCase(path.address()));
    }

    SmtpEnvelope envelope() {
        return new SmtpEnvelope(sender, recipients, eightBitMime);
    }
}
