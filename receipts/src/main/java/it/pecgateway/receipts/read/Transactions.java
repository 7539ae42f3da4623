package it.pecgateway.receipts.read;

import it.pecgateway.receipts.Addresses;
import it.pecgateway.receipts.CertifiedTime;
import it.pecgateway.receipts.ReceiptType;
import it.pecgateway.receipts.Recipient;
import it.pecgateway.receipts.Transaction;
import it.pecgateway.receipts.daticert.Daticert;
import java.util.List;
import java.util.Optional;

/**
 * The transaction as a receiving provider knows it from a verified transport envelope: what its incoming and
 * delivery points need to write take-in-charge, delivery and non-delivery receipts at their own time.
 */
public final class Transactions {
    private Transactions() {
    }

    public static Transaction fromEnvelope(Classification.TransportEnvelope envelope, CertifiedTime time) {
        Daticert d = envelope.daticert();
        List<String> to = addresses(envelope.headers().to());
        List<String> cc = addresses(envelope.headers().cc());
        List<Recipient> recipients = d.destinatari().stream()
                .map(r -> {
                    String a = r.address().toLowerCase(java.util.Locale.ROOT);
                    return new Recipient(r.address(), cc.contains(a) && !to.contains(a), r.certificato());
                })
                .toList();
        Optional<String> replyTo = Optional.of(d.risposte()).filter(r -> !r.isEmpty() && !r.equalsIgnoreCase(d.mittente()));
        return new Transaction(d.identificativo(), time, d.mittente(), recipients, d.oggetto(), d.msgid(), replyTo,
                d.ricevuta().orElse(ReceiptType.COMPLETA));
    }

    private static List<String> addresses(Optional<String> header) {
        try {
            return header.map(Addresses::parse).orElse(List.of());
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }
}
