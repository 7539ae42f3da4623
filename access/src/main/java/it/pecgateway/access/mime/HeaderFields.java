package it.pecgateway.access.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The header fields a part's IMAP rendering needs (content-*, and the envelope fields of a message), unfolded.
 * Values are ISO-8859-1 strings holding the raw bytes, so that 8-bit headers go back on the wire unchanged.
 */
public final class HeaderFields {
    private static final Set<String> KEPT = Set.of(
            "content-type", "content-transfer-encoding", "content-id", "content-description", "content-disposition",
            "content-language", "content-location", "content-md5",
            "date", "subject", "from", "sender", "reply-to", "to", "cc", "bcc", "in-reply-to", "message-id");
    private static final int MAX_KEPT_CHARS = 256 * 1024;

    private final List<String[]> fields = new ArrayList<>();
    private StringBuilder current;
    private String currentName;
    private int keptChars;

    /** Feeds one physical header line (without terminator). */
    void addLine(String line) {
        if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
            if (current != null && keptChars + line.length() < MAX_KEPT_CHARS) {
                current.append(line);
                keptChars += line.length();
            }
            return;
        }
        finish();
        int colon = line.indexOf(':');
        if (colon <= 0) {
            return;
        }
        String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        if (KEPT.contains(name) && keptChars + line.length() < MAX_KEPT_CHARS) {
            currentName = name;
            current = new StringBuilder(line.substring(colon + 1));
            keptChars += line.length();
        }
    }

    void finish() {
        if (current != null) {
            fields.add(new String[] {currentName, current.toString().trim()});
            current = null;
            currentName = null;
        }
    }

    /** The first field of that (lower-case) name. */
    public Optional<String> first(String name) {
        for (String[] f : fields) {
            if (f[0].equals(name)) {
                return Optional.of(f[1]);
            }
        }
        return Optional.empty();
    }

    /** Every field of that name joined with commas (address fields may be repeated in the wild). */
    public Optional<String> joined(String name) {
        String joined = null;
        for (String[] f : fields) {
            if (f[0].equals(name)) {
                joined = joined == null ? f[1] : joined + ", " + f[1];
            }
        }
        return Optional.ofNullable(joined);
    }
}
