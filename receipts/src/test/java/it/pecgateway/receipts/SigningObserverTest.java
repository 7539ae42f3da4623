package it.pecgateway.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.receipts.testing.TestKit;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The observer hears of every signature once, with its duration (the gateway's signing latency histogram). */
class SigningObserverTest {

    @Test
    void eachSignedMessageReportsOneSignatureDuration() throws Exception {
        List<Long> durations = new CopyOnWriteArrayList<>();
        PecMessages messages = new PecMessages(new PecSettings(TestKit.PROVIDER, TestKit.SERVICE_ADDRESS),
                TestKit.pki().signing(), TestKit.CLOCK, TestKit.sequence(), durations::add);
        CertifiedTime time = messages.now();
        Transaction t = new Transaction(messages.newIdentificativo(time), time, "a@pec.example.it",
                List.of(Recipient.to("b@pec.example.it")), Optional.of("s"), Optional.empty(), Optional.empty(),
                ReceiptType.COMPLETA);

        messages.acceptance(t, new ByteArrayOutputStream());
        messages.transportEnvelope(t, ByteSource.of("From: a@pec.example.it\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII)),
                new ByteArrayOutputStream());

        assertThat(durations).hasSize(2).allSatisfy(nanos -> assertThat(nanos).isPositive());
    }
}
