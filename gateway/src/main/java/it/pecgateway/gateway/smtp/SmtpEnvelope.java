package it.pecgateway.gateway.smtp;

import java.util.List;

/** The SMTP routing data of one transaction: reverse path and forward paths, in the order given. */
public record SmtpEnvelope(SmtpPath sender, List<SmtpPath> recipients, boolean eightBitMime) {
    public SmtpEnvelope {
        recipients = List.copyOf(recipients);
    }
}
