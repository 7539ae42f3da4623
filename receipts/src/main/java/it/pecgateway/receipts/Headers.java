package it.pecgateway.receipts;

import it.pecgateway.receipts.mime.HeaderText;
import java.util.ArrayList;
import java.util.List;

/** The top header fields of a system message, in the order real providers write them. */
final class Headers {
    private final List<byte[]> fields = new ArrayList<>();

    Headers add(String name, String value) {
        fields.add(HeaderText.field(name, value).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return this;
    }

    /** A field copied byte for byte from a received message (bare LF made CRLF). */
    Headers addRaw(it.pecgateway.receipts.mime.HeaderField field) {
        fields.add(it.pecgateway.receipts.mime.Crlf.of(field.raw()));
        return this;
    }

    static Headers receipt(MessageKind kind, CertifiedTime time, String from, String to, Transaction t,
            String messageId) {
        Headers h = new Headers()
                .add("Date", time.rfc5322())
                .add("From", from)
                .add("To", to)
                .add("Subject", subject(kind, t.subject().orElse("")))
                .add("Message-ID", "<" + messageId + ">");
        t.originalMessageId().ifPresent(id -> h.add("X-Riferimento-Message-ID", HeaderText.clean(id)));
        h.add(kind.header(), kind.headerValue());
        if (kind.securityError()) {
            h.add("X-VerificaSicurezza", "errore");
        }
        return h;
    }

    static String subject(MessageKind kind, String subject) {
        return kind.subjectPrefix() + HeaderText.unstructured(subject);
    }

    /** {@code "Per conto di: [mittente]" <posta-certificata@...>} (digest 5.1, 13 #2). */
    static String onBehalfOf(String sender, String serviceAddress) {
        return HeaderText.quoted("Per conto di: " + sender) + " <" + serviceAddress + ">";
    }

    List<byte[]> fields() {
        return List.copyOf(fields);
    }
}
