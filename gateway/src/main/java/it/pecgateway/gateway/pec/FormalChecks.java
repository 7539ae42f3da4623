package it.pecgateway.gateway.pec;

import it.pecgateway.config.LimitsConfig;
import it.pecgateway.gateway.smtp.SmtpEnvelope;
import it.pecgateway.gateway.smtp.SmtpPath;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The formal checks of the access point (digest 9.1), in the digest's order. Each failure is a short Italian reason
 * that goes into the non-acceptance notice ("a causa di ...") and its daticert errore-esteso.
 */
final class FormalChecks {
    private FormalChecks() {
    }

    static Optional<String> check(SmtpEnvelope envelope, OriginalHeaders h, long size, LimitsConfig limits) {
        if (h.from().size() != 1 || h.malformed().contains("From")) {
            return Optional.of("intestazione From assente o non conforme (un solo indirizzo RFC 5322)");
        }
        if (h.to().isEmpty() || h.malformed().contains("To")) {
            return Optional.of("intestazione To assente o non conforme");
        }
        if (h.malformed().contains("Cc")) {
            return Optional.of("intestazione Cc non conforme");
        }
        if (!h.from().get(0).equalsIgnoreCase(envelope.sender().address())) {
            return Optional.of("il mittente (MAIL FROM) non coincide con l'intestazione From");
        }
        Set<String> headerRecipients = new HashSet<>(h.to());
        headerRecipients.addAll(h.cc());
        Set<String> smtpRecipients = new HashSet<>();
        for (SmtpPath p : envelope.recipients()) {
            smtpRecipients.add(OriginalHeaders.lower(p.address()));
        }
        if (!headerRecipients.equals(smtpRecipients)) {
            return Optional.of("i destinatari (RCPT TO) non coincidono con gli indirizzi in To e Cc");
        }
        if (h.bccHasValue()) {
            return Optional.of("l'intestazione Bcc contiene indirizzi");
        }
        if (size * smtpRecipients.size() > limits.maxSizeTimesRecipients()) {
            return Optional.of("dimensione del messaggio per numero di destinatari oltre il limite consentito");
        }
        return Optional.empty();
    }
}
