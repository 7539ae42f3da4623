package it.pecgateway.receipts.mime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
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
    private final MimeCursor cursor;
    private int parts;
    private long totalHeaderBytes;

    private MimeScanner(InputStream in) throws IOException {
        this.cursor = new MimeCursor(in);
    }

    public static MimeNode scan(InputStream in) throws IOException, MimeLimitException {
        return new MimeScanner(in).entity(0);
    }

    private MimeNode entity(int depth) throws IOException, MimeLimitException {
        if (++parts > MAX_PARTS) {
            throw new MimeLimitException("more than " + MAX_PARTS + " MIME parts");
        }
        if (depth > MAX_DEPTH) {
            throw new MimeLimitException("MIME nesting deeper than " + MAX_DEPTH);
        }
        long start = cursor.offset();
        byte[] headerBytes = cursor.readHeaderBytes(MAX_HEADER_BYTES);
        totalHeaderBytes += headerBytes.length;
        if (totalHeaderBytes > MAX_TOTAL_HEADER_BYTES) {
            throw new MimeLimitException("header sections larger than " + MAX_TOTAL_HEADER_BYTES + " bytes in all");
        }
        long bodyStart = cursor.offset();
        HeaderSection headers = HeaderSection.read(new ByteArrayInputStream(headerBytes), MAX_HEADER_BYTES + 1);
        ContentType type = headers.value("Content-Type").map(ContentType::parse).orElse(ContentType.TEXT_PLAIN);
        List<MimeNode> children = new ArrayList<>();
        boolean complete = true;
        String boundary = type.parameter("boundary").orElse("");
        if (type.isMultipart() && !boundary.isEmpty()) {
            complete = multipart(boundary, depth, children);
        } else {
            skipUntilDelimiter();
        }
        return new MimeNode(headers, type, start, bodyStart, Math.max(bodyStart, cursor.bodyEnd()), children,
                complete);
    }

    private boolean multipart(String boundary, int depth, List<MimeNode> children)
            throws IOException, MimeLimitException {
        cursor.push(boundary);
        skipUntilDelimiter();
        while (cursor.delimiter(boundary) == LineReader.Delimiter.OPEN) {
            cursor.advance();
            children.add(entity(depth + 1));
        }
        cursor.pop();
        boolean closed = cursor.delimiter(boundary) == LineReader.Delimiter.CLOSE;
        if (closed) {
            cursor.advance();
            skipUntilDelimiter();
        }
        return closed;
    }

    private void skipUntilDelimiter() throws IOException {
        while (cursor.current() && !cursor.atDelimiter()) {
            cursor.advance();
        }
    }
}
