package it.pecgateway.receipts.mime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A position in a MIME stream shared by the scanner and the brief transform: the current piece of a line, the
 * boundaries of the enclosing multiparts, and the header-section reading both need.
 */
final class MimeCursor {
    private final LineReader lines;
    private final Deque<String> boundaries = new ArrayDeque<>();
    private boolean current;
    private int previousEnd;

    MimeCursor(InputStream in) throws IOException {
        this.lines = new LineReader(in, 8192);
        advance();
    }

    LineReader lines() {
        return lines;
    }

    /** Whether there is a current piece (false at end of input). */
    boolean current() {
        return current;
    }

    void advance() throws IOException {
        previousEnd = current ? lines.endLength() : 0;
        current = lines.next();
    }

    void push(String boundary) {
        boundaries.push(boundary);
    }

    void pop() {
        boundaries.pop();
    }

    /** Whether the current piece is a delimiter of this boundary (open or close). */
    LineReader.Delimiter delimiter(String boundary) {
        return current ? lines.delimiter(boundary) : LineReader.Delimiter.NONE;
    }

    /** Whether the current piece delimits any enclosing multipart: the end of the current body. */
    boolean atDelimiter() {
        for (String b : boundaries) {
            if (lines.delimiter(b) != LineReader.Delimiter.NONE) {
                return true;
            }
        }
        return false;
    }

    /** Offset of the current piece, or of the end of input. */
    long offset() {
        return current ? lines.offset() : lines.offset() + lines.length();
    }

    /** Where the body before the current delimiter ends: the line end preceding the delimiter is not body. */
    long bodyEnd() {
        return current ? lines.offset() - previousEnd : lines.offset() + lines.length();
    }

    /** Reads a header section up to and including its empty line (or up to a delimiter or the end). */
    byte[] readHeaderBytes(int maxBytes) throws IOException, MimeLimitException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        while (current && !atDelimiter()) {
            header.write(lines.bytes(), 0, lines.length());
            if (header.size() > maxBytes) {
                throw new MimeLimitException("header section larger than " + maxBytes + " bytes");
            }
            boolean blank = lines.startsLine() && lines.length() == lines.endLength() && lines.length() > 0;
            advance();
            if (blank) {
                break;
            }
        }
        return header.toByteArray();
    }
}
