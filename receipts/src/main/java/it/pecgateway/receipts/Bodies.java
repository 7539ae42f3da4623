package it.pecgateway.receipts;

import it.pecgateway.receipts.mime.HeaderText;
import java.util.ArrayList;
import java.util.List;

/**
 * The Italian texts of every system message. Envelope, acceptance, delivery and non-delivery follow wording seen in
 * real messages; the others are the digest's reconstructions of the Allegato (digest 13 #1, marked [U] there). Only
 * headers and daticert.xml are machine-read, so a wording change never breaks interoperability.
 */
final class Bodies {
    private Bodies() {
    }

    static Body envelope(Transaction t) {
        List<String> l = new ArrayList<>();
        l.add(when(t) + " il messaggio");
        l.add(quote(subject(t)) + " è stato inviato da " + quote(t.sender()));
        l.add("indirizzato a:");
        t.recipients().forEach(r -> l.add(r.address()));
        l.add("Il messaggio originale è incluso in allegato.");
        l.add(id(t));
        return new Body("Messaggio di posta certificata", l);
    }

    static Body acceptance(Transaction t) {
        List<String> l = fromTo(t, " il messaggio", true);
        l.add("è stato accettato dal sistema ed inoltrato.");
        l.add(id(t));
        return new Body("Ricevuta di accettazione", l);
    }

    static Body nonAcceptance(Transaction t, String reason) {
        List<String> l = fromTo(t, " nel messaggio", false);
        l.add("è stato rilevato un problema che ne impedisce l'accettazione");
        l.add("a causa di " + reason + ".");
        l.add("Il messaggio non è stato accettato.");
        l.add(id(t));
        return new Body("Errore nell'accettazione del messaggio", l);
    }

    static Body nonAcceptanceVirus(Transaction t, String finding) {
        List<String> l = fromTo(t, " nel messaggio", false);
        l.add("è stato rilevato un problema di sicurezza [" + finding + "].");
        l.add("Il messaggio non è stato accettato.");
        l.add(id(t));
        return new Body("Errore nell'accettazione del messaggio per presenza di virus", l);
    }

    static Body takeInCharge(Transaction t, List<String> covered) {
        List<String> l = new ArrayList<>();
        l.add(when(t) + " il messaggio");
        l.add(quote(subject(t)) + " proveniente da " + quote(t.sender()));
        l.add("ed indirizzato a:");
        l.addAll(covered);
        l.add("è stato accettato dal sistema.");
        l.add(id(t));
        return new Body("Ricevuta di presa in carico", l);
    }

    static Body delivery(Transaction t, String recipient, ReceiptType form) {
        List<String> l = toOne(t, " il messaggio", recipient);
        l.add("è stato consegnato nella casella di destinazione.");
        l.add(id(t));
        if (form == ReceiptType.COMPLETA) {
            l.add("Il messaggio originale è incluso in allegato.");
        } else if (form == ReceiptType.BREVE) {
            l.add("Il messaggio originale è incluso in allegato con gli allegati sostituiti dalle loro impronte SHA-1.");
        }
        String title = switch (form) {
            case COMPLETA -> "Ricevuta di avvenuta consegna";
            case BREVE -> "Ricevuta breve di avvenuta consegna";
            case SINTETICA -> "Ricevuta sintetica di avvenuta consegna";
        };
        return new Body(title, l);
    }

    static Body nonDelivery(Transaction t, String recipient, String erroreEsteso) {
        List<String> l = toOne(t, " nel messaggio", recipient);
        l.add("è stato rilevato un errore: " + erroreEsteso);
        l.add("Il messaggio è stato rifiutato dal sistema.");
        l.add(id(t));
        return new Body("Avviso di mancata consegna", l);
    }

    static Body timeout(Transaction t, String recipient, boolean finalNotice) {
        List<String> l = toOne(t, " il messaggio", recipient);
        if (finalNotice) {
            l.add("non è stato consegnato entro 24 ore dalla sua spedizione.");
            l.add("La trasmissione è da considerarsi conclusa con esito negativo.");
        } else {
            l.add("non è stato consegnato nelle prime 12 ore dalla sua spedizione.");
            l.add("La consegna potrebbe ancora avvenire; se entro le prossime 12 ore non arriverà conferma,");
            l.add("seguirà un ulteriore avviso.");
        }
        l.add(id(t));
        return new Body(finalNotice ? "Avviso di mancata consegna per superamento dei tempi massimi"
                : "Preavviso di mancata consegna", l);
    }

    static Body virusDetection(Transaction t, String recipient, String finding) {
        List<String> l = toOne(t, " nel messaggio", recipient);
        l.add("è stato rilevato un problema di sicurezza [" + finding + "].");
        l.add("Il messaggio non può essere consegnato perché contiene un virus informatico.");
        l.add(id(t));
        return new Body("Avviso di rilevazione virus", l);
    }

    static Body nonDeliveryVirus(Transaction t, String recipient, String finding) {
        List<String> l = toOne(t, " nel messaggio", recipient);
        l.add("è stato rilevato un problema di sicurezza [" + finding + "].");
        l.add("Il messaggio non è stato consegnato.");
        l.add(id(t));
        return new Body("Avviso di mancata consegna per virus", l);
    }

    static Body anomaly(AnomalyData a) {
        List<String> l = new ArrayList<>();
        l.add("Il giorno " + a.time().giorno() + " alle ore " + a.time().ora() + " (" + a.time().zona()
                + ") è stato ricevuto");
        l.add("il messaggio " + quote(a.subject().orElse("")) + " proveniente da " + quote(a.sender()));
        l.add("ed indirizzato a:");
        l.addAll(a.recipients());
        l.add("Tali dati non sono stati certificati per il seguente errore:");
        l.add(a.reason());
        l.add("Il messaggio originale è incluso in allegato.");
        return new Body("Anomalia nel messaggio", l);
    }

    private static List<String> fromTo(Transaction t, String opening, boolean withType) {
        List<String> l = new ArrayList<>();
        l.add(when(t) + opening);
        l.add(quote(subject(t)) + " proveniente da " + quote(t.sender()));
        l.add("ed indirizzato a:");
        t.recipients().forEach(r -> l.add(withType
                ? r.address() + " (\"" + (r.certified() ? "posta certificata" : "posta ordinaria") + "\")"
                : r.address()));
        return l;
    }

    private static List<String> toOne(Transaction t, String opening, String recipient) {
        List<String> l = new ArrayList<>();
        l.add(when(t) + opening);
        l.add(quote(subject(t)) + " proveniente da " + quote(t.sender()));
        l.add("ed indirizzato a " + quote(recipient));
        return l;
    }

    private static String when(Transaction t) {
        return "Il giorno " + t.time().giorno() + " alle ore " + t.time().ora() + " (" + t.time().zona() + ")";
    }

    private static String subject(Transaction t) {
        return t.subject().orElse("");
    }

    /** One line between quotes: a subject may carry encoded CR/LF, which would break the sentence it is quoted in. */
    private static String quote(String s) {
        return '"' + HeaderText.clean(s) + '"';
    }

    private static String id(Transaction t) {
        return "Identificativo messaggio: " + t.identificativo();
    }
}
