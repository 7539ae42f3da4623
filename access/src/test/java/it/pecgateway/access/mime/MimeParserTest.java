package it.pecgateway.access.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MimeParserTest {
    static final String SIGNED = ""
            + "From: posta-certificata@pec.example.it\r\n"
            + "Subject: ACCETTAZIONE: prova\r\n"
            + "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256;\r\n"
            + " boundary=\"outer\"\r\n"
            + "\r\n"
            + "This is an S/MIME signed message\r\n"
            + "--outer\r\n"
            + "Content-Type: multipart/mixed; boundary=inner\r\n"
            + "\r\n"
            + "--inner\r\n"
            + "Content-Type: text/plain; charset=iso-8859-1\r\n"
            + "\r\n"
            + "Ricevuta di accettazione\r\n"
            + "riga due\r\n"
            + "--inner\r\n"
            + "Content-Type: message/rfc822\r\n"
            + "Content-Disposition: attachment; filename=\"postacert.eml\"\r\n"
            + "\r\n"
            + "Subject: originale\r\n"
            + "From: a@b.it\r\n"
            + "\r\n"
            + "corpo\r\n"
            + "--inner--\r\n"
            + "--outer\r\n"
            + "Content-Type: application/pkcs7-signature; name=smime.p7s\r\n"
            + "Content-Transfer-Encoding: base64\r\n"
            + "\r\n"
            + "AAECAwQ=\r\n"
            + "--outer--\r\n";

    static MimePart parse(String message) throws IOException {
        return MimeParser.parse(new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1)));
    }

    static String range(String message, long from, long to) {
        return message.substring((int) from, (int) to);
    }

    @Test
    void signedPartRangesAreByteExact() throws IOException {
        MimePart root = parse(SIGNED);
        assertThat(root.contentType().is("multipart", "signed")).isTrue();
        assertThat(root.children()).hasSize(2);
        MimePart signed = root.children().get(0);
        int start = SIGNED.indexOf("--outer\r\n") + "--outer\r\n".length();
        int end = SIGNED.indexOf("\r\n--outer\r\n", start);
        assertThat(range(SIGNED, signed.headerStart(), signed.bodyEnd())).isEqualTo(SIGNED.substring(start, end));
        assertThat(range(SIGNED, signed.headerStart(), signed.bodyStart()))
                .isEqualTo("Content-Type: multipart/mixed; boundary=inner\r\n\r\n");
        MimePart text = root.resolve(new int[] {1, 1}).orElseThrow();
        assertThat(range(SIGNED, text.bodyStart(), text.bodyEnd())).isEqualTo("Ricevuta di accettazione\r\nriga due");
        assertThat(text.bodyLines()).isEqualTo(2);
        MimePart signature = root.resolve(new int[] {2}).orElseThrow();
        assertThat(range(SIGNED, signature.bodyStart(), signature.bodyEnd())).isEqualTo("AAECAwQ=");
        assertThat(signature.transferEncoding()).isEqualTo("base64");
    }

    @Test
    void encapsulatedMessagesAreNumberedLikeRfc3501Says() throws IOException {
        MimePart root = parse(SIGNED);
        MimePart attached = root.resolve(new int[] {1, 2}).orElseThrow();
        assertThat(attached.contentType().is("message", "rfc822")).isTrue();
        MimePart inner = attached.message().orElseThrow();
        assertThat(inner.field("subject")).contains("originale");
        assertThat(range(SIGNED, attached.bodyStart(), attached.bodyEnd()))
                .isEqualTo("Subject: originale\r\nFrom: a@b.it\r\n\r\ncorpo");
        MimePart innerBody = root.resolve(new int[] {1, 2, 1}).orElseThrow();
        assertThat(range(SIGNED, innerBody.bodyStart(), innerBody.bodyEnd())).isEqualTo("corpo");
        assertThat(root.resolve(new int[] {3})).isEmpty();
        assertThat(root.resolve(new int[] {1, 1, 1})).isEmpty();
    }

    @Test
    void aSinglePartMessageIsItsOwnPartOne() throws IOException {
        String m = "Subject: x\r\n\r\nhello\r\n";
        MimePart root = parse(m);
        assertThat(root.resolve(new int[] {1})).contains(root);
        assertThat(range(m, root.bodyStart(), root.bodyEnd())).isEqualTo("hello\r\n");
        assertThat(root.contentType()).isEqualTo(ContentType.TEXT_PLAIN);
    }

    @Test
    void malformedInputStillYieldsAStructure() throws IOException {
        MimePart missingClose = parse("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\nonly part, never closed\r\n");
        assertThat(missingClose.children()).hasSize(1);
        MimePart noBoundary = parse("Content-Type: multipart/mixed\r\n\r\nbody\r\n");
        assertThat(noBoundary.children()).isEmpty();
        MimePart bareLf = parse("Subject: lf\n\nline1\nline2\n");
        assertThat(bareLf.bodyLines()).isEqualTo(2);
        MimePart empty = parse("");
        assertThat(empty.bodySize()).isZero();
    }

    @Test
    void aHugeBodyIsParsedWithoutHoldingIt() throws IOException {
        long size = 40L * 1024 * 1024;
        InputStream big = new InputStream() {
            final byte[] header = "Content-Type: application/octet-stream\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            long pos;

            @Override
            public int read() {
                if (pos >= size) {
                    return -1;
                }
                long p = pos++;
                if (p < header.length) {
                    return header[(int) p];
                }
                return p % 77 == 76 ? '\n' : 'A';
            }
        };
        MimePart root = MimeParser.parse(big);
        assertThat(root.bodyEnd()).isEqualTo(size);
        assertThat(root.bodyStart()).isEqualTo(42);
    }

    @Test
    void addressesAndContentTypesParseTheWayEnvelopesNeed() {
        List<Address> list = AddressParser.parse("\"Rossi, Mario\" <mario@pec.it>, anna@pec.it (Anna), "
                + "Undisclosed:;, team: a@x.it, b@y.it;");
        assertThat(list).containsExactly(
                new Address("Rossi, Mario", null, "mario", "pec.it"),
                new Address("Anna", null, "anna", "pec.it"),
                Address.groupStart("Undisclosed"), Address.groupEnd(),
                Address.groupStart("team"), new Address(null, null, "a", "x.it"), new Address(null, null, "b", "y.it"),
                Address.groupEnd());
        ContentType ct = ContentType.parse("text/plain; charset=\"utf-8\" (comment); format=flowed", ContentType.TEXT_PLAIN);
        assertThat(ct.params()).containsExactly(new ContentType.Param("charset", "utf-8"), new ContentType.Param("format", "flowed"));
        assertThat(ContentType.parse("garbage", ContentType.TEXT_PLAIN)).isEqualTo(ContentType.TEXT_PLAIN);
    }
}
