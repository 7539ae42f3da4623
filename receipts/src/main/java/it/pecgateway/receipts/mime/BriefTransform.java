package it.pecgateway.receipts.mime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
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
    private final MimeCursor cursor;
    private final OutputStream out;

    private BriefTransform(InputStream in, OutputStream out) throws IOException {
        this.cursor = new MimeCursor(in);
        this.out = out;
    }

    public static void transform(InputStream in, OutputStream out) throws IOException {
        BriefTransform t = new BriefTransform(in, out);
        t.entity(0, true, false);
        while (t.cursor.current()) {
            t.writeCurrent();
            t.cursor.advance();
        }
    }

    private void entity(int depth, boolean top, boolean keepWhole) throws IOException {
        byte[] headerBytes;
        HeaderSection headers;
        try {
            headerBytes = cursor.readHeaderBytes(MAX_HEADER_BYTES);
            headers = HeaderSection.read(new ByteArrayInputStream(headerBytes), MAX_HEADER_BYTES + 1);
        } catch (MimeLimitException e) {
            throw new IOException("original message: " + e.getMessage(), e);
        }
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
        cursor.push(boundary);
        copyUntilDelimiter();
        int index = 0;
        while (cursor.delimiter(boundary) == LineReader.Delimiter.OPEN) {
            writeCurrent();
            cursor.advance();
            index++;
            entity(depth + 1, false, signed && index == 2);
        }
        cursor.pop();
        if (cursor.delimiter(boundary) == LineReader.Delimiter.CLOSE) {
            writeCurrent();
            cursor.advance();
            copyUntilDelimiter();
        }
    }

    private void replaceWithHash(String fileName) throws IOException {
        MessageDigest sha1 = sha1();
        LineReader lines = cursor.lines();
        byte[] pendingEnd = new byte[0];
        while (cursor.current() && !cursor.atDelimiter()) {
            sha1.update(pendingEnd);
            int end = lines.endLength();
            sha1.update(lines.bytes(), 0, lines.length() - end);
            pendingEnd = Arrays.copyOfRange(lines.bytes(), lines.length() - end, lines.length());
            cursor.advance();
        }
        String hashName = HeaderText.clean(fileName).replace("\"", "'") + ".hash";
        Ascii.line(out, "Content-Type: text/plain; charset=\"us-ascii\"; name=\"" + hashName + "\"");
        Ascii.line(out, "Content-Disposition: attachment; filename=\"" + hashName + "\"");
        Ascii.line(out, "Content-Transfer-Encoding: 7bit");
        Ascii.line(out, "");
        Ascii.line(out, HexFormat.of().withUpperCase().formatHex(sha1.digest()));
    }

    private void copyUntilDelimiter() throws IOException {
        while (cursor.current() && !cursor.atDelimiter()) {
            writeCurrent();
            cursor.advance();
        }
    }

    private void writeCurrent() throws IOException {
        out.write(cursor.lines().bytes(), 0, cursor.lines().length());
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
