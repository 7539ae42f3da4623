package it.pecgateway.gateway.pec;

import it.pecgateway.receipts.ByteSource;
import it.pecgateway.receipts.CertifiedTime;
import it.pecgateway.receipts.ReceiptType;
import it.pecgateway.receipts.Recipient;
import it.pecgateway.receipts.Transaction;
import it.pecgateway.receipts.daticert.Daticert;
import it.pecgateway.receipts.daticert.Destinatario;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The transaction a received transport envelope certifies, rebuilt from its daticert (identificativo, sender,
 * typed recipients, subject, msgid, requested receipt) and its To/Cc headers (which recipients are carbon copies,
 * digest 5.6), seen at our delivery point's own time.
 */
final class EnvelopeTransaction {
    private EnvelopeTransaction() {
    }

    static Transaction of(Daticert d, ByteSource envelope, CertifiedTime at) throws IOException {
        OriginalHeaders h = OriginalHeaders.read(envelope);
        List<Recipient> recipients = new ArrayList<>();
        for (Destinatario dest : d.destinatari()) {
            String address = OriginalHeaders.lower(dest.address());
            boolean cc = !h.to().contains(address) && h.cc().contains(address);
            recipients.add(new Recipient(address, cc, dest.certificato()));
        }
        Optional<String> replyTo = d.risposte().isBlank() || d.risposte().equalsIgnoreCase(d.mittente())
                ? Optional.empty() : Optional.of(d.risposte());
        return new Transaction(d.identificativo(), at, OriginalHeaders.lower(d.mittente()), recipients, d.oggetto(), d.msgid(),
                replyTo, d.ricevuta().orElse(ReceiptType.COMPLETA));
    }
}
