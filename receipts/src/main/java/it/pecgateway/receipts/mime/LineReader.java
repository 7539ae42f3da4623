package it.pecgateway.receipts.mime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a stream as lines with their line ends, in pieces of at most {@code maxPiece} bytes so a line without end
 * (binary content, a hostile 10 MB line) never grows a buffer. Tracks the offset of every piece.
 */
public final class LineReader {
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 14];
    private final int maxPiece;
    private int position;
    private int limit;
    private long offset;
    private byte[] piece = new byte[256];
    private int length;
    private long pieceOffset;
    private boolean startsLine = true;
    private boolean nextStartsLine = true;

    public LineReader(InputStream in, int maxPiece) {
        this.in = in;
        this.maxPiece = maxPiece;
    }

    /** Reads the next piece; false at end of stream. */
    public boolean next() throws IOException {
        startsLine = nextStartsLine;
        pieceOffset = offset;
        length = 0;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    nextStartsLine = true;
                    return length > 0;
                }
            }
            byte b = buffer[position++];
            offset++;
            if (length == piece.length) {
                piece = Arrays.copyOf(piece, Math.min(maxPiece, piece.length * 2));
            }
            piece[length++] = b;
            if (b == '\n') {
                nextStartsLine = true;
                return true;
            }
            if (length == maxPiece) {
                nextStartsLine = false;
                return true;
            }
        }
    }

    public byte[] bytes() {
        return piece;
    }

    public int length() {
        return length;
    }

    /** Offset of the current piece in the stream. */
    public long offset() {
        return pieceOffset;
    }

    /** Whether the current piece starts a line (a boundary can only be such a piece). */
    public boolean startsLine() {
        return startsLine;
    }

    /** Length of the line end (CRLF = 2, LF = 1, none = 0) of the current piece. */
    public int endLength() {
        if (length > 0 && piece[length - 1] == '\n') {
            return length > 1 && piece[length - 2] == '\r' ? 2 : 1;
        }
        return 0;
    }

    /** Whether the current piece is the delimiter {@code --boundary} or the close delimiter {@code --boundary--}. */
    public Delimiter delimiter(String boundary) {
        if (!startsLine || length < boundary.length() + 2 || piece[0] != '-' || piece[1] != '-') {
            return Delimiter.NONE;
        }
        for (int i = 0; i < boundary.length(); i++) {
            if (piece[2 + i] != (byte) boundary.charAt(i)) {
                return Delimiter.NONE;
            }
        }
        int i = 2 + boundary.length();
        boolean close = i + 1 < length && piece[i] == '-' && piece[i + 1] == '-';
        if (close) {
            i += 2;
        }
        for (; i < length; i++) {
            byte c = piece[i];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return Delimiter.NONE;
            }
        }
        return close ? Delimiter.CLOSE : Delimiter.OPEN;
    }

    public enum Delimiter { NONE, OPEN, CLOSE }
}
