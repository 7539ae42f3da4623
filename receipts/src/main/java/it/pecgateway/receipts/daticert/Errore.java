package it.pecgateway.receipts.daticert;

import java.util.Optional;

/** {@code /postacert/@errore} (DTD; digest 11.1). */
public enum Errore {
    NESSUNO("nessuno"), NO_DEST("no-dest"), NO_DOMINIO("no-dominio"), VIRUS("virus"), ALTRO("altro");

    private final String value;

    Errore(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<Errore> fromValue(String value) {
        for (Errore e : values()) {
            if (e.value.equals(value)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
