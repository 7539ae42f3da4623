package it.pecgateway.receipts.daticert;

import it.pecgateway.receipts.ReceiptType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The certification data of a PEC message (digest 6.2), every element and attribute of the DTD.
 *
 * @param risposte     may be empty: Aruba 2026 writes an empty element (digest 6.2)
 * @param giorno       dd/mm/yyyy as written
 * @param ora          hh:mm:ss as written
 * @param zona         +hhmm as written
 * @param msgid        the original Message-ID with angle brackets
 */
public record Daticert(
        DaticertTipo tipo,
        Errore errore,
        String mittente,
        List<Destinatario> destinatari,
        String risposte,
        Optional<String> oggetto,
        String gestoreEmittente,
        String giorno,
        String ora,
        String zona,
        String identificativo,
        Optional<String> msgid,
        Optional<ReceiptType> ricevuta,
        Optional<String> consegna,
        List<String> ricezione,
        Optional<String> erroreEsteso) {

    public Daticert {
        Objects.requireNonNull(tipo, "tipo");
        Objects.requireNonNull(errore, "errore");
        Objects.requireNonNull(mittente, "mittente");
        destinatari = List.copyOf(destinatari);
        Objects.requireNonNull(risposte, "risposte");
        Objects.requireNonNull(oggetto, "oggetto");
        Objects.requireNonNull(gestoreEmittente, "gestoreEmittente");
        Objects.requireNonNull(giorno, "giorno");
        Objects.requireNonNull(ora, "ora");
        Objects.requireNonNull(zona, "zona");
        Objects.requireNonNull(identificativo, "identificativo");
        Objects.requireNonNull(msgid, "msgid");
        Objects.requireNonNull(ricevuta, "ricevuta");
        Objects.requireNonNull(consegna, "consegna");
        ricezione = List.copyOf(ricezione);
        Objects.requireNonNull(erroreEsteso, "erroreEsteso");
    }

    /** The 24-hour timeout notice is told from the 12-hour one by an errore-esteso starting with 5.4.1 (digest 11.3). */
    public boolean isFinalTimeout() {
        return tipo == DaticertTipo.PREAVVISO_ERRORE_CONSEGNA && erroreEsteso.map(e -> e.startsWith("5.4.1")).orElse(false);
    }
}
