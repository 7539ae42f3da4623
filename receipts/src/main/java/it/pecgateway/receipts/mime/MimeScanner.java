package it.pecgateway.receipts.mime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Scans a message once and records its MIME tree as offsets (multiparts are entered, message/rfc822 is a leaf).
 * Memory stays bounded whatever the input: header sections, nesting depth and part count are capped, and a line
 * without end is read in pieces. Exceeding a cap is a {@link MimeLimitException}.
 */
public final class MimeScanner {
    public static final int MAX_HEADER_BYTES = 256 * 1024;
    public static final int MAX_DEPTH = 16;
    public static final int MAX_PARTS = 1000;
    /** All header sections together: without it, many parts with large headers would add up. */
    public static final int MAX_TOTAL_HEADER_BYTES = 4 << 20;
    private final LineReader lines;
    private final Deque<String> boundaries = new ArrayDeque<>();
    private boolean current;
    private int previousEnd;
    private int parts;
    private long totalHeaderBytes;

    private MimeScanner(InputStream in) {
        this.lines = new LineReader(in, 8192);
    }

    public static MimeNode scan(InputStream in) throws IOException, MimeLimitException {
        MimeScanner s = new MimeScanner(in);
        s.advance();
        return s.entity(0);
    }

    private MimeNode entity(int depth) throws IOException, MimeLimitException {
        if (++parts > MAX_PARTS) {
            throw new MimeLimitException("more than " + MAX_PARTS + " MIME parts");
        }
        if (depth > MAX_DEPTH) {
            throw new MimeLimitException("MIME nesting deeper than " + MAX_DEPTH);
        }
        long start = current ? lines.offset() : -1;
        ByteArrayOutputStream headerBytes = new ByteArrayOutputStream();
        long bodyStart = -1;
        while (current && !atDelimiter()) {
            headerBytes.write(lines.bytes(), 0, lines.length());
            if (headerBytes.size() > MAX_HEADER_BYTES) {
                throw new MimeLimitException("header section larger than " + MAX_HEADER_BYTES + " bytes");
            }
            totalHeaderBytes += lines.length();
            if (totalHeaderBytes > MAX_TOTAL_HEADER_BYTES) {
                throw new MimeLimitException("header sections larger than " + MAX_TOTAL_HEADER_BYTES + " bytes in all");
            }
            boolean blank = lines.startsLine() && lines.length() == lines.endLength() && lines.length() > 0;
            long next = lines.offset() + lines.length();
            advance();
            if (blank) {
                bodyStart = next;
                break;
            }
        }
        HeaderSection headers = HeaderSection.read(new ByteArrayInputStream(headerBytes.toByteArray()),
                MAX_HEADER_BYTES + 1);
        ContentType type = headers.value("Content-Type").map(ContentType::parse).orElse(ContentType.TEXT_PLAIN);
        if (start < 0) {
            start = currentOffset();
        }
        if (bodyStart < 0) {
            bodyStart = currentOffset();
        }
        List<MimeNode> children = new ArrayList<>();
        boolean complete = true;
        String boundary = type.parameter("boundary").orElse("");
        if (type.isMultipart() && !boundary.isEmpty()) {
            complete = multipart(boundary, depth, children);
        } else {
            skipUntilDelimiter();
        }
        return new MimeNode(headers, type, start, bodyStart, Math.max(bodyStart, bodyEnd()), children, complete);
    }

    private boolean multipart(String boundary, int depth, List<MimeNode> children)
            throws IOException, MimeLimitException {
        boundaries.push(boundary);
        skipUntilDelimiter();
        while (current && lines.delimiter(boundary) == LineReader.Delimiter.OPEN) {
            advance();
            children.add(entity(depth + 1));
        }
        boundaries.pop();
        boolean closed = current && lines.delimiter(boundary) == LineReader.Delimiter.CLOSE;
        if (closed) {
            advance();
            skipUntilDelimiter();
        }
        return closed;
    }

    /** Where the current body ends: before the line end that precedes the delimiter (or at end of input). */
    private long bodyEnd() {
        return current ? lines.offset() - previousEnd : lines.offset() + lines.length();
    }

    private long currentOffset() {
        return current ? lines.offset() : lines.offset() + lines.length();
    }

    private void skipUntilDelimiter() throws IOException {
        while (current && !atDelimiter()) {
            advance();
        }
    }

    private boolean atDelimiter() {
        for (String b : boundaries) {
            if (lines.delimiter(b) != LineReader.Delimiter.NONE) {
                return true;
            }
        }
        return false;
    }

    private void advance() throws IOException {
        previousEnd = current ? lines.endLength() : 0;
        current = lines.next();
    }
}
