package it.pecgateway.receipts;

import java.util.List;
import java.util.Optional;

/**
 * What the incoming point knows of a message it cannot certify (digest 5.11).
 *
 * @param time       arrival time, the single time value of this transaction at the InP
 * @param sender     the SMTP reverse path (or From) of the received message
 * @param recipients the recipients the message is delivered to
 * @param subject    the received subject, decoded
 * @param reason     short Italian description of why it is not certified, e.g.
 *                   "la firma digitale del messaggio non risulta attendibile"
 */
public record AnomalyData(CertifiedTime time, String sender, List<String> recipients, Optional<String> subject,
        String reason) {
    public AnomalyData {
        recipients = List.copyOf(recipients);
    }
}
