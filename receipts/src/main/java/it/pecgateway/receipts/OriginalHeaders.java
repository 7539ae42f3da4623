package it.pecgateway.receipts;

import it.pecgateway.certs.ProvidersIndex;
import it.pecgateway.receipts.mime.HeaderField;
import it.pecgateway.receipts.mime.HeaderSection;
import it.pecgateway.receipts.mime.MimeLimitException;
import jakarta.mail.internet.MimeUtility;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the access point reads from a submitted original to run the formal checks (digest 9.1) and to build its
 * {@link Transaction}: From, To, Cc, whether Bcc has a value, the decoded Subject, Message-ID, Reply-To and the
 * requested receipt form. Reads only the header section.
 *
 * @param from   the addr-spec of From, when there is exactly one
 * @param to     the addr-specs of To, lower case
 * @param cc     the addr-specs of Cc, lower case
 */
public record OriginalHeaders(Optional<String> from, List<String> to, List<String> cc, boolean bccHasValue,
        Optional<String> subject, Optional<String> messageId, Optional<String> replyTo, ReceiptType receiptType) {

    public OriginalHeaders {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
    }

    /** @throws IOException when the header section cannot be read or is over the cap; bad addresses are errors too */
    public static OriginalHeaders read(ByteSource original) throws IOException {
        HeaderSection h;
        try (InputStream in = new BufferedInputStream(original.open(), 1 << 12)) {
            h = HeaderSection.read(in, OpenedOriginal.MAX_HEADER_BYTES);
        } catch (MimeLimitException e) {
            throw new IOException(e.getMessage(), e);
        }
        try {
            List<String> from = all(h, "From");
            return new OriginalHeaders(from.size() == 1 ? Optional.of(from.get(0)) : Optional.empty(), all(h, "To"),
                    all(h, "Cc"), h.all("Bcc").stream().anyMatch(f -> !f.value().isEmpty()),
                    h.value("Subject").map(OriginalHeaders::decode), h.value("Message-ID").filter(v -> !v.isEmpty()),
                    h.value("Reply-To").flatMap(v -> Addresses.parse(v).stream().findFirst()),
                    h.value("X-TipoRicevuta").flatMap(ReceiptType::fromValue).orElse(ReceiptType.COMPLETA));
        } catch (IllegalArgumentException e) {
            throw new IOException("original message: " + e.getMessage(), e);
        }
    }

    /**
     * The transaction of an accepted submission: every To/Cc recipient, Cc-only ones marked as carbon copy (an
     * address in both counts as primary, digest 5.6), typed certificato/esterno through the providers index.
     */
    public Transaction transaction(String identificativo, CertifiedTime time, String sender, ProvidersIndex index) {
        Map<String, Boolean> carbonCopy = new LinkedHashMap<>();
        to.forEach(a -> carbonCopy.put(a, false));
        cc.forEach(a -> carbonCopy.putIfAbsent(a, true));
        List<Recipient> recipients = new ArrayList<>();
        carbonCopy.forEach((a, isCc) -> recipients.add(new Recipient(a, isCc, index.isPecDomain(Addresses.domain(a)))));
        return new Transaction(identificativo, time, sender, recipients, subject, messageId, replyTo, receiptType);
    }

    private static List<String> all(HeaderSection h, String name) {
        List<String> out = new ArrayList<>();
        for (HeaderField f : h.all(name)) {
            if (!f.value().isEmpty()) {
                out.addAll(Addresses.parse(f.value()));
            }
        }
        return out;
    }

    private static String decode(String text) {
        try {
            return MimeUtility.decodeText(text);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return text;
        }
    }
}
