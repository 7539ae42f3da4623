package it.pecgateway.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.receipts.mime.Boundaries;
import it.pecgateway.receipts.read.Classification;
import it.pecgateway.receipts.read.PecReader;
import it.pecgateway.receipts.smime.SmimeSigner;
import it.pecgateway.receipts.smime.TrustPolicy;
import it.pecgateway.receipts.testing.TestKit;
import it.pecgateway.receipts.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile or broken input gets a classification with a reason: never an exception, never unbounded memory. */
class MalformedInputTest {
    private final PecReader reader = new PecReader(TrustPolicy.anchors(List.of(TestKit.pki().root())), TestKit.CLOCK);

    private Classification classify(byte[] bytes) {
        return reader.classify(ByteSource.of(bytes));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A correctly signed message with the given PEC header and daticert bytes (or none). */
    private static byte[] signed(String pecHeader, Optional<byte[]> daticert) throws Exception {
        SignedMessageWriter writer = new SignedMessageWriter(
                new SmimeSigner(TestKit.pki().signing(), TestKit.SERVICE_ADDRESS), SigningObserver.NONE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<byte[]> headers = List.of(ascii("From: " + TestKit.SERVICE_ADDRESS + "\r\n"), ascii("To: a@b.it\r\n"),
                ascii("Subject: ACCETTAZIONE: x\r\n"), ascii(pecHeader + "\r\n"));
        writer.write(out, headers, Boundaries.from("x"), TestKit.NOW, new Body("t", List.of("l")), daticert,
                Optional.empty());
        return out.toByteArray();
    }

    @Test
    void emptyInputIsUnreadable() {
        assertThat(classify(new byte[0])).isInstanceOf(Classification.Unreadable.class)
                .extracting(Classification::summary).asString().contains("no header section");
    }

    @Test
    void ordinaryMailIsNotPec() {
        Classification c = classify(ascii("From: a@b.it\r\nTo: c@d.it\r\nSubject: hi\r\n\r\nhello\r\n"));

        assertThat(c).isInstanceOf(Classification.NotPec.class);
        assertThat(c.summary()).contains("no X-Trasporto or X-Ricevuta");
    }

    @Test
    void truncatedMimeIsAFailedPecSayingSo() {
        byte[] whole = TestKit.samples().get("02-accettazione.eml");
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);

        Classification c = classify(cut);

        assertThat(c).isInstanceOf(Classification.FailedPec.class);
        assertThat(c.summary()).contains("truncated");
    }

    @Test
    void aReceiptWithoutDaticertFails() throws Exception {
        Classification c = classify(signed("X-Ricevuta: accettazione", Optional.empty()));

        assertThat(c).isInstanceOf(Classification.FailedPec.class);
        assertThat(c.summary()).contains("no daticert.xml part");
    }

    @Test
    void aDaticertWithABadEnumValueFailsWithTheDtdReason() throws Exception {
        String xml = daticertXml().replace("tipo=\"accettazione\"", "tipo=\"consegnata-forse\"");

        Classification c = classify(signed("X-Ricevuta: accettazione", Optional.of(ascii(xml))));

        assertThat(c).isInstanceOf(Classification.FailedPec.class);
        assertThat(c.summary()).contains("daticert.xml").contains("not valid against the DTD");
    }

    @Test
    void aDaticertWithADoctypeIsRefusedBeforeAnyEntityIsRead() throws Exception {
        String xml = daticertXml().replace("<postacert", "<!DOCTYPE postacert [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<postacert")
                .replace("<oggetto>Offerta n. 42</oggetto>", "<oggetto>&x;</oggetto>");

        Classification c = classify(signed("X-Ricevuta: accettazione", Optional.of(ascii(xml))));

        assertThat(c.summary()).contains("DOCTYPE");
    }

    @Test
    void headerAndDaticertThatDisagreeFail() throws Exception {
        Classification c = classify(signed("X-Ricevuta: avvenuta-consegna", Optional.of(ascii(daticertXml()))));

        assertThat(c.summary()).contains("X-Ricevuta says avvenuta-consegna but daticert tipo is accettazione");
    }

    @Test
    void anUnknownXRicevutaValueFails() throws Exception {
        Classification c = classify(signed("X-Ricevuta: consegnata", Optional.of(ascii(daticertXml()))));

        assertThat(c.summary()).contains("unknown X-Ricevuta value consegnata");
    }

    @Test
    void aBrokenSignatureFails() {
        String text = new String(TestKit.samples().get("02-accettazione.eml"), StandardCharsets.ISO_8859_1);
        int sig = text.indexOf("filename=\"smime.p7s\"\r\n\r\n") + 30;
        char[] chars = text.toCharArray();
        for (int i = sig + 400; i < sig + 420; i++) {
            chars[i] = chars[i] == 'A' ? 'B' : 'A';
        }

        Classification c = classify(ascii(new String(chars)));

        assertThat(c).isInstanceOf(Classification.FailedPec.class);
        assertThat(c.summary()).contains("signature");
    }

    @Test
    void aFromThatIsNotTheCertificateAddressFails() {
        String text = new String(TestKit.samples().get("02-accettazione.eml"), StandardCharsets.ISO_8859_1)
                .replace("From: posta-certificata@pec.example.it", "From: posta-certificata@pec.other.it");

        Classification c = classify(ascii(text));

        assertThat(c.summary()).contains("is not the signer certificate's address");
    }

    @Test
    void aTenMegabyteHeaderLineIsRefusedAtTheCap() {
        byte[] bytes = new byte[10 << 20];
        Arrays.fill(bytes, (byte) 'a');
        System.arraycopy(ascii("X-Ricevuta: accettazione\r\nX-Long: "), 0, bytes, 0, 34);

        Classification c = classify(bytes);

        assertThat(c).isInstanceOf(Classification.Unreadable.class);
        assertThat(c.summary()).contains("header section larger than 262144 bytes");
    }

    @Test
    void tenMegabytesOfShortHeaderLinesAreRefusedAtTheCap() {
        byte[] bytes = ascii("X-A: b\r\n".repeat((10 << 20) / 8));

        assertThat(classify(bytes).summary()).contains("header section larger than");
    }

    @Test
    void deepNestingIsRefusedAtTheDepthCap() {
        StringBuilder m = new StringBuilder("X-Ricevuta: accettazione\r\n");
        for (int i = 0; i < 200; i++) {
            m.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i)
                    .append("\r\n");
        }

        Classification c = classify(ascii(m.toString()));

        assertThat(c).isInstanceOf(Classification.Unreadable.class);
        assertThat(c.summary()).contains("nesting deeper than 16");
    }

