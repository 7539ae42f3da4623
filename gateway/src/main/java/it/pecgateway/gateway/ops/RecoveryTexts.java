package it.pecgateway.gateway.ops;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The words of recovery e-mails and text messages (Italian, like every notice of the gateway). */
final class RecoveryTexts {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.ROOT)
            .withZone(ZoneId.of("Europe/Rome"));

    private RecoveryTexts() {
    }

    static String linkSubject(boolean activation) {
        return activation ? "Attivazione della casella PEC" : "Reimpostazione della password della casella PEC";
    }

    static String linkBody(String mailbox, String link, boolean activation, Instant until) {
        return (activation
                ? "La casella PEC " + mailbox + " e' stata creata per lei.\nPer attivarla e scegliere la password apra:\n\n"
                : "E' stata chiesta la reimpostazione della password della casella PEC " + mailbox + ".\nPer sceglierne una nuova apra:\n\n")
                + link + "\n\nIl collegamento vale una sola volta, fino al " + WHEN.format(until) + ".\n"
                + "Se non ha chiesto nulla, ignori questo messaggio: la password resta quella di prima.\n";
    }

    static String codeSubject() {
        return "Codice di conferma del nuovo indirizzo di recupero";
    }

    static String codeBody(String mailbox, String code, Instant until) {
        return "Per confermare questo indirizzo come recapito di recupero della casella PEC " + mailbox
                + " inserisca il codice\n\n    " + code + "\n\nnel pannello della casella entro il " + WHEN.format(until) + ".\n";
    }

    static String codeSms(String code) {
        return "PEC: codice di conferma del nuovo numero di recupero: " + code;
    }
}
