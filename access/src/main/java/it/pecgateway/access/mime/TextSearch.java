package it.pecgateway.access.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Case-insensitive substring search in the decoded text of a message (SEARCH BODY and TEXT): every text part is
 * decoded from its transfer encoding and charset and scanned as a stream, never loaded whole.
 */
public final class TextSearch {
    private static final int CHUNK = 8192;

    private TextSearch() {
    }

    /** The leaf text parts of a message, encapsulated messages included. */
    public static List<MimePart> textParts(MimePart root) {
        List<MimePart> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(MimePart part, List<MimePart> out) {
        if (part.contentType().isMultipart()) {
            part.children().forEach(c -> collect(c, out));
        } else if (part.message().isPresent()) {
            collect(part.message().get(), out);
        } else if (part.contentType().isText()) {
            out.add(part);
        }
    }

    /**
     * Whether the body of {@code part} contains {@code needle}.
     *
     * @param open opens the stored message from its first byte
     */
    public static boolean contains(Supplier<InputStream> open, MimePart part, String needle) throws IOException {
        try (InputStream raw = open.get()) {
            raw.skipNBytes(part.bodyStart());
            InputStream body = new BoundedInputStream(raw, part.bodySize());
            InputStream decoded = decode(body, part.transferEncoding());
            return contains(new InputStreamReader(decoded, charset(part)), needle);
        }
    }

    public static boolean contains(Reader reader, String needle) throws IOException {
        String wanted = needle.toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return true;
        }
        char[] chunk = new char[CHUNK];
        StringBuilder window = new StringBuilder();
        int n;
        while ((n = reader.read(chunk)) > 0) {
            window.append(new String(chunk, 0, n).toLowerCase(Locale.ROOT));
            if (window.indexOf(wanted) >= 0) {
                return true;
            }
            int keep = Math.min(window.length(), wanted.length() - 1);
            window.delete(0, window.length() - keep);
        }
        return false;
    }

    private static InputStream decode(InputStream body, String encoding) {
        if (!encoding.equals("base64") && !encoding.equals("quoted-printable")) {
            return body;
        }
        try {
            return MimeUtility.decode(body, encoding);
        } catch (MessagingException e) {
            return body;
        }
    }

    private static Charset charset(MimePart part) {
        String name = part.contentType().param("charset").orElse("us-ascii");
        try {
            Charset cs = Charset.forName(MimeUtility.javaCharset(name));
            // US-ASCII text with 8-bit bytes in the wild is nearly always UTF-8
            return cs.equals(StandardCharsets.US_ASCII) ? StandardCharsets.UTF_8 : cs;
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** Decodes RFC 2047 encoded words of a header value; undecodable values are returned as they are. */
    public static String decodeHeader(String raw) {
        String utf8 = new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(utf8));
        } catch (java.io.UnsupportedEncodingException | RuntimeException e) {
            return utf8;
        }
    }
}