    @Test
    void tooManyPartsAreRefusedAtThePartCap() {
        StringBuilder m = new StringBuilder("X-Ricevuta: accettazione\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n");
        for (int i = 0; i < 5000; i++) {
            m.append("--b\r\n\r\nx\r\n");
        }
        m.append("--b--\r\n");

        assertThat(classify(ascii(m.toString())).summary()).contains("more than 1000 MIME parts");
    }

    @Test
    void manyPartsWithLargeHeadersAreRefusedAtTheTotalHeaderCap() {
        String bigHeader = "X-Pad: " + "p".repeat(200 * 1024) + "\r\n";
        StringBuilder m = new StringBuilder("X-Ricevuta: accettazione\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n");
        for (int i = 0; i < 30; i++) {
            m.append("--b\r\n").append(bigHeader).append("\r\nx\r\n");
        }
        m.append("--b--\r\n");

        assertThat(classify(ascii(m.toString())).summary()).contains("header sections larger than 4194304 bytes in all");
    }

    @Test
    void randomBytesNeverEscapeAsAnException() {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] junk = new byte[random.nextInt(4096)];
            random.nextBytes(junk);
            assertThat(classify(junk)).isNotNull();
        }
        byte[] sample = TestKit.samples().get("01-busta-di-trasporto.eml");
        for (int i = 0; i < 200; i++) {
            byte[] mutated = sample.clone();
            for (int j = 0; j < 20; j++) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            assertThat(classify(mutated)).isNotNull();
        }
    }

    @Test
    void aSignerCertificateNotYetValidAtTheCertifiedTimeFails() throws Exception {
        TestPki late = TestPki.create(TestKit.SERVICE_ADDRESS, "Late", Instant.parse("2027-01-01T00:00:00Z"),
                Instant.parse("2030-01-01T00:00:00Z"));
        PecMessages messages = new PecMessages(new PecSettings(TestKit.PROVIDER, TestKit.SERVICE_ADDRESS),
                late.signing(), Clock.fixed(TestKit.NOW, ZoneOffset.UTC), TestKit.sequence());
        byte[] acceptance = new PecSamples(messages).all().get("02-accettazione.eml");

        Classification c = new PecReader(TrustPolicy.anchors(List.of(late.root())), TestKit.CLOCK)
                .classify(ByteSource.of(acceptance));

        assertThat(c).isInstanceOf(Classification.FailedPec.class);
        assertThat(c.summary()).contains("not valid at the signing time");
    }

    private static String daticertXml() throws Exception {
        return new String(new it.pecgateway.receipts.testing.Inspection(TestKit.samples().get("02-accettazione.eml"))
                .daticertXml().orElseThrow(), StandardCharsets.UTF_8);
    }
}
