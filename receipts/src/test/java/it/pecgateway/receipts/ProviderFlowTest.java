package it.pecgateway.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.certs.Fingerprints;
import it.pecgateway.certs.ProviderEntry;
import it.pecgateway.certs.ProvidersIndex;
import it.pecgateway.receipts.read.Classification;
import it.pecgateway.receipts.read.PecReader;
import it.pecgateway.receipts.read.ReceiptKind;
import it.pecgateway.receipts.read.Transactions;
import it.pecgateway.receipts.testing.TestKit;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The way a message goes: the peer reads an envelope and answers each recipient in the form due. */
class ProviderFlowTest {
    private static ProvidersIndex index() {
        var cert = TestKit.pki().signing().certificate();
        return new ProvidersIndex(List.of(new ProviderEntry("Example PEC", "ricevute@pec.example.it",
                Set.of("pec.example.it"), List.of(cert), Set.of(Fingerprints.sha1Hex(cert)))));
    }

    @Test
    void theReceivingProviderAnswersAnEnvelopeWithTheFormEachRecipientIsDue() throws Exception {
        PecMessages peer = TestKit.messages();
        PecReader reader = PecReader.forProviders(index(), TestKit.CLOCK);
        byte[] envelope = TestKit.samples().get("01-busta-di-trasporto.eml");
        var received = (Classification.TransportEnvelope) reader.classify(ByteSource.of(envelope));
        Transaction t = Transactions.fromEnvelope(received, peer.now());

        ByteArrayOutputStream toPrimary = new ByteArrayOutputStream();
        Emitted primary = peer.delivery(t, PecSamples.RECIPIENT, Optional.of(received.postacert()), toPrimary);
        ByteArrayOutputStream toCc = new ByteArrayOutputStream();
        Emitted copy = peer.delivery(t, PecSamples.CC_RECIPIENT, Optional.of(received.postacert()), toCc);
        ByteArrayOutputStream taken = new ByteArrayOutputStream();
        peer.takeInCharge(t, List.of(PecSamples.RECIPIENT, PecSamples.CC_RECIPIENT), "ricevute@pec.example.it", taken);

        assertThat(primary.form()).contains(ReceiptType.COMPLETA);
        assertThat(copy.form()).contains(ReceiptType.SINTETICA);
        assertThat(kind(reader, toPrimary)).isEqualTo(ReceiptKind.DELIVERY_COMPLETE);
        assertThat(kind(reader, toCc)).isEqualTo(ReceiptKind.DELIVERY_CONCISE);
        assertThat(kind(reader, taken)).isEqualTo(ReceiptKind.TAKE_IN_CHARGE);
        assertThat(t.identificativo()).isEqualTo(received.daticert().identificativo());
        assertThat(t.originalMessageId()).contains("<20260115105958.4242@client.example.it>");
    }

    private static ReceiptKind kind(PecReader reader, ByteArrayOutputStream message) {
        Classification c = reader.classify(ByteSource.of(message.toByteArray()));
        assertThat(c).as(c.summary()).isInstanceOf(Classification.Receipt.class);
        return ((Classification.Receipt) c).kind();
    }
}
