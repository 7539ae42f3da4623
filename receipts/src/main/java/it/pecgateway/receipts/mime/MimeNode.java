package it.pecgateway.receipts.mime;

import java.util.List;

/**
 * One entity of a scanned message: its headers and where its bytes are in the source, never the bytes themselves.
 *
 * @param start     offset of the first header byte
 * @param bodyStart offset of the first body byte
 * @param bodyEnd   offset just past the body (the line end before the next delimiter is excluded)
 * @param complete  false for a multipart whose closing delimiter never came (truncated input)
 */
public record MimeNode(HeaderSection headers, ContentType type, long start, long bodyStart, long bodyEnd,
        List<MimeNode> children, boolean complete) {
    public MimeNode {
        children = List.copyOf(children);
    }

    /** The first descendant (depth first, this node included) with this file name in Content-Type or Content-Disposition. */
    public java.util.Optional<MimeNode> find(String fileName) {
        if (fileName().map(fileName::equalsIgnoreCase).orElse(false)) {
            return java.util.Optional.of(this);
        }
        for (MimeNode child : children) {
            java.util.Optional<MimeNode> found = child.find(fileName);
            if (found.isPresent()) {
                return found;
            }
        }
        return java.util.Optional.empty();
    }

    public java.util.Optional<String> fileName() {
        return headers.value("Content-Disposition").flatMap(d -> ContentType.parameter(d, "filename"))
                .or(() -> type.parameter("name"));
    }

    public String transferEncoding() {
        return headers.value("Content-Transfer-Encoding").orElse("7bit").trim().toLowerCase(java.util.Locale.ROOT);
    }
}
