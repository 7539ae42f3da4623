package it.pecgateway.receipts.mime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The original of a brief delivery receipt (digest 5.6.1): the same MIME structure, but every part with a file name
 * (Content-Type name or Content-Disposition filename) and every attached message is replaced by a text/plain part
 * holding the SHA-1 of its content as transmitted, named {@code <file name>.hash}. The signature part of a
 * multipart/signed is kept. Everything else is copied byte for byte, in one streaming pass.
 */
public final class BriefTransform {
    static final int MAX_DEPTH = 20;
    static final int MAX_HEADER_BYTES = 256 * 1024;
    private final LineReader lines;
    private final OutputStream out;
    private final Deque<String> boundaries = new ArrayDeque<>();
    private boolean current;

    private BriefTransform(InputStream in, OutputStream out) {
        this.lines = new LineReader(in, 8192);
        this.out = out;
    }

    public static void transform(InputStream in, OutputStream out) throws IOException {
        BriefTransform t = new BriefTransform(in, out);
        t.advance();
        t.entity(0, true, false);
        while (t.current) {
            t.writeCurrent();
            t.advance();
        }
    }

    private void entity(int depth, boolean top, boolean keepWhole) throws IOException {
        byte[] headerBytes = readHeaderBytes();
        HeaderSection headers = parse(headerBytes);
        ContentType type = headers.value("Content-Type").map(ContentType::parse).orElse(ContentType.TEXT_PLAIN);
        Optional<String> name = headers.value("Content-Disposition").flatMap(d -> ContentType.parameter(d, "filename"))
                .or(() -> type.parameter("name"));
        boolean message = type.mimeType().equals("message/rfc822");
        if (!top && !keepWhole && (name.isPresent() || message)) {
            replaceWithHash(name.orElse("postacert.eml"));
            return;
        }
        out.write(headerBytes);
        Optional<String> boundary = type.parameter("boundary");
        if (type.isMultipart() && boundary.isPresent() && depth < MAX_DEPTH) {
            multipart(boundary.get(), type.mimeType().equals("multipart/signed"), depth);
        } else {
            copyUntilDelimiter();
        }
    }

    private void multipart(String boundary, boolean signed, int depth) throws IOException {
        boundaries.push(boundary);
        copyUntilDelimiter();
        int index = 0;
        while (current && lines.delimiter(boundary) == LineReader.Delimiter.OPEN) {
            writeCurrent();
            advance();
            index++;
            entity(depth + 1, false, signed && index == 2);
        }
        boundaries.pop();
        if (current && lines.delimiter(boundary) == LineReader.Delimiter.CLOSE) {
            writeCurrent();
            advance();
            copyUntilDelimiter();
        }
    }

    private void replaceWithHash(String fileName) throws IOException {
        MessageDigest sha1 = sha1();
        byte[] pendingEnd = new byte[0];
        while (current && !atDelimiter()) {
            sha1.update(pendingEnd);
            int end = lines.endLength();
            sha1.update(lines.bytes(), 0, lines.length() - end);
            pendingEnd = java.util.Arrays.copyOfRange(lines.bytes(), lines.length() - end, lines.length());
            advance();
        }
        String hashName = HeaderText.clean(fileName).replace("\"", "'") + ".hash";
        Ascii.line(out, "Content-Type: text/plain; charset=\"us-ascii\"; name=\"" + hashName + "\"");
        Ascii.line(out, "Content-Disposition: attachment; filename=\"" + hashName + "\"");
        Ascii.line(out, "Content-Transfer-Encoding: 7bit");
        Ascii.line(out, "");
        Ascii.line(out, HexFormat.of().withUpperCase().formatHex(sha1.digest()));
    }

    private byte[] readHeaderBytes() throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        while (current && !atDelimiter()) {
            header.write(lines.bytes(), 0, lines.length());
            if (header.size() > MAX_HEADER_BYTES) {
                throw new IOException("a header section of the original is larger than " + MAX_HEADER_BYTES);
            }
            boolean blank = lines.startsLine() && lines.length() == lines.endLength() && lines.length() > 0;
            advance();
            if (blank) {
                break;
            }
        }
        return header.toByteArray();
    }

    private static HeaderSection parse(byte[] headerBytes) throws IOException {
        try {
            return HeaderSection.read(new ByteArrayInputStream(headerBytes), MAX_HEADER_BYTES + 1);
        } catch (MimeLimitException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private void copyUntilDelimiter() throws IOException {
        while (current && !atDelimiter()) {
            writeCurrent();
            advance();
        }
    }

    private boolean atDelimiter() {
        for (String b : boundaries) {
            if (lines.delimiter(b) != LineReader.Delimiter.NONE) {
                return true;
            }
        }
        return false;
    }

    private void writeCurrent() throws IOException {
        out.write(lines.bytes(), 0, lines.length());
    }

    private void advance() throws IOException {
        current = lines.next();
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
