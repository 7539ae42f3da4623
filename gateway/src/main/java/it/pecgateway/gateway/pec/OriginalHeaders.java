package it.pecgateway.gateway.pec;

import it.pecgateway.receipts.ByteSource;
import it.pecgateway.receipts.mime.HeaderSection;
import it.pecgateway.receipts.mime.HeaderText;
import it.pecgateway.receipts.mime.MimeLimitException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The header fields of a submitted original that the access point checks (digest 9.1) and certifies. Address
 * lists are empty when the field is absent and {@code null}-free; a field that does not parse as RFC 5322
 * addresses is reported as {@link #malformed}.
 */
record OriginalHeaders(List<String> from, List<String> to, List<String> cc, boolean bccHasValue, boolean bccPresent,
                       Optional<String> subject, Optional<String> messageId, Optional<String> replyTo,
                       Optional<String> receiptType, List<String> malformed) {

    private static final int MAX_HEADER_BYTES = 1 << 20;

    static OriginalHeaders read(ByteSource message) throws IOException {
        HeaderSection h;
        try (InputStream in = new BufferedInputStream(message.open(), 1 << 16)) {
            h = HeaderSection.read(in, MAX_HEADER_BYTES);
        } catch (MimeLimitException e) {
            throw new IOException("header section too large", e);
        }
        List<String> malformed = new ArrayList<>();
        List<String> from = addresses(h, "From", malformed);
        List<String> to = addresses(h, "To", malformed);
        List<String> cc = addresses(h, "Cc", malformed);
        boolean bccPresent = !h.all("Bcc").isEmpty();
        boolean bccHasValue = h.all("Bcc").stream().anyMatch(f -> !f.value().isBlank());
        List<String> replyTo = addresses(h, "Reply-To", malformed);
        return new OriginalHeaders(from, to, cc, bccHasValue, bccPresent,
                h.value("Subject").map(HeaderText::decode), h.value("Message-ID").filter(v -> !v.isBlank()),
                replyTo.isEmpty() ? Optional.empty() : Optional.of(replyTo.get(0)),
                h.value("X-TipoRicevuta").map(v -> v.trim().toLowerCase(Locale.ROOT)), malformed);
    }

    private static List<String> addresses(HeaderSection h, String name, List<String> malformed) {
        List<String> result = new ArrayList<>();
        h.all(name).forEach(field -> {
            try {
                for (InternetAddress a : InternetAddress.parseHeader(field.value(), true)) {
                    if (a.isGroup()) {
                        malformed.add(name);
                        continue;
                    }
                    a.validate();
                    result.add(lower(a.getAddress()));
                }
            } catch (AddressException e) {
                malformed.add(name);
            }
        });
        return result;
    }

    /** Domains are case-insensitive; mailboxes are stored lower case, so the whole address is compared so. */
    static String lower(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
