package it.pecgateway.receipts.mime;

/**
 * Quoted-printable (RFC 2045 section 6.7) of ISO-8859-1 text: every line ends in CRLF, no encoded line is longer
 * than 76 characters, trailing blanks are encoded. A character outside ISO-8859-1 becomes {@code ?}: the system
 * message bodies are ISO-8859-1 by rule (digest 4.2) and the HTML alternative carries such characters as references.
 */
public final class QuotedPrintable {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final int MAX_LINE = 76;

    private QuotedPrintable() {
    }

    /** Encodes text whose lines are separated by LF; the result is ASCII with CRLF line ends. */
    public static String encodeLatin1(String text) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 8 + 16);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            encodeLine(lines[i], out);
            if (i < lines.length - 1) {
                out.append("\r\n");
            }
        }
        return out.toString();
    }

    private static void encodeLine(String line, StringBuilder out) {
        int column = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\r') {
                continue;
            }
            if (c > 0xff) {
                c = '?';
            }
            boolean last = i == line.length() - 1;
            boolean literal = c >= 33 && c <= 126 && c != '=' || (c == ' ' || c == '\t') && !last;
            int width = literal ? 1 : 3;
            if (column + width > MAX_LINE - (last ? 0 : 1)) {
                out.append("=\r\n");
                column = 0;
            }
            if (literal) {
                out.append(c);
            } else {
                out.append('=').append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            }
            column += width;
        }
    }
}
