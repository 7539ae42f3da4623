package it.pecgateway.receipts.mime;

import it.pecgateway.receipts.ByteSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;

/** Decodes a part body (base64, quoted-printable or identity) read from its raw range, with a size cap. */
public final class TransferDecoding {
    private TransferDecoding() {
    }

    public static byte[] decode(ByteSource raw, String encoding, int maxBytes) throws IOException {
        if (raw.size() > 2L * maxBytes) {
            throw new IOException("part larger than " + maxBytes + " bytes");
        }
        byte[] bytes;
        try (InputStream in = raw.open()) {
            bytes = in.readNBytes(2 * maxBytes + 1);
        }
        byte[] decoded = switch (encoding) {
            case "base64" -> base64(bytes);
            case "quoted-printable" -> quotedPrintable(bytes);
            default -> bytes;
        };
        if (decoded.length > maxBytes) {
            throw new IOException("part larger than " + maxBytes + " bytes");
        }
        return decoded;
    }

    private static byte[] base64(byte[] bytes) throws IOException {
        try {
            return Base64.getMimeDecoder().decode(bytes);
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid base64: " + e.getMessage(), e);
        }
    }

    static byte[] quotedPrintable(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b != '=') {
                out.write(b);
                continue;
            }
            if (i + 1 < bytes.length && bytes[i + 1] == '\n') {
                i += 1;
            } else if (i + 2 < bytes.length && bytes[i + 1] == '\r' && bytes[i + 2] == '\n') {
                i += 2;
            } else if (i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
                out.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
