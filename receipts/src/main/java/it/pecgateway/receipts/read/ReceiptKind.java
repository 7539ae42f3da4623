package it.pecgateway.receipts.read;

import it.pecgateway.receipts.MessageKind;

/** Every receipt and notice as a reader tells them apart (digest 4.1 #2 to #10, the forms of #6 and #8 split). */
public enum ReceiptKind {
    ACCEPTANCE(MessageKind.ACCEPTANCE, "accettazione"),
    NON_ACCEPTANCE(MessageKind.NON_ACCEPTANCE, "non-accettazione"),
    NON_ACCEPTANCE_VIRUS(MessageKind.NON_ACCEPTANCE_VIRUS, "non-accettazione per virus"),
    TAKE_IN_CHARGE(MessageKind.TAKE_IN_CHARGE, "presa-in-carico"),
    DELIVERY_COMPLETE(MessageKind.DELIVERY, "avvenuta-consegna (completa)"),
    DELIVERY_BRIEF(MessageKind.DELIVERY, "avvenuta-consegna (breve)"),
    DELIVERY_CONCISE(MessageKind.DELIVERY, "avvenuta-consegna (sintetica)"),
    NON_DELIVERY(MessageKind.NON_DELIVERY, "errore-consegna"),
    TIMEOUT_12H(MessageKind.TIMEOUT, "preavviso-errore-consegna (12 ore)"),
    TIMEOUT_24H(MessageKind.TIMEOUT, "preavviso-errore-consegna (24 ore)"),
    VIRUS_DETECTION(MessageKind.VIRUS_DETECTION, "rilevazione-virus"),
    NON_DELIVERY_VIRUS(MessageKind.NON_DELIVERY_VIRUS, "errore-consegna per virus");

    private final MessageKind messageKind;
    private final String label;

    ReceiptKind(MessageKind messageKind, String label) {
        this.messageKind = messageKind;
        this.label = label;
    }

    public MessageKind messageKind() {
        return messageKind;
    }

    /** Italian label for people, e.g. {@code avvenuta-consegna (sintetica)}. */
    public String label() {
        return label;
    }
}
