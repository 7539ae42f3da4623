package it.pecgateway.access.imap;

import it.pecgateway.access.mime.MimePart;
import it.pecgateway.mailstore.Blobs;
import it.pecgateway.mailstore.MessageInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The bytes of one body section: a byte range of the stored message (streamed) or, for HEADER.FIELDS, a header
 * subset built in memory. Ranges are exact, so a signed part fetched alone still verifies.
 */
final class SectionData {
    private static final int MAX_HEADER_BYTES = 4 * 1024 * 1024;

    private final long start;
    private final long length;
    private final byte[] built;
    private InputStream opened;

    private SectionData(long start, long length, byte[] built) {
        this.start = start;
        this.length = length;
        this.built = built;
    }

    long length() {
        return built != null ? built.length : length;
    }

    static SectionData of(FetchItem.Section section, MessageInfo message, MimePart root, Blobs blobs) throws IOException {
        SectionData whole = whole(section, message, root, blobs);
        if (section.partialStart() < 0) {
            return whole;
        }
        long total = whole.length();
        long from = Math.min(section.partialStart(), total);
        long to = Math.min(total, section.partialLength() < 0 ? total : from + Math.min(section.partialLength(), total));
        if (whole.built != null) {
            return new SectionData(0, 0, java.util.Arrays.copyOfRange(whole.built, (int) from, (int) to));
        }
        return new SectionData(whole.start + from, to - from, null);
    }

    private static SectionData whole(FetchItem.Section section, MessageInfo message, MimePart root, Blobs blobs)
            throws IOException {
        if (section.path().length == 0 && section.text().isEmpty()) {
            return new SectionData(0, message.size(), null);
        }
        Optional<MimePart> resolved = root.resolve(section.path());
        if (resolved.isEmpty()) {
            return new SectionData(0, 0, null);
        }
        MimePart part = resolved.get();
        MimePart message822 = section.path().length == 0 ? root : part.message().orElse(null);
        switch (section.text()) {
            case "" -> {
                return range(part.bodyStart(), part.bodyEnd());
            }
            case "MIME" -> {
                return range(part.headerStart(), part.bodyStart());
            }
            default -> {
                if (message822 == null) {
                    return new SectionData(0, 0, null);
                }
                if (section.text().equals("TEXT")) {
                    return range(message822.bodyStart(), message822.bodyEnd());
                }
                if (section.text().equals("HEADER")) {
                    return range(message822.headerStart(), message822.bodyStart());
                }
                byte[] header = read(blobs, message, message822.headerStart(), message822.bodyStart());
                return new SectionData(0, 0, subset(header, section.fields(), section.text().endsWith(".NOT")));
            }
        }
    }

    private static SectionData range(long from, long to) {
        return new SectionData(from, Math.max(0, to - from), null);
    }

    private static byte[] read(Blobs blobs, MessageInfo message, long from, long to) throws IOException {
        int n = (int) Math.min(to - from, MAX_HEADER_BYTES);
        try (InputStream in = blobs.open(message.body())) {
            in.skipNBytes(from);
            return in.readNBytes(n);
        }
    }

    /** The fields named (or, with {@code not}, the others), folded lines kept, then the blank line. */
    static byte[] subset(byte[] header, List<String> names, boolean not) {
        String text = new String(header, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int end = fieldEnd(text, i);
            String field = text.substring(i, end);
            int colon = field.indexOf(':');
            if (colon > 0 && !field.isBlank()) {
                String name = field.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
                if (names.contains(name) != not) {
                    out.append(field);
                    if (!field.endsWith("\n")) {
                        out.append("\r\n");
                    }
                }
            }
            i = end;
        }
        out.append("\r\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** End of the field starting at {@code from}: after its last line, continuation lines included. */
    private static int fieldEnd(String text, int from) {
        int i = from;
        while (true) {
            int lf = text.indexOf('\n', i);
            if (lf < 0) {
                return text.length();
            }
            i = lf + 1;
            if (i >= text.length() || (text.charAt(i) != ' ' && text.charAt(i) != '\t')) {
                return i;
            }
        }
    }

    /** Opens the stored body at the section's start: done before the response line, so that a failure is clean. */
    void open(Blobs blobs, MessageInfo message) throws IOException {
        if (built == null && length > 0) {
            opened = blobs.open(message.body());
            try {
                opened.skipNBytes(start);
            } catch (IOException e) {
                close();
                throw e;
            }
        }
    }

    void close() {
        if (opened != null) {
            try {
                opened.close();
            } catch (IOException ignored) {
                // read-only stream
            }
            opened = null;
        }
    }

    /** Writes the section as a literal; a read failure half way leaves the stream unusable (the caller hangs up). */
    void writeTo(ImapWriter out) throws IOException {
        if (built != null) {
            out.literal(built);
            return;
        }
        if (length == 0) {
            out.raw("\"\"");
            return;
        }
        try {
            out.literal(opened, length);
        } catch (IOException e) {
            throw new BrokenResponseException(e);
        } finally {
            close();
        }
    }
}
