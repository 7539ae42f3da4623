package it.pecgateway.receipts;

import it.pecgateway.receipts.mime.Ascii;
import it.pecgateway.receipts.mime.Crlf;
import it.pecgateway.receipts.mime.HeaderField;
import it.pecgateway.receipts.mime.HeaderSection;
import it.pecgateway.receipts.mime.MimeLimitException;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * An original message opened once: its header section read (capped), its body still in the stream. The envelope
 * needs the headers first (inherited fields, the Message-ID) and then streams the body into postacert.eml.
 */
final class OpenedOriginal implements Closeable {
    static final int MAX_HEADER_BYTES = 1 << 20;
    private final InputStream body;
    private final HeaderSection headers;

    private OpenedOriginal(InputStream body, HeaderSection headers) {
        this.body = body;
        this.headers = headers;
    }

    static OpenedOriginal open(ByteSource source) throws IOException {
        InputStream in = new BufferedInputStream(source.open(), 1 << 14);
        try {
            return new OpenedOriginal(in, HeaderSection.read(in, MAX_HEADER_BYTES));
        } catch (MimeLimitException e) {
            in.close();
            throw new IOException("original message: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    HeaderSection headers() {
        return headers;
    }

    Optional<String> messageId() {
        return headers.value("Message-ID").filter(v -> !v.isEmpty());
    }

    /**
     * postacert.eml of a transport envelope (digest 5.1, 9.2): Message-ID replaced by the identificativo in place,
     * {@code X-Riferimento-Message-ID} appended after the other fields, every other byte kept (bare LF become CRLF).
     */
    Attachment rewritten(String identificativo) {
        return out -> {
            Optional<String> original = messageId();
            boolean replaced = false;
            for (HeaderField field : headers.fields()) {
                if (field.is("Message-ID")) {
                    if (!replaced) {
                        Ascii.line(out, "Message-ID: <" + identificativo + ">");
                        replaced = true;
                    }
                } else {
                    out.write(Crlf.of(field.raw()));
                }
            }
            if (!replaced) {
                Ascii.line(out, "Message-ID: <" + identificativo + ">");
            }
            if (original.isPresent()) {
                Ascii.write(out, it.pecgateway.receipts.mime.HeaderText.field("X-Riferimento-Message-ID",
                        it.pecgateway.receipts.mime.HeaderText.clean(original.get())));
            }
            Ascii.line(out, "");
            copyBody(out);
        };
    }

    /** The whole message unchanged (anomaly envelope, complete delivery receipt), bare LF as CRLF. */
    Attachment verbatim() {
        return out -> {
            for (HeaderField field : headers.fields()) {
                out.write(Crlf.of(field.raw()));
            }
            out.write(Crlf.of(headers.terminator()));
            copyBody(out);
        };
    }

    private void copyBody(OutputStream out) throws IOException {
        Crlf crlf = new Crlf(out);
        body.transferTo(crlf);
        crlf.flush();
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
