package it.pecgateway.receipts.mime;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One header field exactly as received: its name and its raw bytes (continuation lines and line end included).
 */
public record HeaderField(String name, byte[] raw) {
    public boolean is(String other) {
        return name.equalsIgnoreCase(other);
    }

    /** The unfolded value after the colon, trimmed; bytes outside ASCII read as ISO-8859-1. */
    public String value() {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int colon = text.indexOf(':');
        return text.substring(colon + 1).replaceAll("\r?\n[ \t]", " ").replaceAll("[\r\n]", "").trim();
    }

    public String lowerName() {
        return name.toLowerCase(Locale.ROOT);
    }
}
