package it.pecgateway.receipts;

import java.util.Locale;
import java.util.Optional;

/** The delivery receipt form a sender asks for ({@code X-TipoRicevuta}, daticert {@code ricevuta tipo}). */
public enum ReceiptType {
    COMPLETA, BREVE, SINTETICA;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReceiptType> fromValue(String value) {
        for (ReceiptType t : values()) {
            if (t.value().equalsIgnoreCase(value.trim())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
