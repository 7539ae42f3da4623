package it.pecgateway.access.imap;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * RFC 3501 5.1.3 mailbox name encoding: printable ASCII as is ({@code &} as {@code &-}), everything else as
 * modified BASE64 of UTF-16 between {@code &} and {@code -}. The store keeps names in Unicode.
 */
final class ModifiedUtf7 {
    private ModifiedUtf7() {
    }

    static String encode(String name) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c == '&') {
                out.append("&-");
                i++;
            } else if (c >= 0x20 && c <= 0x7e) {
                out.append(c);
                i++;
            } else {
                int start = i;
                while (i < name.length() && (name.charAt(i) < 0x20 || name.charAt(i) > 0x7e)) {
                    i++;
                }
                byte[] utf16 = name.substring(start, i).getBytes(StandardCharsets.UTF_16BE);
                String b64 = Base64.getEncoder().withoutPadding().encodeToString(utf16).replace('/', ',');
                out.append('&').append(b64).append('-');
            }
        }
        return out.toString();
    }

    /** Decodes; a malformed name is refused (clients must not invent names in raw 8-bit). */
    static String decode(String wire) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < wire.length()) {
            char c = wire.charAt(i);
            if (c > 0x7e) {
                // tolerate UTF-8 names from clients that do not encode (UTF8=ACCEPT style)
                out.append(c);
                i++;
            } else if (c != '&') {
                out.append(c);
                i++;
            } else {
                int end = wire.indexOf('-', i);
                if (end < 0) {
                    throw new ImapSyntaxException("Invalid mailbox name");
                }
                if (end == i + 1) {
                    out.append('&');
                } else {
                    try {
                        byte[] utf16 = Base64.getDecoder().decode(wire.substring(i + 1, end).replace(',', '/'));
                        out.append(StandardCharsets.UTF_16BE.decode(ByteBuffer.wrap(utf16)));
                    } catch (IllegalArgumentException e) {
                        throw new ImapSyntaxException("Invalid mailbox name");
                    }
                }
                i = end + 1;
            }
        }
        return out.toString();
    }
}
