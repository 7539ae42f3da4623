package it.pecgateway.access.imap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One data item of a FETCH (RFC 3501 6.4.5), parsed. */
record FetchItem(Kind kind, Section section) {

    enum Kind { FLAGS, INTERNALDATE, SIZE, UID, ENVELOPE, BODYSTRUCTURE, BODY, MODSEQ, SECTION }

    /**
     * A body section: {@code path} of part numbers, {@code text} one of "", HEADER, HEADER.FIELDS,
     * HEADER.FIELDS.NOT, TEXT, MIME; {@code partialStart} -1 when the whole section is wanted.
     */
    record Section(String label, int[] path, String text, List<String> fields, long partialStart,
                   long partialLength, boolean setsSeen) {
    }

    private static final Pattern BODY_SECTION = Pattern.compile(
            "(BODY|BODY\\.PEEK)\\[([^\\]]*)\\](?:<(\\d{1,19})\\.(\\d{1,19})>)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPEC = Pattern.compile(
            "((?:[1-9]\\d{0,8})(?:\\.[1-9]\\d{0,8})*)?\\.?(|HEADER|HEADER\\.FIELDS|HEADER\\.FIELDS\\.NOT|TEXT|MIME)"
                    + "(?: \\(([^)]*)\\))?", Pattern.CASE_INSENSITIVE);

    boolean needsStructure() {
        return kind == Kind.ENVELOPE || kind == Kind.BODYSTRUCTURE || kind == Kind.BODY
                || (kind == Kind.SECTION && !(section.path().length == 0 && section.text().isEmpty()));
    }

    /** The attribute list of a FETCH: a macro, one item, or a parenthesised list. */
    static List<FetchItem> readAll(ImapReader r) {
        List<FetchItem> items = new ArrayList<>();
        if (r.tryConsume('(')) {
            while (!r.tryConsume(')')) {
                items.add(parse(r.fetchAtom()));
                r.tryConsume(' ');
                if (r.atEnd()) {
                    throw new ImapSyntaxException("Unterminated FETCH list");
                }
            }
            return items;
        }
        String first = r.fetchAtom();
        switch (first.toUpperCase(Locale.ROOT)) {
            case "ALL" -> items.addAll(simple(Kind.FLAGS, Kind.INTERNALDATE, Kind.SIZE, Kind.ENVELOPE));
            case "FAST" -> items.addAll(simple(Kind.FLAGS, Kind.INTERNALDATE, Kind.SIZE));
            case "FULL" -> items.addAll(simple(Kind.FLAGS, Kind.INTERNALDATE, Kind.SIZE, Kind.ENVELOPE, Kind.BODY));
            default -> items.add(parse(first));
        }
        return items;
    }

    private static List<FetchItem> simple(Kind... kinds) {
        return Arrays.stream(kinds).map(k -> new FetchItem(k, null)).toList();
    }

    static FetchItem parse(String atom) {
        String upper = atom.toUpperCase(Locale.ROOT);
        switch (upper) {
            case "FLAGS": return new FetchItem(Kind.FLAGS, null);
            case "INTERNALDATE": return new FetchItem(Kind.INTERNALDATE, null);
            case "RFC822.SIZE": return new FetchItem(Kind.SIZE, null);
            case "UID": return new FetchItem(Kind.UID, null);
            case "ENVELOPE": return new FetchItem(Kind.ENVELOPE, null);
            case "BODYSTRUCTURE": return new FetchItem(Kind.BODYSTRUCTURE, null);
            case "BODY": return new FetchItem(Kind.BODY, null);
            case "MODSEQ": return new FetchItem(Kind.MODSEQ, null);
            case "RFC822": return section("RFC822", new int[0], "", List.of(), -1, -1, true);
            case "RFC822.HEADER": return section("RFC822.HEADER", new int[0], "HEADER", List.of(), -1, -1, false);
            case "RFC822.TEXT": return section("RFC822.TEXT", new int[0], "TEXT", List.of(), -1, -1, true);
            default: return bodySection(atom);
        }
    }

    private static FetchItem bodySection(String atom) {
        Matcher m = BODY_SECTION.matcher(atom);
        if (!m.matches()) {
            throw new ImapSyntaxException("Unknown FETCH attribute");
        }
        Matcher spec = SPEC.matcher(m.group(2));
        if (!spec.matches()) {
            throw new ImapSyntaxException("Invalid body section");
        }
        int[] path = spec.group(1) == null ? new int[0]
                : Arrays.stream(spec.group(1).split("\\.")).mapToInt(Integer::parseInt).toArray();
        String text = spec.group(2).toUpperCase(Locale.ROOT);
        boolean hasFields = text.startsWith("HEADER.FIELDS");
        if (hasFields != (spec.group(3) != null) || (text.equals("MIME") && path.length == 0)
                || (spec.group(1) != null && !text.isEmpty() && !m.group(2).contains("."))) {
            throw new ImapSyntaxException("Invalid body section");
        }
        List<String> fields = hasFields ? List.of(spec.group(3).trim().split("\\s+")).stream()
                .map(f -> f.replace("\"", "").toLowerCase(Locale.ROOT)).toList() : List.of();
        long start = m.group(3) == null ? -1 : Long.parseLong(m.group(3));
        long length = m.group(4) == null ? -1 : Long.parseLong(m.group(4));
        if (m.group(4) != null && length == 0) {
            throw new ImapSyntaxException("Invalid partial length");
        }
        String label = "BODY[" + m.group(2) + "]" + (start >= 0 ? "<" + start + ">" : "");
        boolean peek = m.group(1).equalsIgnoreCase("BODY.PEEK");
        return section(label, path, text, fields, start, length, !peek);
    }

    private static FetchItem section(String label, int[] path, String text, List<String> fields, long start,
                                     long length, boolean setsSeen) {
        return new FetchItem(Kind.SECTION, new Section(label, path, text, fields, start, length, setsSeen));
    }
}
