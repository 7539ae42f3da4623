package it.pecgateway.access.imap;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** IMAP date and date-time syntax (RFC 3501 9), and the date part of RFC 5322 Date headers for SEARCH SENT*. */
final class ImapDates {
    private static final Map<Long, String> MONTHS = Map.ofEntries(
            Map.entry(1L, "Jan"), Map.entry(2L, "Feb"), Map.entry(3L, "Mar"), Map.entry(4L, "Apr"),
            Map.entry(5L, "May"), Map.entry(6L, "Jun"), Map.entry(7L, "Jul"), Map.entry(8L, "Aug"),
            Map.entry(9L, "Sep"), Map.entry(10L, "Oct"), Map.entry(11L, "Nov"), Map.entry(12L, "Dec"));
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .padNext(2).appendValue(ChronoField.DAY_OF_MONTH).appendLiteral('-')
            .appendText(ChronoField.MONTH_OF_YEAR, MONTHS).appendLiteral('-')
            .appendValue(ChronoField.YEAR, 4).appendLiteral(' ')
            .appendPattern("HH:mm:ss xx").toFormatter(Locale.ROOT);
    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, SignStyle.NOT_NEGATIVE).appendLiteral('-')
            .appendText(ChronoField.MONTH_OF_YEAR, MONTHS).appendLiteral('-')
            .appendValue(ChronoField.YEAR, 4).toFormatter(Locale.ROOT)
            // the default (SMART) resolver turns 31-Feb into 28-Feb: a search or an APPEND date silently moved
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DATE_TIME_TEXT = Pattern.compile(
            " ?(\\d{1,2})-([A-Za-z]{3})-(\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) ([+-]\\d{4})");
    private static final Pattern HEADER_DATE = Pattern.compile(
            "(\\d{1,2})\\s+([A-Za-z]{3})[a-z]*\\s+(\\d{2,4})");

    private ImapDates() {
    }

    /** {@code "17-Jul-1996 02:44:25 +0000"} in UTC, quotes included. */
    static String format(Instant instant) {
        return "\"" + DATE_TIME.format(instant.atZone(ZoneOffset.UTC)) + "\"";
    }

    static Instant parseDateTime(String text) {
        Matcher m = DATE_TIME_TEXT.matcher(text);
        if (!m.matches()) {
            throw new ImapSyntaxException("Invalid date-time");
        }
        try {
            LocalDate day = LocalDate.parse(m.group(1) + "-" + m.group(2) + "-" + m.group(3), DATE);
            ZoneOffset offset = ZoneOffset.of(m.group(7).substring(0, 3) + ":" + m.group(7).substring(3));
            return day.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)))
                    .toInstant(offset);
        } catch (java.time.DateTimeException e) {
            throw new ImapSyntaxException("Invalid date-time");
        }
    }

    static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            throw new ImapSyntaxException("Invalid date");
        }
    }

    /** The date as written in a Date header, disregarding time and zone (RFC 3501 SENTBEFORE). */
    static Optional<LocalDate> headerDate(String value) {
        Matcher m = HEADER_DATE.matcher(value);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            int year = Integer.parseInt(m.group(3));
            year = year < 50 ? 2000 + year : year < 1000 ? 1900 + year : year;
            LocalDate month = LocalDate.parse("1-" + m.group(2) + "-2000", DATE);
            return Optional.of(LocalDate.of(year, month.getMonth(), Integer.parseInt(m.group(1))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static LocalDate dateOf(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
