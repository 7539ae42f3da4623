package it.pecgateway.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.certs.Fingerprints;
import it.pecgateway.certs.ProviderEntry;
import it.pecgateway.certs.ProvidersIndex;
import it.pecgateway.receipts.read.Classification;
import it.pecgateway.receipts.read.PecReader;
import it.pecgateway.receipts.read.ReceiptKind;
import it.pecgateway.receipts.smime.TrustPolicy;
import it.pecgateway.receipts.testing.TestKit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every message we write is read back by our own reader as the kind it is, with a valid signature. */
class RoundTripTest {
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("01-busta-di-trasporto.eml", "envelope"),
            Map.entry("02-accettazione.eml", ReceiptKind.ACCEPTANCE.name()),
            Map.entry("03-non-accettazione.eml", ReceiptKind.NON_ACCEPTANCE.name()),
            Map.entry("04-non-accettazione-virus.eml", ReceiptKind.NON_ACCEPTANCE_VIRUS.name()),
            Map.entry("05-presa-in-carico.eml", ReceiptKind.TAKE_IN_CHARGE.name()),
            Map.entry("06-consegna-completa.eml", ReceiptKind.DELIVERY_COMPLETE.name()),
            Map.entry("07-consegna-breve.eml", ReceiptKind.DELIVERY_BRIEF.name()),
            Map.entry("08-consegna-sintetica.eml", ReceiptKind.DELIVERY_CONCISE.name()),
            Map.entry("09-mancata-consegna.eml", ReceiptKind.NON_DELIVERY.name()),
            Map.entry("10-preavviso-mancata-consegna-12h.eml", ReceiptKind.TIMEOUT_12H.name()),
            Map.entry("11-mancata-consegna-24h.eml", ReceiptKind.TIMEOUT_24H.name()),
            Map.entry("12-rilevazione-virus.eml", ReceiptKind.VIRUS_DETECTION.name()),
            Map.entry("13-mancata-consegna-virus.eml", ReceiptKind.NON_DELIVERY_VIRUS.name()),
            Map.entry("14-anomalia.eml", "anomaly"));

    @Test
    void everySampleIsReadBackAsItsKindTrustingTheRoot() {
        PecReader reader = new PecReader(TrustPolicy.anchors(List.of(TestKit.pki().root())), TestKit.CLOCK);
        Map<String, byte[]> samples = TestKit.samples();

        assertThat(samples.keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        samples.forEach((name, bytes) -> assertThat(kindOf(reader.classify(ByteSource.of(bytes))))
                .as(name).isEqualTo(EXPECTED.get(name)));
    }

    @Test
    void everySampleIsTrustedThroughTheProvidersIndex() {
        var cert = TestKit.pki().signing().certificate();
        ProvidersIndex index = new ProvidersIndex(List.of(new ProviderEntry("Example PEC", TestKit.SERVICE_ADDRESS,
                Set.of("pec.example.it"), List.of(cert), Set.of(Fingerprints.sha1Hex(cert)))));
        PecReader reader = PecReader.forProviders(index, TestKit.CLOCK);

        TestKit.samples().forEach((name, bytes) -> {
            Classification c = reader.classify(ByteSource.of(bytes));
            assertThat(kindOf(c)).as(name + ": " + c.summary()).isEqualTo(EXPECTED.get(name));
        });
    }

    @Test
    void theEnvelopeOriginalIsReachableForTheDeliveryPoint() throws Exception {
        PecReader reader = new PecReader(TrustPolicy.anchors(List.of(TestKit.pki().root())), TestKit.CLOCK);
        byte[] envelope = TestKit.samples().get("01-busta-di-trasporto.eml");

        Classification.TransportEnvelope e = (Classification.TransportEnvelope) reader.classify(ByteSource.of(envelope));

        String postacert = new String(e.postacert().readAll(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(postacert).contains("Message-ID: <" + e.daticert().identificativo() + ">\r\n");
        assertThat(postacert).contains("X-Riferimento-Message-ID: <20260115105958.4242@client.example.it>\r\n");
        assertThat(e.signature().digestAlgorithm()).isEqualTo("SHA-256");
        assertThat(e.signature().signingTime()).as("CMS signingTime = the certified time").contains(TestKit.NOW);
    }

    static String kindOf(Classification c) {
        if (c instanceof Classification.TransportEnvelope) {
            return "envelope";
        }
        if (c instanceof Classification.AnomalyEnvelope) {
            return "anomaly";
        }
        return c instanceof Classification.Receipt r ? r.kind().name() : c.summary();
    }
}
