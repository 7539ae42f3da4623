package it.pecgateway.receipts;

import it.pecgateway.receipts.mime.Ascii;
import it.pecgateway.receipts.mime.Boundaries;
import it.pecgateway.receipts.mime.QuotedPrintable;
import it.pecgateway.receipts.mime.Tee;
import it.pecgateway.receipts.smime.SmimeSigner;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Writes one signed system message (digest 4.2) straight to a stream: top headers, then the first part (the
 * {@code multipart/mixed} with the texts, daticert.xml and postacert.eml) written once while the signature digest
 * sees the same bytes, then the detached signature. No MimeMessage, no re-serialisation.
 */
final class SignedMessageWriter {
    static final String PREAMBLE = "This is an S/MIME signed message";
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(76, Ascii.CRLF);
    private final SmimeSigner signer;
    private final SigningObserver observer;

    SignedMessageWriter(SmimeSigner signer, SigningObserver observer) {
        this.signer = signer;
        this.observer = observer;
    }

    /**
     * @param headers     top header fields, each already folded and ending in CRLF, without MIME-Version and
     *                    Content-Type (written here)
     * @param signingTime the certified time, also the CMS signingTime
     */
    void write(OutputStream destination, List<byte[]> headers, Boundaries boundaries, Instant signingTime, Body body,
            Optional<byte[]> daticert, Optional<Attachment> postacert) throws IOException {
        OutputStream out = new BufferedOutputStream(destination, 1 << 14);
        for (byte[] header : headers) {
            out.write(header);
        }
        Ascii.line(out, "MIME-Version: 1.0");
        Ascii.line(out, "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg="
                + SmimeSigner.MICALG + ";");
        Ascii.line(out, "\tboundary=\"" + boundaries.signed() + "\"");
        Ascii.line(out, "");
        Ascii.line(out, PREAMBLE);
        Ascii.line(out, "");
        Ascii.line(out, "--" + boundaries.signed());
        SmimeSigner.Session signature = signer.start(signingTime);
        writeFirstPart(new Tee(out, signature.content()), boundaries, body, daticert, postacert);
        long signing = System.nanoTime();
        byte[] cms = signature.finish();
        observer.signed(System.nanoTime() - signing);
        Ascii.line(out, "");
        Ascii.line(out, "--" + boundaries.signed());
        Ascii.line(out, "Content-Type: application/pkcs7-signature; name=\"smime.p7s\"");
        Ascii.line(out, "Content-Transfer-Encoding: base64");
        Ascii.line(out, "Content-Disposition: attachment; filename=\"smime.p7s\"");
        Ascii.line(out, "");
        out.write(BASE64.encode(cms));
        Ascii.line(out, "");
        Ascii.line(out, "--" + boundaries.signed() + "--");
        out.flush();
    }

    /** The signed content: it starts at its own headers and ends right before the CRLF of the next delimiter. */
    private static void writeFirstPart(OutputStream out, Boundaries b, Body body, Optional<byte[]> daticert,
            Optional<Attachment> postacert) throws IOException {
        Ascii.line(out, "Content-Type: multipart/mixed; boundary=\"" + b.mixed() + "\"");
        Ascii.line(out, "");
        Ascii.line(out, "--" + b.mixed());
        Ascii.line(out, "Content-Type: multipart/alternative; boundary=\"" + b.alternative() + "\"");
        Ascii.line(out, "");
        Ascii.line(out, "--" + b.alternative());
        textPart(out, "text/plain", body.plainText());
        Ascii.line(out, "--" + b.alternative());
        textPart(out, "text/html", body.html());
        Ascii.line(out, "--" + b.alternative() + "--");
        if (daticert.isPresent()) {
            Ascii.line(out, "");
            Ascii.line(out, "--" + b.mixed());
            Ascii.line(out, "Content-Type: application/xml; name=\"daticert.xml\"");
            Ascii.line(out, "Content-Disposition: inline; filename=\"daticert.xml\"");
            Ascii.line(out, "Content-Transfer-Encoding: base64");
            Ascii.line(out, "");
            out.write(BASE64.encode(daticert.get()));
        }
        if (postacert.isPresent()) {
            Ascii.line(out, "");
            Ascii.line(out, "--" + b.mixed());
            Ascii.line(out, "Content-Type: message/rfc822; name=\"postacert.eml\"");
            Ascii.line(out, "Content-Disposition: inline; filename=\"postacert.eml\"");
            Ascii.line(out, "");
            postacert.get().writeTo(out);
        }
        Ascii.line(out, "");
        // The close delimiter ends with its CRLF inside the signed content, as Aruba and Namirial write it:
        // BouncyCastle's S/MIME verifier (and so Java PEC clients) re-serialises the part that way.
        Ascii.line(out, "--" + b.mixed() + "--");
    }

    private static void textPart(OutputStream out, String type, String text) throws IOException {
        Ascii.line(out, "Content-Type: " + type + "; charset=\"iso-8859-1\"");
        Ascii.line(out, "Content-Transfer-Encoding: quoted-printable");
        Ascii.line(out, "");
        out.write(QuotedPrintable.encodeLatin1(text).getBytes(StandardCharsets.US_ASCII));
        Ascii.line(out, "");
    }
}
