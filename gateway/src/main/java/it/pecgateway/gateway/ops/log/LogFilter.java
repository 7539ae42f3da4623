package it.pecgateway.gateway.ops.log;

import it.pecgateway.mailstore.LegalLog.LogQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What an operator asks of the legal log: an identificativo, an address (sender or recipient), a time range.
 * Times are ISO-8601 instants ({@code 2026-11-25T10:00:00Z}), with an offset ({@code ...T11:00:00+01:00}), or
 * dates, which mean whole days in Italian time: {@code from} a date is that day's start, {@code to} a date is the
 * day's end (the range includes it).
 */
public record LogFilter(Optional<String> identificativo, Optional<String> address, Optional<Instant> from,
                        Optional<Instant> to, int limit) {
    static final ZoneId ITALY = ZoneId.of("Europe/Rome");
    /** An extract without a limit stops here; an operator narrows the range to see more. */
    public static final int MAX_RECORDS = 100_000;

    /** @throws IllegalArgumentException naming the parameter that is wrong */
    public static LogFilter parse(Optional<String> identificativo, Optional<String> address, Optional<String> from,
                                  Optional<String> to, Optional<String> limit) {
        Optional<Instant> start = from.filter(s -> !s.isBlank()).map(s -> time("from", s, false));
        Optional<Instant> end = to.filter(s -> !s.isBlank()).map(s -> time("to", s, true));
        if (start.isPresent() && end.isPresent() && !start.get().isBefore(end.get())) {
            throw new IllegalArgumentException("from must be before to");
        }
        int max = limit.filter(s -> !s.isBlank()).map(LogFilter::limit).orElse(MAX_RECORDS);
        return new LogFilter(identificativo.map(String::trim).filter(s -> !s.isEmpty()),
                address.map(String::trim).filter(s -> !s.isEmpty()), start, end, max);
    }

    public LogQuery query() {
        return new LogQuery(identificativo, address, from, to, limit);
    }

    private static Instant time(String name, String text, boolean endOfDay) {
        String s = text.trim();
        try {
            if (s.length() == 10) {
                LocalDate day = LocalDate.parse(s);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ITALY).toInstant();
            }
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": '" + s + "' is not a date (2026-11-25) or a time"
                    + " (2026-11-25T10:00:00Z, 2026-11-25T11:00:00+01:00)");
        }
    }

    private static int limit(String text) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1 && n <= MAX_RECORDS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the one message below
        }
        throw new IllegalArgumentException("limit: '" + text + "' is not a whole number from 1 to " + MAX_RECORDS);
    }
}
