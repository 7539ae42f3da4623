package it.pecgateway.receipts.read;

import it.pecgateway.receipts.daticert.Daticert;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** The certified time written in a daticert (giorno, ora, zona), as an instant. */
public final class CertifiedTimes {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private CertifiedTimes() {
    }

    /** Empty when the fields are not in the DTD's formats; zona is accepted as +hhmm or +hh:mm (digest 9.10). */
    public static Optional<Instant> of(Daticert d) {
        try {
            LocalDateTime local = LocalDateTime.parse(d.giorno() + " " + d.ora(), LOCAL);
            String zona = d.zona().replace(":", "");
            if (!zona.matches("[+-]\\d{4}")) {
                return Optional.empty();
            }
            ZoneOffset offset = ZoneOffset.ofHoursMinutes(Integer.parseInt(zona.substring(0, 3)),
                    Integer.parseInt(zona.charAt(0) + zona.substring(3)));
            return Optional.of(local.toInstant(offset));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
