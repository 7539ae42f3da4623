package it.pecgateway.gateway.pec;

/**
 * Why a submission failed the formal checks of the access point (digest 9.1), in the digest's order. The reason is
 * the short Italian text of the non-acceptance notice ("a causa di ...") and of its daticert errore-esteso.
 */
public enum FormalCheckFailure {
    FROM("intestazione From assente o non conforme (un solo indirizzo RFC 5322)"),
    TO("intestazione To assente o non conforme"),
    CC("intestazione Cc non conforme"),
    SENDER_MISMATCH("il mittente (MAIL FROM) non coincide con l'intestazione From"),
    RECIPIENTS_MISMATCH("i destinatari (RCPT TO) non coincidono con gli indirizzi in To e Cc"),
    BCC("l'intestazione Bcc contiene indirizzi"),
    SIZE_TIMES_RECIPIENTS("dimensione del messaggio per numero di destinatari oltre il limite consentito");

    private final String reason;

    FormalCheckFailure(String reason) {
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
