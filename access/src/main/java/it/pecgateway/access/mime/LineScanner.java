package it.pecgateway.access.mime;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a stream line by line without holding more than one buffer: for each line it knows the offset, the
 * length with its terminator (LF or CRLF, or none at the end) and keeps up to {@code keep} bytes of content.
 */
final class LineScanner {
    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int pos;
    private int limit;
    private boolean eof;

    private final byte[] content;
    private int contentLength;
    private long lineStart;
    private long lineLength;
    private int terminatorLength;
    private long offset;
    private long lineNumber = -1;

    LineScanner(InputStream in, int keep) {
        this.in = in;
        this.content = new byte[keep];
    }

    /** Advances to the next line; false at the end of the stream. */
    boolean next() throws IOException {
        lineStart = offset;
        contentLength = 0;
        terminatorLength = 0;
        boolean any = false;
        boolean lastWasCr = false;
        while (true) {
            if (pos == limit && !fill()) {
                break;
            }
            byte b = buffer[pos++];
            offset++;
            any = true;
            if (b == '\n') {
                terminatorLength = lastWasCr ? 2 : 1;
                if (lastWasCr) {
                    contentLength = Math.max(0, contentLength - 1);
                }
                break;
            }
            lastWasCr = b == '\r';
            if (contentLength < content.length) {
                content[contentLength] = b;
            }
            contentLength++;
        }
        lineLength = offset - lineStart;
        if (any) {
            lineNumber++;
        }
        return any;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    long lineStart() {
        return lineStart;
    }

    long lineEnd() {
        return lineStart + lineLength;
    }

    int terminatorLength() {
        return terminatorLength;
    }

    long lineNumber() {
        return lineNumber;
    }

    /** Content length without terminator (may exceed what was kept). */
    int contentLength() {
        return contentLength;
    }

    boolean isBlank() {
        return contentLength == 0;
    }

    /** The kept content as ISO-8859-1 text (one char per byte, so offsets stay exact). */
    String text() {
        return new String(content, 0, Math.min(contentLength, content.length), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    boolean startsWithDashes() {
        return contentLength >= 2 && content[0] == '-' && content[1] == '-';
    }

    /** True if the line is {@code --boundary} or {@code --boundary--}, optionally followed by white space. */
    BoundaryMatch boundary(String boundary) {
        int b = boundary.length();
        if (!startsWithDashes() || contentLength < b + 2 || content.length < b + 2) {
            return BoundaryMatch.NONE;
        }
        for (int i = 0; i < b; i++) {
            if (content[i + 2] != (byte) boundary.charAt(i)) {
                return BoundaryMatch.NONE;
            }
        }
        int i = b + 2;
        boolean close = false;
        if (contentLength >= i + 2 && i + 1 < content.length && content[i] == '-' && content[i + 1] == '-') {
            close = true;
            i += 2;
        }
        for (; i < Math.min(contentLength, content.length); i++) {
            if (content[i] != ' ' && content[i] != '\t') {
                return BoundaryMatch.NONE;
            }
        }
        return close ? BoundaryMatch.CLOSE : BoundaryMatch.OPEN;
    }

    enum BoundaryMatch { NONE, OPEN, CLOSE }
}
