package it.pecgateway.receipts.mime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The header section of a message or body part, read from a stream up to and including the empty line, with a cap
 * on its size. What follows in the stream is the body.
 *
 * @param fields     the fields in order, raw
 * @param terminator the empty line that ended the section (CRLF or LF), empty when the stream ended first
 * @param length     bytes consumed from the stream
 */
public record HeaderSection(List<HeaderField> fields, byte[] terminator, long length) {
    public HeaderSection {
        fields = List.copyOf(fields);
    }

    /** Reads a header section; more than {@code maxBytes} is a {@link MimeLimitException}. */
    public static HeaderSection read(InputStream in, int maxBytes) throws IOException, MimeLimitException {
        List<HeaderField> fields = new ArrayList<>();
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        long length = 0;
        while (true) {
            line.reset();
            int b;
            while ((b = in.read()) >= 0) {
                if (++length > maxBytes) {
                    throw new MimeLimitException("header section larger than " + maxBytes + " bytes");
                }
                line.write(b);
                if (b == '\n') {
                    break;
                }
            }
            byte[] bytes = line.toByteArray();
            boolean empty = bytes.length == 0 || isBlankLine(bytes);
            if (empty || bytes[0] != ' ' && bytes[0] != '\t') {
                flush(current, fields);
            }
            if (empty) {
                return new HeaderSection(fields, bytes, length);
            }
            current.write(bytes);
        }
    }

    private static boolean isBlankLine(byte[] line) {
        return line.length == 1 && line[0] == '\n' || line.length == 2 && line[0] == '\r' && line[1] == '\n';
    }

    private static void flush(ByteArrayOutputStream current, List<HeaderField> fields) {
        if (current.size() == 0) {
            return;
        }
        byte[] raw = current.toByteArray();
        current.reset();
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int colon = text.indexOf(':');
        if (colon <= 0) {
            // A line without a colon (for instance a Unix "From " line) is kept as a nameless field.
            fields.add(new HeaderField("", raw));
            return;
        }
        fields.add(new HeaderField(text.substring(0, colon).trim(), raw));
    }

    public Optional<HeaderField> first(String name) {
        return fields.stream().filter(f -> f.is(name)).findFirst();
    }

    public Optional<String> value(String name) {
        return first(name).map(HeaderField::value);
    }

    public List<HeaderField> all(String name) {
        return fields.stream().filter(f -> f.is(name)).toList();
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }
}
