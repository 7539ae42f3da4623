package it.pecgateway.access.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A parsed {@code Content-Type} or {@code Content-Disposition}: a value ({@code type/subtype} or a disposition)
 * with its parameters in header order. Parameter names and values are kept as written (RFC 2231 names included).
 */
public record ContentType(String type, String subtype, List<Param> params) {

    public record Param(String name, String value) { }

    public static final ContentType TEXT_PLAIN = new ContentType("text", "plain", List.of(new Param("charset", "us-ascii")));
    public static final ContentType MESSAGE_RFC822 = new ContentType("message", "rfc822", List.of());

    public ContentType {
        params = List.copyOf(params);
    }

    public boolean is(String t, String s) {
        return type.equalsIgnoreCase(t) && subtype.equalsIgnoreCase(s);
    }

    public boolean isMultipart() {
        return type.equalsIgnoreCase("multipart");
    }

    public boolean isText() {
        return type.equalsIgnoreCase("text");
    }

    public Optional<String> param(String name) {
        return params.stream().filter(p -> p.name().equalsIgnoreCase(name)).map(Param::value).findFirst();
    }

    /** Parses a Content-Type value; an unusable one yields {@code fallback} (RFC 2045 section 5.2). */
    public static ContentType parse(String value, ContentType fallback) {
        HeaderTokens t = new HeaderTokens(value);
        String type = t.token();
        if (type.isEmpty() || !t.skip('/')) {
            return fallback;
        }
        String subtype = t.token();
        if (subtype.isEmpty()) {
            return fallback;
        }
        return new ContentType(type, subtype, parameters(t));
    }

    /** Parses a Content-Disposition value: the disposition goes in {@code type}, {@code subtype} is empty. */
    public static Optional<ContentType> parseDisposition(String value) {
        HeaderTokens t = new HeaderTokens(value);
        String disposition = t.token();
        if (disposition.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ContentType(disposition, "", parameters(t)));
    }

    private static List<Param> parameters(HeaderTokens t) {
        List<Param> params = new ArrayList<>();
        while (t.skip(';')) {
            String name = t.token();
            if (name.isEmpty() || !t.skip('=')) {
                if (t.atEnd()) {
                    break;
                }
                continue;
            }
            String value = t.peekQuote() ? t.quoted() : t.token();
            params.add(new Param(name.toLowerCase(Locale.ROOT), value));
        }
        return params;
    }
}
