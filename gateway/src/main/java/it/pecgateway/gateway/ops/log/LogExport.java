package it.pecgateway.gateway.ops.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.pecgateway.mailstore.LogEvent;
import it.pecgateway.mailstore.LogRecord;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Extracts of the legal log for a holder or an authority. JSON is exact: every field with the record's sequence,
 * previous hash and hash, so the extract can be checked against the chain (the hashed bytes are in
 * docs/mailstore.md). CSV (RFC 4180) is for people: lists are joined with spaces, and a value starting with
 * {@code = + - @}, a tab or a CR gets a leading apostrophe so that a spreadsheet never runs a subject as a formula.
 */
public final class LogExport {
    public enum Format { CSV, JSON }

    static final String[] COLUMNS = {"sequence", "time", "identificativo", "event_type", "sender", "recipients", "subject",
        "related_message_ids", "peer_provider", "detail", "previous_hash", "hash"};
    private static final ObjectMapper JSON = new ObjectMapper();

    private LogExport() {
    }

    public static Format format(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "csv" -> Format.CSV;
            case "json" -> Format.JSON;
            default -> throw new IllegalArgumentException("format: '" + name + "' is not csv or json");
        };
    }

    public static String contentType(Format format) {
        return format == Format.CSV ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
    }

    public static String render(Format format, List<LogRecord> records) {
        return format == Format.CSV ? csv(records) : json(records);
    }

    static String json(List<LogRecord> records) {
        ArrayNode array = JSON.createArrayNode();
        for (LogRecord r : records) {
            LogEvent e = r.event();
            ObjectNode o = array.addObject();
            o.put("sequence", r.sequence());
            o.put("time", DateTimeFormatter.ISO_INSTANT.format(e.time()));
            o.put("identificativo", e.identificativo());
            o.put("eventType", e.eventType());
            o.put("sender", e.sender());
            e.recipients().forEach(o.putArray("recipients")::add);
            o.put("subject", e.subject());
            e.relatedMessageIds().forEach(o.putArray("relatedMessageIds")::add);
            o.put("peerProvider", e.peerProvider().orElse(null));
            o.put("detail", e.detail().orElse(null));
            o.put("previousHash", r.previousHash());
            o.put("hash", r.hash());
        }
        return array.toPrettyString() + "\n";
    }

    static String csv(List<LogRecord> records) {
        StringBuilder s = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (LogRecord r : records) {
            LogEvent e = r.event();
            String[] values = {Long.toString(r.sequence()), DateTimeFormatter.ISO_INSTANT.format(e.time()), e.identificativo(),
                e.eventType(), e.sender(), String.join(" ", e.recipients()), e.subject(), String.join(" ", e.relatedMessageIds()),
                e.peerProvider().orElse(""), e.detail().orElse(""), r.previousHash(), r.hash()};
            for (int i = 0; i < values.length; i++) {
                s.append(i == 0 ? "" : ",").append(cell(values[i]));
            }
            s.append("\r\n");
        }
        return s.toString();
    }

    static String cell(String value) {
        // a spreadsheet skips a leading tab or CR and runs what follows: those are as dangerous as '=' (OWASP)
        String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
