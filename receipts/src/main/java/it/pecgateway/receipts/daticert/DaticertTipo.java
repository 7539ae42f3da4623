package it.pecgateway.receipts.daticert;

import java.util.Optional;

/** {@code /postacert/@tipo} (DTD). */
public enum DaticertTipo {
    ACCETTAZIONE("accettazione"),
    NON_ACCETTAZIONE("non-accettazione"),
    PRESA_IN_CARICO("presa-in-carico"),
    AVVENUTA_CONSEGNA("avvenuta-consegna"),
    POSTA_CERTIFICATA("posta-certificata"),
    ERRORE_CONSEGNA("errore-consegna"),
    PREAVVISO_ERRORE_CONSEGNA("preavviso-errore-consegna"),
    RILEVAZIONE_VIRUS("rilevazione-virus");

    private final String value;

    DaticertTipo(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<DaticertTipo> fromValue(String value) {
        for (DaticertTipo t : values()) {
            if (t.value.equals(value)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
