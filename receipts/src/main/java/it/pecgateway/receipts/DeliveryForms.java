package it.pecgateway.receipts;

/** Which delivery receipt form a recipient gets (digest 5.6 table). */
final class DeliveryForms {
    private DeliveryForms() {
    }

    /** Cc recipients get the concise form; primary recipients (or unknown ones, digest 5.6) the requested form. */
    static ReceiptType formFor(Transaction t, String recipient) {
        boolean carbonCopy = t.recipient(recipient).map(Recipient::carbonCopy).orElse(false);
        return carbonCopy ? ReceiptType.SINTETICA : t.receiptType();
    }
}
