package it.pecgateway.receipts.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EncodingsTest {
    @Test
    void quotedPrintableKeepsLinesShortAndDecodesBack() {
        String text = "è".repeat(100) + " fine riga con spazio \nsecond line=equals\tand tab\t\n€ not latin\n";

        String qp = QuotedPrintable.encodeLatin1(text);

        for (String line : qp.split("\r\n")) {
            assertThat(line.length()).isLessThanOrEqualTo(76);
            assertThat(line).doesNotEndWith(" ").doesNotEndWith("\t");
        }
        assertThat(qp.chars()).allMatch(c -> c < 128);
        String back = new String(TransferDecoding.quotedPrintable(qp.getBytes(StandardCharsets.US_ASCII)),
                StandardCharsets.ISO_8859_1);
        assertThat(back).isEqualTo(text.replace("\n", "\r\n").replace("€", "?"));
    }

    @Test
    void subjectsOutsideAsciiBecomeEncodedWordsAndControlCharactersGo() {
        assertThat(HeaderText.unstructured("Offerta")).isEqualTo("Offerta");
        assertThat(HeaderText.unstructured("ciao\r\nBcc: evil@x.it")).doesNotContain("\r").doesNotContain("\n");
        String encoded = HeaderText.unstructured("Città di €uro ".repeat(8));
        assertThat(encoded).startsWith("=?UTF-8?B?").doesNotContain("€");
        assertThat(HeaderText.field("Subject", encoded).split("\r\n")).allMatch(l -> l.length() <= 78);
    }

    @Test
    void headerTextIsDecodedFromEncodedWordsFromRawUtf8AndKeptWhenItIsNeither() {
        String rawUtf8 = new String("Città perché".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        String rawLatin1 = "Citt\u00e0"; // one byte 0xE0: not valid UTF-8, so it stays ISO-8859-1

        assertThat(HeaderText.decode("=?UTF-8?B?Q2l0dMOg?= ok")).isEqualTo("Città ok");
        assertThat(HeaderText.decode(rawUtf8)).isEqualTo("Città perché");
        assertThat(HeaderText.decode(rawLatin1)).isEqualTo("Città");
        assertThat(HeaderText.decode("=?x-unknown?Q?abc?=")).isEqualTo("=?x-unknown?Q?abc?=");
    }

    @Test
    void crlfStreamsAgreeOnAnyMixOfLineEnds() throws Exception {
        Random random = new Random(7);
        byte[] input = new byte[100_000];
        for (int i = 0; i < input.length; i++) {
            int r = random.nextInt(10);
            input[i] = (byte) (r == 0 ? '\n' : r == 1 ? '\r' : 'a' + r);
        }
        ByteArrayOutputStream viaOutput = new ByteArrayOutputStream();
        try (Crlf crlf = new Crlf(viaOutput)) {
            for (int i = 0; i < input.length; i += 777) {
                crlf.write(input, i, Math.min(777, input.length - i));
            }
        }
        byte[] viaInput = new CrlfInputStream(new ByteArrayInputStream(input)).readAllBytes();

        assertThat(viaInput).isEqualTo(viaOutput.toByteArray());
        String s = new String(viaInput, StandardCharsets.ISO_8859_1);
        assertThat(s.replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void briefTransformHashesNamedPartsAndKeepsASignaturePart() throws Exception {
        String original = String.join("\r\n", "Subject: x", "Content-Type: multipart/signed; boundary=S;"
                + " protocol=\"application/pkcs7-signature\"", "", "--S",
                "Content-Type: multipart/mixed; boundary=M", "", "--M", "Content-Type: text/plain", "", "hello",
                "--M", "Content-Type: message/rfc822", "", "Subject: inner", "", "inner body", "--M",
                "Content-Type: application/octet-stream", "Content-Disposition: attachment; filename=\"a b.bin\"", "",
                "QUJD", "--M--", "--S", "Content-Type: application/pkcs7-signature; name=smime.p7s", "", "SIG", "--S--",
                "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        BriefTransform.transform(new ByteArrayInputStream(original.getBytes(StandardCharsets.US_ASCII)), out);

        String brief = out.toString(StandardCharsets.US_ASCII);
        // B7EC... = printf '%s' QUJD | sha1sum: the hash is over the part body as transmitted (base64 text).
        assertThat(brief).contains("hello\r\n--M").contains("name=\"a b.bin.hash\"")
                .contains("\r\nB7ECEAC98410D063105B40AAEEA98AE29DB56953\r\n--M--")
                .contains("Content-Type: application/pkcs7-signature; name=smime.p7s\r\n\r\nSIG\r\n--S--")
                .doesNotContain("inner body").doesNotContain("QUJD").contains("postacert.eml.hash");
    }
}
