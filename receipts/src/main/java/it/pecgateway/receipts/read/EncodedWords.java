package it.pecgateway.receipts.read;

import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;

/** RFC 2047 decoding of header text for display; undecodable text is shown as received. */
final class EncodedWords {
    private EncodedWords() {
    }

    static String decode(String text) {
        try {
            return MimeUtility.decodeText(text);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return text;
        }
    }
}
