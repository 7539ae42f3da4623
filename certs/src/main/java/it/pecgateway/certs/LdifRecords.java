package it.pecgateway.certs;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The generic half of LDIF (RFC 2849) that the providers index needs: content records made of
 * {@code attr[;options]: value} and {@code attr[;options]:: base64} lines, folded lines (a continuation starts with
 * one space), comments and blank-line separators. Change records and {@code :<} URL values are refused: a local
 * copy of the index is a full content dump (digest 3.2).
 */
final class LdifRecords {

    /** One record: its DN and its attributes (names lower case, options dropped) with raw byte values. */
    record Entry(String dn, int line, Map<String, List<byte[]>> attributes) {
        List<byte[]> values(String name) {
            return attributes.getOrDefault(name, List.of());
        }

        List<String> strings(String name) {
            return values(name).stream().map(v -> new String(v, StandardCharsets.UTF_8).trim()).toList();
        }
    }

    private LdifRecords() {
    }

    static List<Entry> read(BufferedReader in, List<String> problems) throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<Line> logical = new ArrayList<>();
        int lineNo = 0;
        Line current = null;
        boolean inComment = false;
        for (String raw = in.readLine(); raw != null; raw = in.readLine()) {
            lineNo++;
            if (lineNo == 1 && raw.startsWith("\uFEFF")) {
                raw = raw.substring(1);
            }
            if (raw.startsWith(" ")) {
                if (inComment) {
                    continue;
                }
                if (current == null) {
                    problems.add("line " + lineNo + ": continuation line without a line to continue");
                    continue;
                }
                current.text.append(raw, 1, raw.length());
                continue;
            }
            inComment = raw.startsWith("#");
            if (inComment) {
                continue;
            }
            if (raw.isEmpty()) {
                current = null;
                flush(logical, entries, problems);
                continue;
            }
            current = new Line(lineNo, new StringBuilder(raw));
            logical.add(current);
        }
        flush(logical, entries, problems);
        return entries;
    }

    private static void flush(List<Line> lines, List<Entry> entries, List<String> problems) {
        if (lines.isEmpty()) {
            return;
        }
        List<Line> record = new ArrayList<>(lines);
        lines.clear();
        if (record.get(0).text.toString().toLowerCase(Locale.ROOT).startsWith("version:")) {
            record.remove(0);
            if (record.isEmpty()) {
                return;
            }
        }
        String dn = null;
        Map<String, List<byte[]>> attributes = new LinkedHashMap<>();
        for (Line line : record) {
            String text = line.text.toString();
            int colon = text.indexOf(':');
            if (colon <= 0) {
                problems.add("line " + line.number + ": no 'attribute: value' here");
                continue;
            }
            String name = text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            int semicolon = name.indexOf(';');
            if (semicolon >= 0) {
                name = name.substring(0, semicolon);
            }
            byte[] value;
            String rest = text.substring(colon + 1);
            if (rest.startsWith(":")) {
                try {
                    value = Base64.getDecoder().decode(rest.substring(1).replaceAll("\\s", ""));
                } catch (IllegalArgumentException e) {
                    problems.add("line " + line.number + ": " + name + " has an invalid base64 value");
                    continue;
                }
            } else if (rest.startsWith("<")) {
                problems.add("line " + line.number + ": " + name + " refers to a URL; only inline values are accepted");
                continue;
            } else {
                value = rest.stripLeading().getBytes(StandardCharsets.UTF_8);
            }
            if (name.equals("dn")) {
                dn = new String(value, StandardCharsets.UTF_8).trim();
            } else if (name.equals("changetype")) {
                problems.add("line " + line.number + ": change records are not accepted in the index copy");
            } else {
                attributes.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        int first = record.get(0).number;
        if (dn == null) {
            problems.add("line " + first + ": record without a dn");
            return;
        }
        entries.add(new Entry(dn, first, attributes));
    }

    private record Line(int number, StringBuilder text) {
    }
}
