package it.pecgateway.receipts.mime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writing protocol text that is ASCII by construction. */
public final class Ascii {
    public static final byte[] CRLF = {'\r', '\n'};

    private Ascii() {
    }

    public static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }

    public static void line(OutputStream out, String text) throws IOException {
        write(out, text);
        out.write(CRLF);
    }
}
