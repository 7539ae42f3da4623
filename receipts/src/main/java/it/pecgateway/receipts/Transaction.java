package it.pecgateway.receipts;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every message of one PEC transaction says about the original message.
 *
 * @param identificativo    the PEC msgid (digest 7.1), without angle brackets
 * @param time              the single time value of this transaction at this point (AP, InP or DP)
 * @param sender            the original sender (reverse path = From)
 * @param recipients        every To/Cc recipient with its type
 * @param subject           the original subject, decoded; empty when the original had none
 * @param originalMessageId the client's Message-ID with angle brackets, if it had one
 * @param replyTo           the original Reply-To address, if any
 * @param receiptType       the requested delivery receipt form
 */
public record Transaction(
        String identificativo,
        CertifiedTime time,
        String sender,
        List<Recipient> recipients,
        Optional<String> subject,
        Optional<String> originalMessageId,
        Optional<String> replyTo,
        ReceiptType receiptType) {

    public Transaction {
        Objects.requireNonNull(identificativo, "identificativo");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(sender, "sender");
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a PEC transaction has at least one recipient");
        }
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(originalMessageId, "originalMessageId");
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(receiptType, "receiptType");
    }

    /** The same transaction seen at another point (InP or DP), with that point's own single time value. */
    public Transaction at(CertifiedTime otherTime) {
        return new Transaction(identificativo, otherTime, sender, recipients, subject, originalMessageId, replyTo,
                receiptType);
    }

    public Optional<Recipient> recipient(String address) {
        return recipients.stream().filter(r -> r.address().equalsIgnoreCase(address)).findFirst();
    }

    /** daticert {@code risposte}: Reply-To, else the sender (digest 13 #10). */
    public String risposte() {
        return replyTo.orElse(sender);
    }
}
