package it.pecgateway.receipts;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The one time value of a transaction (digest 9.10), in Italian legal time, to the second. Every rendering of it
 * (Date header, daticert giorno/ora/zona, body text, CMS signingTime) comes from here, so they cannot disagree.
 */
public record CertifiedTime(ZonedDateTime value) {
    public static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final DateTimeFormatter GIORNO = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
    private static final DateTimeFormatter ORA = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter ZONA = DateTimeFormatter.ofPattern("xx", Locale.ROOT);
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);

    public CertifiedTime {
        value = value.withZoneSameInstant(ROME).truncatedTo(ChronoUnit.SECONDS);
    }

    public static CertifiedTime now(Clock clock) {
        return of(clock.instant());
    }

    public static CertifiedTime of(Instant instant) {
        return new CertifiedTime(instant.atZone(ROME));
    }

    public Instant instant() {
        return value.toInstant();
    }

    /** daticert {@code giorno}: dd/mm/yyyy. */
    public String giorno() {
        return GIORNO.format(value);
    }

    /** daticert {@code ora}: hh:mm:ss. */
    public String ora() {
        return ORA.format(value);
    }

    /** daticert {@code zona}: +0100 or +0200. */
    public String zona() {
        return ZONA.format(value);
    }

    /** RFC 5322 Date header value, e.g. {@code Tue, 14 Dec 2021 14:36:08 +0100}. */
    public String rfc5322() {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(value);
    }

    /** yyyyMMddHHmmss, as used inside identificativi. */
    public String compact() {
        return COMPACT.format(value);
    }
}
