package it.pecgateway.receipts.read;

import it.pecgateway.receipts.ReceiptType;
import it.pecgateway.receipts.daticert.Daticert;
import it.pecgateway.receipts.daticert.Errore;

/** Tells the receipt kinds apart from the daticert, X-VerificaSicurezza and the presence of the original. */
final class ReceiptKinds {
    private ReceiptKinds() {
    }

    static ReceiptKind of(Daticert d, boolean securityError, boolean hasOriginal) {
        boolean virus = securityError || d.errore() == Errore.VIRUS;
        return switch (d.tipo()) {
            case ACCETTAZIONE -> ReceiptKind.ACCEPTANCE;
            case NON_ACCETTAZIONE -> virus ? ReceiptKind.NON_ACCEPTANCE_VIRUS : ReceiptKind.NON_ACCEPTANCE;
            case PRESA_IN_CARICO -> ReceiptKind.TAKE_IN_CHARGE;
            // daticert echoes the requested form even on a concise receipt (digest 5.6, 13 #12): look at the parts.
            case AVVENUTA_CONSEGNA -> !hasOriginal ? ReceiptKind.DELIVERY_CONCISE
                    : d.ricevuta().orElse(ReceiptType.COMPLETA) == ReceiptType.BREVE ? ReceiptKind.DELIVERY_BRIEF
                    : ReceiptKind.DELIVERY_COMPLETE;
            case ERRORE_CONSEGNA -> virus ? ReceiptKind.NON_DELIVERY_VIRUS : ReceiptKind.NON_DELIVERY;
            case PREAVVISO_ERRORE_CONSEGNA -> d.isFinalTimeout() ? ReceiptKind.TIMEOUT_24H : ReceiptKind.TIMEOUT_12H;
            case RILEVAZIONE_VIRUS -> ReceiptKind.VIRUS_DETECTION;
            case POSTA_CERTIFICATA -> throw new IllegalArgumentException("a transport envelope is not a receipt");
        };
    }
}
