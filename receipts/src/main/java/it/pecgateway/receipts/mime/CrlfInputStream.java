package it.pecgateway.receipts.mime;

import java.io.IOException;
import java.io.InputStream;

/** Reads a stream with every bare LF turned into CRLF: the canonical form over which S/MIME signatures are made. */
public final class CrlfInputStream extends InputStream {
    private final InputStream in;
    private int previous = -1;
    private boolean pendingLf;

    public CrlfInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        if (pendingLf) {
            pendingLf = false;
            previous = '\n';
            return '\n';
        }
        int b = in.read();
        if (b == '\n' && previous != '\r') {
            pendingLf = true;
            previous = '\r';
            return '\r';
        }
        previous = b;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int n = 0;
        if (pendingLf) {
            buffer[offset + n++] = (byte) read();
        }
        // Read at most half the room so that every LF can grow into CRLF in place.
        int room = Math.max(1, (length - n) / 2);
        byte[] chunk = new byte[room];
        int got = n < length ? in.read(chunk, 0, Math.min(room, length - n)) : 0;
        if (got < 0) {
            return n == 0 ? -1 : n;
        }
        for (int i = 0; i < got; i++) {
            byte b = chunk[i];
            if (b == '\n' && previous != '\r') {
                buffer[offset + n++] = '\r';
                if (n == length) {
                    pendingLf = true;
                    previous = '\r';
                    return n;
                }
            }
            buffer[offset + n++] = b;
            previous = b;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
