package it.pecgateway.receipts;

import it.pecgateway.receipts.daticert.DaticertTipo;
import java.util.Optional;

/**
 * The catalogue of system messages (digest 4.1): the identifying header, the exact subject prefix and the daticert
 * type of each. The one place where these protocol constants live.
 */
public enum MessageKind {
    TRANSPORT_ENVELOPE("X-Trasporto", "posta-certificata", "POSTA CERTIFICATA: ", DaticertTipo.POSTA_CERTIFICATA, false),
    ACCEPTANCE("X-Ricevuta", "accettazione", "ACCETTAZIONE: ", DaticertTipo.ACCETTAZIONE, false),
    NON_ACCEPTANCE("X-Ricevuta", "non-accettazione", "AVVISO DI NON ACCETTAZIONE: ", DaticertTipo.NON_ACCETTAZIONE,
            false),
    NON_ACCEPTANCE_VIRUS("X-Ricevuta", "non-accettazione", "AVVISO DI NON ACCETTAZIONE PER VIRUS: ",
            DaticertTipo.NON_ACCETTAZIONE, true),
    TAKE_IN_CHARGE("X-Ricevuta", "presa-in-carico", "PRESA IN CARICO: ", DaticertTipo.PRESA_IN_CARICO, false),
    DELIVERY("X-Ricevuta", "avvenuta-consegna", "CONSEGNA: ", DaticertTipo.AVVENUTA_CONSEGNA, false),
    NON_DELIVERY("X-Ricevuta", "errore-consegna", "AVVISO DI MANCATA CONSEGNA: ", DaticertTipo.ERRORE_CONSEGNA,
            false),
    /** The 12-hour and the 24-hour notices share header and subject (digest 5.8); daticert errore-esteso tells them apart. */
    TIMEOUT("X-Ricevuta", "preavviso-errore-consegna", "AVVISO DI MANCATA CONSEGNA PER SUP. TEMPO MASSIMO: ",
            DaticertTipo.PREAVVISO_ERRORE_CONSEGNA, false),
    VIRUS_DETECTION("X-Ricevuta", "rilevazione-virus", "PROBLEMA DI SICUREZZA: ", DaticertTipo.RILEVAZIONE_VIRUS,
            false),
    NON_DELIVERY_VIRUS("X-Ricevuta", "errore-consegna", "AVVISO DI MANCATA CONSEGNA PER VIRUS: ",
            DaticertTipo.ERRORE_CONSEGNA, true),
    /** Digest 13 #5: the RFC's "X-Trasplorto" is a typo. */
    ANOMALY_ENVELOPE("X-Trasporto", "errore", "ANOMALIA MESSAGGIO: ", null, false);

    private final String header;
    private final String headerValue;
    private final String subjectPrefix;
    private final DaticertTipo tipo;
    private final boolean securityError;

    MessageKind(String header, String headerValue, String subjectPrefix, DaticertTipo tipo, boolean securityError) {
        this.header = header;
        this.headerValue = headerValue;
        this.subjectPrefix = subjectPrefix;
        this.tipo = tipo;
        this.securityError = securityError;
    }

    /** {@code X-Ricevuta} or {@code X-Trasporto}. */
    public String header() {
        return header;
    }

    public String headerValue() {
        return headerValue;
    }

    public String subjectPrefix() {
        return subjectPrefix;
    }

    /** The daticert type; empty for the anomaly envelope, which carries no daticert. */
    public Optional<DaticertTipo> tipo() {
        return Optional.ofNullable(tipo);
    }

    /** Whether the message carries {@code X-VerificaSicurezza: errore}. */
    public boolean securityError() {
        return securityError;
    }

    public boolean isEnvelope() {
        return header.equals("X-Trasporto");
    }
}
