package it.pecgateway.receipts.mime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The three boundaries of a system message (signed, mixed, alternative), derived from a fresh random token so that
 * a sender cannot plant one inside the original it submits, yet reproducible under a fixed id generator.
 */
public record Boundaries(String signed, String mixed, String alternative) {
    public static Boundaries from(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().withUpperCase().formatHex(digest, 0, 12);
            return new Boundaries("----=_S_" + hex, "----=_M_" + hex, "----=_A_" + hex);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
