package it.pecgateway.gateway.pec;

import it.pecgateway.config.LimitsConfig;
import it.pecgateway.gateway.smtp.SmtpEnvelope;
import it.pecgateway.gateway.smtp.SmtpPath;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** The formal checks of the access point (digest 9.1), in the digest's order; the first failure is the answer. */
final class FormalChecks {
    private FormalChecks() {
    }

    static Optional<FormalCheckFailure> check(SmtpEnvelope envelope, OriginalHeaders h, long size, LimitsConfig limits) {
        if (h.from().size() != 1 || h.malformed().contains("From")) {
            return Optional.of(FormalCheckFailure.FROM);
        }
        if (h.to().isEmpty() || h.malformed().contains("To")) {
            return Optional.of(FormalCheckFailure.TO);
        }
        if (h.malformed().contains("Cc")) {
            return Optional.of(FormalCheckFailure.CC);
        }
        if (!h.from().get(0).equalsIgnoreCase(envelope.sender().address())) {
            return Optional.of(FormalCheckFailure.SENDER_MISMATCH);
        }
        Set<String> headerRecipients = new HashSet<>(h.to());
        headerRecipients.addAll(h.cc());
        Set<String> smtpRecipients = new HashSet<>();
        for (SmtpPath p : envelope.recipients()) {
            smtpRecipients.add(OriginalHeaders.lower(p.address()));
        }
        if (!headerRecipients.equals(smtpRecipients)) {
            return Optional.of(FormalCheckFailure.RECIPIENTS_MISMATCH);
        }
        if (h.bccHasValue()) {
            return Optional.of(FormalCheckFailure.BCC);
        }
        if (size * smtpRecipients.size() > limits.maxSizeTimesRecipients()) {
            return Optional.of(FormalCheckFailure.SIZE_TIMES_RECIPIENTS);
        }
        return Optional.empty();
    }
}
