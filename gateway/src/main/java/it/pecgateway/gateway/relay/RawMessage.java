package it.pecgateway.gateway.relay;

import it.pecgateway.mailstore.BodySource;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * A message whose bytes go out exactly as stored: the signed envelope must not be re-encoded (digest 9.8), so
 * Angus Mail never parses or rewrites it; {@link #writeTo} streams the stored body.
 */
final class RawMessage extends SMTPMessage {
    private final BodySource body;

    RawMessage(Session session, BodySource body, String envelopeFrom, boolean eightBit) {
        super(session);
        this.body = body;
        setEnvelopeFrom(envelopeFrom);
        if (eightBit) {
            setMailExtension("BODY=8BITMIME");
        }
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try (InputStream in = body.open()) {
            in.transferTo(out);
        }
    }

    @Override
    public void writeTo(OutputStream out, String[] ignoreHeaders) throws IOException {
        writeTo(out);
    }

    @Override
    public int getSize() {
        long size = body.size();
        return size > Integer.MAX_VALUE ? -1 : (int) size;
    }

    @Override
    public void saveChanges() throws MessagingException {
        // nothing to save: the bytes are final
    }

    /** Whether any byte has the high bit set (then BODY=8BITMIME is declared). */
    static boolean hasEightBit(BodySource body) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = body.open()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] < 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
