package it.pecgateway.receipts.mime;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes bare LF as CRLF and leaves everything else alone, so a CRLF message passes byte for byte and an LF-only
 * one (read from a Unix file) becomes the canonical form that S/MIME signs (RFC 5751 section 3.1.1).
 */
public final class Crlf extends FilterOutputStream {
    private int previous = -1;

    public Crlf(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        if (b == '\n' && previous != '\r') {
            out.write('\r');
        }
        out.write(b);
        previous = b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (bytes[i] == '\n' && (i > offset ? bytes[i - 1] : previous) != '\r') {
                out.write(bytes, start, i - start);
                out.write('\r');
                start = i;
            }
        }
        out.write(bytes, start, end - start);
        if (length > 0) {
            previous = bytes[end - 1];
        }
    }

    /** Converts a whole array; used for small header blocks. */
    public static byte[] of(byte[] bytes) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length + 16);
        try (Crlf crlf = new Crlf(out)) {
            crlf.write(bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
