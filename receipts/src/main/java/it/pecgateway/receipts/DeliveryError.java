package it.pecgateway.receipts;

import it.pecgateway.receipts.daticert.Errore;

/**
 * Why a delivery failed, coded as real providers do (digest 11): daticert {@code errore}, an RFC 3463 enhanced
 * status code and a short Italian description, rendered {@code <code> - <provider> - <description>}. The groups of
 * AgID NOTA 12 we know of map to the constants below; the mapping of groups 2 and 3 is the digest's guess [U].
 */
public record DeliveryError(Errore errore, String code, String description) {
    /** NOTA 12 group 1: utente inesistente, casella inesistente, casella non valida, utente revocato. */
    public static final DeliveryError NO_SUCH_MAILBOX = new DeliveryError(Errore.NO_DEST, "5.1.1", "indirizzo non valido");
    public static final DeliveryError NO_SUCH_DOMAIN = new DeliveryError(Errore.NO_DOMINIO, "5.1.2", "dominio non valido");
    /** NOTA 12 group 2: casella temporaneamente disattivata, non in grado di accettare messaggi. */
    public static final DeliveryError MAILBOX_DISABLED = new DeliveryError(Errore.ALTRO, "5.2.1", "casella disattivata");
    public static final DeliveryError MAILBOX_FULL = new DeliveryError(Errore.ALTRO, "5.2.2", "casella piena");
    public static final DeliveryError MESSAGE_TOO_BIG = new DeliveryError(Errore.ALTRO, "5.3.4", "messaggio troppo grande");

    public DeliveryError {
        if (!code.matches("[245]\\.\\d{1,3}\\.\\d{1,3}")) {
            throw new IllegalArgumentException("not an enhanced status code: " + code);
        }
        if (errore == Errore.NESSUNO || errore == Errore.VIRUS) {
            throw new IllegalArgumentException("a delivery error needs errore no-dest, no-dominio or altro");
        }
    }

    /** daticert {@code errore-esteso} and the text of the notice, e.g. {@code 5.1.1 - Example PEC - indirizzo non valido}. */
    public String erroreEsteso(String providerName) {
        return code + " - " + providerName + " - " + description;
    }
}
