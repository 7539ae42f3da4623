package it.pecgateway.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.receipts.testing.Inspection;
import it.pecgateway.receipts.testing.OutsideTools;
import it.pecgateway.receipts.testing.TestKit;
import it.pecgateway.receipts.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What other providers and clients will run on our messages: openssl for the signature, xmllint for daticert. */
class OutsideToolsTest {
    private static final Map<String, byte[]> SAMPLES = TestKit.samples();
    @TempDir
    static Path dir;
    private static Path ca;

    @BeforeAll
    static void writeCa() throws Exception {
        ca = TestPki.writePem(dir.resolve("ca.pem"), TestKit.pki().root());
    }

    static Stream<String> names() {
        return SAMPLES.keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("names")
    void opensslVerifiesTheSignatureWithTheCa(String name) throws Exception {
        Path file = Files.write(dir.resolve(name), SAMPLES.get(name));

        OutsideTools.Result r = OutsideTools.opensslVerify(file, ca);

        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("Verification successful");
    }

    @ParameterizedTest
    @MethodSource("names")
    void opensslRejectsTheMessageAfterOneChangedByteOfSignedContent(String name) throws Exception {
        String text = new String(SAMPLES.get(name), StandardCharsets.ISO_8859_1);
        int at = text.indexOf("Il giorno 15/01/2026");
        byte[] tampered = SAMPLES.get(name).clone();
        tampered[at + 3] = (byte) 'G';
        Path file = Files.write(dir.resolve("tampered-" + name), tampered);

        OutsideTools.Result r = OutsideTools.opensslVerify(file, ca);

        assertThat(r.exitCode()).as(r.output()).isNotZero();
        assertThat(r.output()).contains("CMS Verification failure").contains("content verify error");
    }

    @ParameterizedTest
    @MethodSource("names")
    void xmllintValidatesDaticertAgainstTheDtd(String name) throws Exception {
        var xml = new Inspection(SAMPLES.get(name)).daticertXml();
        if (name.contains("anomalia")) {
            assertThat(xml).as("anomaly envelopes carry no daticert").isEmpty();
            return;
        }

        OutsideTools.Result r = OutsideTools.xmllintDtd(xml.orElseThrow(), dir);

        assertThat(r.exitCode()).as(r.output()).isZero();
    }
}
