package it.pecgateway.access.mime;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Parses the MIME tree of a message in one streaming pass, keeping only offsets and the few header fields IMAP
 * renders: a 30 MB message costs a 64 KiB buffer and a few objects. Malformed input never fails; it yields the
 * structure a tolerant reader would see (missing boundaries end at the end of the message).
 */
public final class MimeParser {
    private static final int MAX_DEPTH = 40;
    private static final int KEEP_PER_LINE = 16 * 1024;

    private final LineScanner lines;
    private final Deque<String> boundaries = new ArrayDeque<>();
    private boolean hasLine;
    private long lineIndex;
    private int previousTerminator;

    private MimeParser(InputStream in) {
        this.lines = new LineScanner(in, KEEP_PER_LINE);
    }

    public static MimePart parse(InputStream in) throws IOException {
        MimeParser parser = new MimeParser(in);
        parser.advance();
        return parser.part(ContentType.TEXT_PLAIN, 0);
    }

    private void advance() throws IOException {
        if (hasLine) {
            previousTerminator = lines.terminatorLength();
            lineIndex++;
        }
        hasLine = lines.next();
    }

    private long here() {
        return hasLine ? lines.lineStart() : lines.lineEnd();
    }

    private boolean atBoundary() {
        if (!hasLine || boundaries.isEmpty() || !lines.startsWithDashes()) {
            return false;
        }
        for (String b : boundaries) {
            if (lines.boundary(b) != LineScanner.BoundaryMatch.NONE) {
                return true;
            }
        }
        return false;
    }

    private MimePart part(ContentType defaultType, int depth) throws IOException {
        long headerStart = here();
        HeaderFields fields = new HeaderFields();
        long bodyStart = -1;
        while (hasLine && !atBoundary()) {
            if (lines.isBlank()) {
                bodyStart = lines.lineEnd();
                advance();
                break;
            }
            fields.addLine(lines.text());
            advance();
        }
        fields.finish();
        if (bodyStart < 0) {
            bodyStart = here();
        }
        long firstBodyLine = lineIndex;
        ContentType type = fields.first("content-type").map(v -> ContentType.parse(v, defaultType)).orElse(defaultType);
        List<MimePart> children = new ArrayList<>();
        Optional<MimePart> message = Optional.empty();
        Optional<String> boundary = type.param("boundary").filter(b -> !b.isEmpty());
        if (type.isMultipart() && boundary.isPresent() && depth < MAX_DEPTH) {
            multipart(boundary.get(), type.is("multipart", "digest") ? ContentType.MESSAGE_RFC822
                    : ContentType.TEXT_PLAIN, depth, children);
        } else if (type.is("message", "rfc822") && depth < MAX_DEPTH) {
            message = Optional.of(part(ContentType.TEXT_PLAIN, depth + 1));
        } else {
            while (hasLine && !atBoundary()) {
                advance();
            }
        }
        long bodyEnd = hasLine ? Math.max(bodyStart, lines.lineStart() - previousTerminator) : here();
        return new MimePart(headerStart, bodyStart, bodyEnd, lineIndex - firstBodyLine, fields, type, children, message);
    }

    private void multipart(String boundary, ContentType childDefault, int depth, List<MimePart> children)
            throws IOException {
        while (hasLine && !atBoundary() && !ownBoundary(boundary, LineScanner.BoundaryMatch.OPEN)
                && !ownBoundary(boundary, LineScanner.BoundaryMatch.CLOSE)) {
            advance(); // preamble
        }
        boundaries.push(boundary);
        try {
            while (ownBoundary(boundary, LineScanner.BoundaryMatch.OPEN)) {
                advance();
                children.add(part(childDefault, depth + 1));
            }
            if (ownBoundary(boundary, LineScanner.BoundaryMatch.CLOSE)) {
                advance();
            }
        } finally {
            boundaries.pop();
        }
        while (hasLine && !atBoundary()) {
            advance(); // epilogue
        }
    }

    private boolean ownBoundary(String boundary, LineScanner.BoundaryMatch kind) {
        return hasLine && lines.startsWithDashes() && lines.boundary(boundary) == kind;
    }
}
