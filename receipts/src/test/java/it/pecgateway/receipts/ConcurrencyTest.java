package it.pecgateway.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.receipts.read.Classification;
import it.pecgateway.receipts.read.PecReader;
import it.pecgateway.receipts.smime.TrustPolicy;
import it.pecgateway.receipts.testing.TestKit;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One PecMessages and one PecReader serve several threads (the gateway signs on a bounded executor). */
class ConcurrencyTest {
    @Test
    void fourThreadsWriteAndReadValidMessagesWithDistinctIds() throws Exception {
        PecMessages messages = new PecMessages(new PecSettings(TestKit.PROVIDER, TestKit.SERVICE_ADDRESS),
                TestKit.pki().signing(), TestKit.CLOCK, new RandomIdGenerator("c1"));
        PecReader reader = new PecReader(TrustPolicy.anchors(List.of(TestKit.pki().root())), TestKit.CLOCK);
        PecSamples samples = new PecSamples(messages);
        Set<String> ids = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(pool.submit(() -> {
                    Transaction t = samples.transaction(ReceiptType.COMPLETA);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    ids.add(messages.transportEnvelope(t, ByteSource.of(PecSamples.original()), out).messageId());
                    Classification c = reader.classify(ByteSource.of(out.toByteArray()));
                    return c instanceof Classification.TransportEnvelope ? "ok" : c.summary();
                }));
            }
            for (Future<String> r : results) {
                assertThat(r.get()).isEqualTo("ok");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ids).hasSize(40);
    }
}
