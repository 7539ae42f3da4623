package it.pecgateway.receipts.mime;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parts of a Content-Type (or Content-Disposition) value this module needs: type and parameters. */
public record ContentType(String mimeType, String raw) {
    public static final ContentType TEXT_PLAIN = new ContentType("text/plain", "text/plain");

    public static ContentType parse(String value) {
        String type = value.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return new ContentType(type.isEmpty() ? "text/plain" : type, value);
    }

    public boolean isMultipart() {
        return mimeType.startsWith("multipart/");
    }

    public Optional<String> parameter(String name) {
        return parameter(raw, name);
    }

    /** A parameter of a header value, quoted or not; case-insensitive name. */
    public static Optional<String> parameter(String headerValue, String name) {
        Matcher m = Pattern.compile("(?i)(?:^|;)\\s*" + Pattern.quote(name) + "\\s*=\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[^;\\s]+)")
                .matcher(headerValue);
        if (!m.find()) {
            return Optional.empty();
        }
        String v = m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(1);
        return Optional.of(v);
    }
}
