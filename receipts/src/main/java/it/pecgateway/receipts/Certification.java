package it.pecgateway.receipts;

import it.pecgateway.receipts.daticert.Daticert;
import it.pecgateway.receipts.daticert.DaticertTipo;
import it.pecgateway.receipts.daticert.Destinatario;
import it.pecgateway.receipts.daticert.Errore;
import java.util.List;
import java.util.Optional;

/** Builds the daticert of each kind from the transaction (digest 6.3 presence matrix). */
final class Certification {
    private Certification() {
    }

    static Daticert of(DaticertTipo tipo, Errore errore, Transaction t, String gestore, Optional<ReceiptType> ricevuta,
            Optional<String> consegna, List<String> ricezione, Optional<String> erroreEsteso) {
        List<Destinatario> destinatari = t.recipients().stream()
                .map(r -> new Destinatario(r.address(), r.certified()))
                .toList();
        return new Daticert(tipo, errore, t.sender(), destinatari, t.risposte(), t.subject(), gestore,
                t.time().giorno(), t.time().ora(), t.time().zona(), t.identificativo(), t.originalMessageId(),
                ricevuta, consegna, ricezione, erroreEsteso);
    }

    static Daticert simple(DaticertTipo tipo, Errore errore, Transaction t, String gestore) {
        return of(tipo, errore, t, gestore, Optional.empty(), Optional.empty(), List.of(), Optional.empty());
    }
}
