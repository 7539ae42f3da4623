package it.pecgateway.gateway.pec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.pecgateway.receipts.CertifiedTime;
import it.pecgateway.receipts.ReceiptType;
import it.pecgateway.receipts.Recipient;
import it.pecgateway.receipts.Transaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Transaction} as the JSON context of a delivery tracking row: what the timers need, hours later and maybe
 * on another node, to write the 12 h and 24 h notices for the right transaction.
 */
final class TransactionCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TransactionCodec() {
    }

    static String encode(Transaction t) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", t.identificativo());
        o.put("time", t.time().instant().toString());
        o.put("sender", t.sender());
        ArrayNode recipients = o.putArray("recipients");
        for (Recipient r : t.recipients()) {
            recipients.addObject().put("address", r.address()).put("cc", r.carbonCopy()).put("certified", r.certified());
        }
        t.subject().ifPresent(s -> o.put("subject", s));
        t.originalMessageId().ifPresent(s -> o.put("msgid", s));
        t.replyTo().ifPresent(s -> o.put("replyTo", s));
        o.put("receipt", t.receiptType().value());
        return o.toString();
    }

    static Transaction decode(String json) {
        try {
            JsonNode o = JSON.readTree(json);
            List<Recipient> recipients = new ArrayList<>();
            for (JsonNode r : o.get("recipients")) {
                recipients.add(new Recipient(r.get("address").asText(), r.get("cc").asBoolean(), r.get("certified").asBoolean()));
            }
            return new Transaction(o.get("id").asText(), CertifiedTime.of(Instant.parse(o.get("time").asText())),
                    o.get("sender").asText(), recipients, text(o, "subject"), text(o, "msgid"), text(o, "replyTo"),
                    ReceiptType.fromValue(o.get("receipt").asText()).orElse(ReceiptType.COMPLETA));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable tracking context", e);
        }
    }

    private static Optional<String> text(JsonNode o, String field) {
        return o.hasNonNull(field) ? Optional.of(o.get(field).asText()) : Optional.empty();
    }
}
