package it.pecgateway.access.mime;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One entity of a stored message with its exact byte offsets, so that any IMAP section is a byte range of the
 * stored body. A message/rfc822 part carries its encapsulated message; a multipart carries its parts.
 *
 * @param headerStart offset of the first header byte
 * @param bodyStart   offset of the first body byte (after the blank line)
 * @param bodyEnd     offset after the last body byte (the CRLF before a boundary belongs to the boundary)
 * @param bodyLines   lines of the body, as BODYSTRUCTURE reports them
 */
public record MimePart(long headerStart, long bodyStart, long bodyEnd, long bodyLines, HeaderFields fields,
                       ContentType contentType, List<MimePart> children, Optional<MimePart> message) {

    public MimePart {
        children = List.copyOf(children);
    }

    public long bodySize() {
        return bodyEnd - bodyStart;
    }

    public Optional<String> field(String name) {
        return fields.first(name);
    }

    public String transferEncoding() {
        return field("content-transfer-encoding").map(v -> v.trim().toLowerCase(Locale.ROOT)).orElse("7bit");
    }

    /**
     * The entity a section part number names (RFC 3501 6.4.5), or empty. Numbers below a message (the root or a
     * message/rfc822 part) count the parts of that message's body; a message whose body is not multipart has only
     * part 1, its body.
     */
    public Optional<MimePart> resolve(int[] path) {
        MimePart current = null;
        for (int n : path) {
            MimePart message = current == null ? this : current.message().orElse(null);
            MimePart container = message != null ? message : current;
            if (container.contentType().isMultipart()) {
                if (n < 1 || n > container.children().size()) {
                    return Optional.empty();
                }
                current = container.children().get(n - 1);
            } else if (message != null && n == 1) {
                current = message;
            } else {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(current == null ? this : current);
    }
}
