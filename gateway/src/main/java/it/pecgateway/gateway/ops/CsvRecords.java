package it.pecgateway.gateway.ops;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records: fields separated by commas (or semicolons, as spreadsheets in Italy write them: the first
 * line decides), double quotes around fields that hold separators, quotes or line breaks, {@code ""} for a quote.
 * Each record remembers the line it started on, for the import report.
 */
final class CsvRecords {
    record Record(int line, List<String> fields) { }

    private CsvRecords() {
    }

    /** @throws IllegalArgumentException for a quote left open, naming its line */
    static List<Record> parse(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int firstEnd = body.indexOf('\n');
        String firstLine = firstEnd < 0 ? body : body.substring(0, firstEnd);
        char separator = firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString().trim());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString().trim());
                field.setLength(0);
                add(records, recordLine, fields);
                fields = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("line " + recordLine + ": a quoted field is not closed");
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString().trim());
            add(records, recordLine, fields);
        }
        return records;
    }

    /** Blank lines are skipped. */
    private static void add(List<Record> records, int line, List<String> fields) {
        if (!(fields.size() == 1 && fields.get(0).isEmpty())) {
            records.add(new Record(line, List.copyOf(fields)));
        }
    }
}
