package it.pecgateway.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.receipts.testing.TestKit;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.mail.smime.SMIMESigned;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A Java PEC client (Jakarta Mail + BouncyCastle S/MIME) reads and verifies what we write. */
class JakartaMailInteropTest {
    private static final Map<String, byte[]> SAMPLES = TestKit.samples();

    static Stream<String> names() {
        return SAMPLES.keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("names")
    void bouncyCastleSmimeOverAngusMailVerifiesTheSignature(String name) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(SAMPLES.get(name)));

        SMIMESigned signed = new SMIMESigned((MimeMultipart) message.getContent());
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        @SuppressWarnings("unchecked")
        X509CertificateHolder cert = (X509CertificateHolder) signed.getCertificates().getMatches(signer.getSID())
                .iterator().next();

        assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert))).isTrue();
        assertThat(message.getFrom()[0].toString()).contains(TestKit.SERVICE_ADDRESS);
        assertThat(((MimeMultipart) signed.getContent().getContent()).getCount()).isBetween(2, 3);
    }
}
