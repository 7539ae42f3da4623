package it.pecgateway.gateway.ops.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A path with named segments, {@code /api/v1/mailboxes/{address}/suspend}; a segment is percent-decoded. */
record PathPattern(String text, String[] segments) {

    static PathPattern of(String text) {
        return new PathPattern(text, text.substring(1).split("/", -1));
    }

    /** The named segments when the raw path matches. */
    Optional<Map<String, String>> match(String rawPath) {
        String[] parts = rawPath.substring(1).split("/", -1);
        if (parts.length != segments.length) {
            return Optional.empty();
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String s = segments[i];
            if (s.startsWith("{") && s.endsWith("}")) {
                String value = decode(parts[i]);
                if (value == null || value.isEmpty()) {
                    return Optional.empty();
                }
                names.put(s.substring(1, s.length() - 1), value);
            } else if (!s.equals(parts[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(names);
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
