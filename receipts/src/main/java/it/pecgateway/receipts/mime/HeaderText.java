package it.pecgateway.receipts.mime;

import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Header field values we write: control characters removed (no header injection through a subject), non-ASCII text
 * as RFC 2047 encoded words, lines folded before 78 characters.
 */
public final class HeaderText {
    private static final int FOLD_AT = 76;
    private static final int WORD_BYTES = 39;

    private HeaderText() {
    }

    /** One header field, folded, with its CRLF. */
    public static String field(String name, String value) {
        return fold(name + ": " + value) + "\r\n";
    }

    /** Unstructured text (Subject): ASCII kept as is, anything else as UTF-8 encoded words. */
    public static String unstructured(String text) {
        String clean = clean(text);
        if (isPrintableAscii(clean)) {
            return clean;
        }
        StringBuilder out = new StringBuilder();
        int start = 0;
        while (start < clean.length()) {
            int end = start;
            int bytes = 0;
            while (end < clean.length()) {
                int cp = clean.codePointAt(end);
                int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (bytes + len > WORD_BYTES) {
                    break;
                }
                bytes += len;
                end += Character.charCount(cp);
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append("=?UTF-8?B?").append(Base64.getEncoder()
                    .encodeToString(clean.substring(start, end).getBytes(StandardCharsets.UTF_8))).append("?=");
            start = end;
        }
        return out.toString();
    }

    /**
     * Header text as people should read it: RFC 2047 encoded words decoded, and bytes outside ASCII (which the header
     * reader takes as ISO-8859-1) read again as UTF-8 when they are valid UTF-8, since clients that write them raw
     * write UTF-8 (RFC 6532). Text that cannot be decoded is given as received.
     */
    public static String decode(String raw) {
        try {
            return MimeUtility.decodeText(rawUtf8(raw));
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return raw;
        }
    }

    private static String rawUtf8(String latin1) {
        if (latin1.chars().allMatch(c -> c < 0x80)) {
            return latin1;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(latin1.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException e) {
            return latin1;
        }
    }

    /** A quoted-string display name, e.g. {@code "Per conto di: a@b.it"}. */
    public static String quoted(String text) {
        String clean = clean(text);
        if (!isPrintableAscii(clean)) {
            return unstructured(clean);
        }
        return '"' + clean.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** Removes CR, LF and other control characters: header values are one logical line. */
    public static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(c < 0x20 || c == 0x7f ? ' ' : c));
        return out.toString().trim();
    }

    public static boolean isPrintableAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** Folds at the last blank before the limit; a run without blanks stays long (RFC 5322 allows up to 998). */
    static String fold(String line) {
        if (line.length() <= FOLD_AT) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length() + 16);
        String rest = line;
        while (rest.length() > FOLD_AT) {
            int cut = rest.lastIndexOf(' ', FOLD_AT);
            if (cut <= 0) {
                cut = rest.indexOf(' ', FOLD_AT);
            }
            if (cut <= 0) {
                break;
            }
            out.append(rest, 0, cut).append("\r\n");
            rest = rest.substring(cut);
        }
        return out.append(rest).toString();
    }
}
