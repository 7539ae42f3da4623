package it.pecgateway.access.imap;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** IMAP flags: the five settable system flags in their canonical spelling, and keywords (atoms) as given. */
final class Flags {
    static final String SEEN = "\\Seen";
    static final String DELETED = "\\Deleted";
    static final List<String> SYSTEM = List.of("\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft");
    static final String FLAGS_RESPONSE = "FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)";
    static final String PERMANENT_FLAGS = "PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)";

    private Flags() {
    }

    /** A flag list in parentheses, or (STORE) flags separated by spaces. {@code \Recent} is ignored. */
    static Set<String> read(ImapReader r) {
        Set<String> flags = new LinkedHashSet<>();
        boolean parenthesised = r.tryConsume('(');
        while (!r.atEnd() && r.peek() != ')') {
            String flag = r.atom();
            canonical(flag).ifPresent(flags::add);
            if (!r.tryConsume(' ')) {
                break;
            }
        }
        if (parenthesised) {
            r.expect(')');
        }
        return flags;
    }

    private static java.util.Optional<String> canonical(String flag) {
        if (!flag.startsWith("\\")) {
            if (flag.chars().anyMatch(c -> c <= ' ' || c >= 0x7f || "(){%*\"\\]".indexOf(c) >= 0)) {
                throw new ImapSyntaxException("Invalid keyword");
            }
            return java.util.Optional.of(flag);
        }
        if (flag.equalsIgnoreCase("\\Recent")) {
            return java.util.Optional.empty();
        }
        for (String s : SYSTEM) {
            if (s.equalsIgnoreCase(flag)) {
                return java.util.Optional.of(s);
            }
        }
        throw new ImapSyntaxException("Invalid system flag");
    }

    /** {@code (\Seen kw)}, with {@code \Recent} when the session sees the message as recent. */
    static String list(Set<String> flags, boolean recent) {
        StringBuilder out = new StringBuilder("(");
        for (String f : SYSTEM) {
            if (flags.contains(f)) {
                out.append(out.length() > 1 ? " " : "").append(f);
            }
        }
        flags.stream().filter(f -> !f.startsWith("\\")).sorted().forEach(f -> out.append(out.length() > 1 ? " " : "").append(f));
        if (recent) {
            out.append(out.length() > 1 ? " " : "").append("\\Recent");
        }
        return out.append(')').toString();
    }

    static boolean has(Set<String> flags, String flag) {
        return flags.contains(flag) || flags.stream().anyMatch(f -> f.toLowerCase(Locale.ROOT).equals(flag.toLowerCase(Locale.ROOT)));
    }
}
