package it.pecgateway.receipts;

import it.pecgateway.receipts.daticert.Daticert;
import it.pecgateway.receipts.daticert.DaticertTipo;
import it.pecgateway.receipts.daticert.Errore;
import it.pecgateway.receipts.mime.HeaderField;
import it.pecgateway.receipts.mime.HeaderSection;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The two envelopes, the messages that carry an original and inherit some of its header fields. */
final class Envelopes {
    private final Emitter emitter;

    Envelopes(Emitter emitter) {
        this.emitter = emitter;
    }

    /** #1 Busta di trasporto: the original goes in as postacert.eml with its Message-ID replaced (digest 5.1). */
    public Emitted transportEnvelope(Transaction t, ByteSource original, OutputStream out) throws IOException {
        try (OpenedOriginal opened = OpenedOriginal.open(original)) {
            HeaderSection h = opened.headers();
            Headers headers = new Headers();
            h.all("Received").forEach(headers::addRaw);
            h.all("Return-Path").forEach(headers::addRaw);
            headers.add("Date", t.time().rfc5322()).add("From", Headers.onBehalfOf(t.sender(), emitter.settings().serviceAddress()));
            inheritOr(headers, h, "Reply-To", t.sender());
            inheritOr(headers, h, "To", joined(t, false));
            h.all("Cc").forEach(headers::addRaw);
            MessageKind kind = MessageKind.TRANSPORT_ENVELOPE;
            headers.add("Subject", Headers.subject(kind, t.subject().orElse("")))
                    .add("Message-ID", "<" + t.identificativo() + ">");
            opened.messageId().ifPresent(id -> headers.add("X-Riferimento-Message-ID", id));
            headers.add(kind.header(), kind.headerValue()).add("X-TipoRicevuta", t.receiptType().value());
            Daticert d = Certification.of(DaticertTipo.POSTA_CERTIFICATA, Errore.NESSUNO, t, emitter.settings().providerName(),
                    Optional.of(t.receiptType()), Optional.empty(), List.of(), Optional.empty());
            emitter.write(out, headers, t.time(), Bodies.envelope(t), Optional.of(d),
                    Optional.of(opened.rewritten(t.identificativo())));
            return new Emitted(t.identificativo(), kind, Optional.empty());
        }
    }

    /**
     * #11 Busta di anomalia (digest 5.11): the whole received message as postacert.eml, no daticert, the received
     * Message-ID kept.
     */
    public Emitted anomaly(AnomalyData a, ByteSource received, OutputStream out) throws IOException {
        try (OpenedOriginal opened = OpenedOriginal.open(received)) {
            HeaderSection h = opened.headers();
            Headers headers = new Headers();
            h.all("Received").forEach(headers::addRaw);
            h.all("Return-Path").forEach(headers::addRaw);
            MessageKind kind = MessageKind.ANOMALY_ENVELOPE;
            headers.add("Date", a.time().rfc5322()).add("From", Headers.onBehalfOf(a.sender(), emitter.settings().serviceAddress()));
            inheritOr(headers, h, "Reply-To", a.sender());
            h.all("To").forEach(headers::addRaw);
            h.all("Cc").forEach(headers::addRaw);
            headers.add("Subject", Headers.subject(kind, a.subject().orElse("")));
            Optional<HeaderField> messageId = h.first("Message-ID");
            String id = opened.messageId().orElseGet(() -> "<" + emitter.newId(a.time()) + ">");
            if (messageId.isPresent()) {
                headers.addRaw(messageId.get());
            } else {
                headers.add("Message-ID", id);
            }
            headers.add(kind.header(), kind.headerValue());
            emitter.write(out, headers, a.time(), Bodies.anomaly(a), Optional.empty(), Optional.of(opened.verbatim()));
            return new Emitted(id.replaceAll("^<|>$", ""), kind, Optional.empty());
        }
    }

    private static void inheritOr(Headers headers, HeaderSection h, String name, String fallback) {
        List<HeaderField> fields = h.all(name);
        if (fields.isEmpty()) {
            if (!fallback.isEmpty()) {
                headers.add(name, fallback);
            }
        } else {
            fields.forEach(headers::addRaw);
        }
    }

    private static String joined(Transaction t, boolean carbonCopy) {
        return t.recipients().stream().filter(r -> r.carbonCopy() == carbonCopy).map(Recipient::address)
                .collect(Collectors.joining(", "));
    }
}
