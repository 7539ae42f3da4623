package it.pecgateway.receipts.read;

import static it.pecgateway.receipts.testing.Fixtures.ACCETTAZIONE;
import static it.pecgateway.receipts.testing.Fixtures.CONSEGNA;
import static it.pecgateway.receipts.testing.Fixtures.MANCATA_CONSEGNA;
import static it.pecgateway.receipts.testing.Fixtures.real;
import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.certs.Fingerprints;
import it.pecgateway.certs.ProviderEntry;
import it.pecgateway.certs.ProvidersIndex;
import it.pecgateway.receipts.ByteSource;
import it.pecgateway.receipts.ReceiptType;
import it.pecgateway.receipts.daticert.Daticert;
import it.pecgateway.receipts.daticert.DaticertTipo;
import it.pecgateway.receipts.daticert.Destinatario;
import it.pecgateway.receipts.daticert.Errore;
import it.pecgateway.receipts.smime.TrustPolicy;
import it.pecgateway.receipts.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RealFixturesTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);
    private static final String ID_CONSEGNA = "opec296.20211214143608.11149.382.1.69@pec.aruba.it";

    private static Classification classifyTrustingAgid(byte[] message) throws Exception {
        PecReader reader = new PecReader(TrustPolicy.anchors(List.of(Fixtures.agidCa1(message))), NOW);
        return reader.classify(ByteSource.of(message));
    }

    @Test
    void arubaAcceptanceIsAVerifiedAcceptanceWithEveryDaticertField() throws Exception {
        Classification c = classifyTrustingAgid(real(ACCETTAZIONE));

        assertThat(c).isInstanceOf(Classification.Receipt.class);
        Classification.Receipt r = (Classification.Receipt) c;
        assertThat(r.kind()).isEqualTo(ReceiptKind.ACCEPTANCE);
        assertThat(r.daticert()).isEqualTo(new Daticert(DaticertTipo.ACCETTAZIONE, Errore.NESSUNO,
                "testflosslab@pec.it",
                List.of(new Destinatario("flosslabtest@legalmail.it", true),
                        new Destinatario("test01@pec.flosslab.it", true)),
                "testflosslab@pec.it", Optional.of("Subject test prova pec"), "ARUBA PEC S.p.A.",
                "14/12/2021", "14:36:08", "+0100", ID_CONSEGNA,
                Optional.of("<R43XS7$8A2B712B1EC45527B69E94AB60B8CA07@pec.it>"), Optional.empty(), Optional.empty(),
                List.of(), Optional.empty()));
        assertThat(r.signature().valid()).isTrue();
        assertThat(r.signature().digestAlgorithm()).isEqualTo("SHA-1");
        assertThat(r.signature().signingTime()).contains(Instant.parse("2021-12-14T13:36:08Z"));
        assertThat(r.headers().from()).isEqualTo("posta-certificata@pec.aruba.it");
        assertThat(r.headers().subject()).contains("ACCETTAZIONE: Subject test prova pec");
    }

    @Test
    void expiredSignerCertificateKeepsTheReceiptValidAndIsReportedAsANote() throws Exception {
        Classification.Receipt r = (Classification.Receipt) classifyTrustingAgid(real(ACCETTAZIONE));

        assertThat(r.signature().valid()).isTrue();
        assertThat(r.signature().notes()).anySatisfy(n -> assertThat(n).contains("expired on 2023-10-08"));
    }

    @Test
    void arubaDeliveryReceiptWithoutOriginalIsTheConciseForm() throws Exception {
        Classification.Receipt r = (Classification.Receipt) classifyTrustingAgid(real(CONSEGNA));

        assertThat(r.kind()).isEqualTo(ReceiptKind.DELIVERY_CONCISE);
        assertThat(r.postacert()).isEmpty();
        Daticert d = r.daticert();
        assertThat(d.tipo()).isEqualTo(DaticertTipo.AVVENUTA_CONSEGNA);
        assertThat(d.ricevuta()).contains(ReceiptType.COMPLETA);
        assertThat(d.consegna()).contains("test01@pec.flosslab.it");
        assertThat(d.identificativo()).isEqualTo(ID_CONSEGNA);
        assertThat(d.destinatari()).hasSize(2);
        assertThat(d.giorno() + " " + d.ora() + " " + d.zona()).isEqualTo("14/12/2021 14:36:08 +0100");
        assertThat(r.signature().valid()).isTrue();
    }

    @Test
    void arubaNonDeliveryCarriesNoDestAndTheExtendedError() throws Exception {
        Classification.Receipt r = (Classification.Receipt) classifyTrustingAgid(real(MANCATA_CONSEGNA));

        assertThat(r.kind()).isEqualTo(ReceiptKind.NON_DELIVERY);
        Daticert d = r.daticert();
        assertThat(d.errore()).isEqualTo(Errore.NO_DEST);
        assertThat(d.consegna()).contains("provaprova@pec.flosslab.it");
        assertThat(d.erroreEsteso()).contains("5.1.1 - Aruba Pec S.p.A. - indirizzo non valido");
        assertThat(d.msgid()).contains("<R43YMM$D7F793DD43B6B427D6C13182BD067782@pec.it>");
        assertThat(d.identificativo()).isEqualTo("opec296.20211214145423.22932.377.1.68@pec.aruba.it");
        assertThat(d.oggetto()).contains("prova");
    }

    @Test
    void withoutAnyTrustTheRealMessageFailsWithTheReason() {
        PecReader reader = new PecReader(TrustPolicy.anchors(List.of()), NOW);

        Classification c = reader.classify(ByteSource.of(real(ACCETTAZIONE)));

        assertThat(c).isInstanceOf(Classification.FailedPec.class);
        assertThat(((Classification.FailedPec) c).reason()).contains("no trusted certificate");
        assertThat(((Classification.FailedPec) c).daticert()).isPresent();
    }

    @Test
    void aProviderInTheIndexIsTrustedByItsCertificateHash() throws Exception {
        byte[] message = real(MANCATA_CONSEGNA);
        var signer = Fixtures.arubaSigner(message);
        ProvidersIndex index = new ProvidersIndex(List.of(new ProviderEntry("Aruba PEC S.p.A.",
                "posta-certificata@pec.aruba.it", Set.of("pec.aruba.it", "pec.it"), List.of(signer),
                Set.of(Fingerprints.sha1Hex(signer)))));

        Classification c = PecReader.forProviders(index, NOW).classify(ByteSource.of(message));

        assertThat(c).isInstanceOf(Classification.Receipt.class);
        assertThat(((Classification.Receipt) c).signature().provider()).contains("Aruba PEC S.p.A.");
        assertThat(Fingerprints.sha1Hex(signer)).isEqualTo("06B2539D100FEF15BBCC875739385BCAFB07E85D");
    }

    @Test
    void theIndexRuleRefusesASignerNotListedEvenWhenItsChainIsFine() {
        Classification c = PecReader.forProviders(ProvidersIndex.empty(), NOW)
                .classify(ByteSource.of(real(ACCETTAZIONE)));

        assertThat(c).isInstanceOf(Classification.FailedPec.class);
        assertThat(c.summary()).contains("not in the providers index");
    }

    @Test
    void lfOnlyCopyOfARealMessageStillVerifies() throws Exception {
        byte[] crlf = real(CONSEGNA);
        byte[] lf = new String(crlf, StandardCharsets.ISO_8859_1).replace("\r\n", "\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        Classification c = classifyTrustingAgid(lf);

        assertThat(c).isInstanceOf(Classification.Receipt.class);
    }

    @Test
    void oneChangedByteInTheSignedTextBreaksTheSignature() throws Exception {
        String text = new String(real(ACCETTAZIONE), StandardCharsets.ISO_8859_1);
        byte[] tampered = text.replaceFirst("ed indirizzato a:", "ed indirizzato A:").getBytes(StandardCharsets.ISO_8859_1);

        Classification c = classifyTrustingAgid(tampered);

        assertThat(c).isInstanceOf(Classification.FailedPec.class);
        assertThat(c.summary()).contains("altered");
    }
}
