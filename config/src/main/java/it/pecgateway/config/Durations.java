package it.pecgateway.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as written in the YAML: {@code 250ms}, {@code 45s}, {@code 30m}, {@code 12h}, {@code 7d}, or ISO-8601
 * ({@code PT12H}). A bare number is refused: nobody can tell whether it meant seconds or minutes.
 */
public final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    /** @throws IllegalArgumentException when the text is not a duration */
    public static Duration parse(String text) {
        String t = text.trim();
        Matcher m = SHORT.matcher(t);
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            if (t.startsWith("P") || t.startsWith("p")) {
                return Duration.parse(t);
            }
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            // fall through to the one message below
        }
        throw new IllegalArgumentException("'" + text + "' is not a duration (for example 250ms, 45s, 30m, 12h, 7d or PT12H)");
    }
}
