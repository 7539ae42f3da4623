package it.pecgateway.receipts.read;

import it.pecgateway.receipts.ByteSource;
import it.pecgateway.receipts.daticert.Daticert;
import it.pecgateway.receipts.smime.SignatureReport;
import java.util.Optional;

/**
 * What a received message is (digest 8 and 9.3). Exactly one of: a verified transport envelope, a verified receipt
 * or notice, a verified anomaly envelope, a message that is not PEC at all, a PEC-looking message that fails
 * verification, or input that cannot be read as a message. Every negative outcome carries its reason.
 */
public sealed interface Classification {

    /** A short line for people: what it is, or why it is not. */
    String summary();

    /** A verified transport envelope; its original is {@link #postacert()}. */
    record TransportEnvelope(PecHeaders headers, Daticert daticert, SignatureReport signature,
            ByteSource postacert) implements Classification {
        @Override
        public String summary() {
            return "busta di trasporto " + daticert.identificativo();
        }
    }

    /** A verified receipt or notice of the given kind. */
    record Receipt(ReceiptKind kind, PecHeaders headers, Daticert daticert, SignatureReport signature,
            Optional<ByteSource> postacert) implements Classification {
        @Override
        public String summary() {
            return "ricevuta " + kind.label() + " " + daticert.identificativo();
        }
    }

    /** A verified anomaly envelope wrapping a message that could not be certified. */
    record AnomalyEnvelope(PecHeaders headers, SignatureReport signature, Optional<ByteSource> wrapped)
            implements Classification {
        @Override
        public String summary() {
            return "busta di anomalia";
        }
    }

    /** No PEC header at top level: ordinary mail. */
    record NotPec(PecHeaders headers, String reason) implements Classification {
        @Override
        public String summary() {
            return "not PEC: " + reason;
        }
    }

    /**
     * Top-level PEC headers, but the message fails a check (signature, trust, structure, daticert).
     *
     * @param claimed  the kind its headers claim, e.g. {@code X-Ricevuta: accettazione}
     * @param daticert the certification data when they could be read
     */
    record FailedPec(String claimed, PecHeaders headers, String reason, Optional<Daticert> daticert,
            Optional<SignatureReport> signature) implements Classification {
        @Override
        public String summary() {
            return "invalid PEC (" + claimed + "): " + reason;
        }
    }

    /** Not readable as an Internet message (I/O failure, no header section, a structural cap exceeded). */
    record Unreadable(String reason) implements Classification {
        @Override
        public String summary() {
            return "unreadable: " + reason;
        }
    }
}
