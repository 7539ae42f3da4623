package it.pecgateway.mailstore.jdbc;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * Flags as stored: one space-separated, sorted string. System flags get their canonical spelling (IMAP matches
 * them case-insensitively); {@code \Recent} is a session property and is never stored.
 */
final class Flags {
    static final String SEEN = "\\Seen";
    static final String DELETED = "\\Deleted";
    private static final String[] SYSTEM = {"\\Answered", "\\Flagged", DELETED, SEEN, "\\Draft"};

    private Flags() {
    }

    static Set<String> normalize(Set<String> flags) {
        Set<String> out = new TreeSet<>();
        for (String f : flags) {
            if (f == null || f.isEmpty() || f.chars().anyMatch(c -> c <= ' ' || c == 0x7f || c == '(' || c == ')')) {
                throw Errors.invalid("not a valid flag");
            }
            if (f.equalsIgnoreCase("\\Recent")) {
                continue;
            }
            out.add(canonical(f));
        }
        return out;
    }

    private static String canonical(String flag) {
        for (String s : SYSTEM) {
            if (s.equalsIgnoreCase(flag)) {
                return s;
            }
        }
        return flag;
    }

    static String join(Set<String> normalized) {
        return String.join(" ", normalized);
    }

    static Set<String> parse(String stored) {
        return stored.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(stored.split(" ")));
    }
}
