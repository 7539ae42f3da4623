package it.pecgateway.gateway.pec;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.certs.ProvidersIndexLdifWriter;
import it.pecgateway.config.RelayConfig;
import it.pecgateway.config.TimersConfig;
import it.pecgateway.mailstore.DeliveryTracking;
import jakarta.mail.Session;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Provider B is down: A's timers (shortened to seconds) send the 12 h warning, then the 24 h final notice. */
class PeerDownTimersTest {

    @Test
    void theSenderGetsTheWarningAndThenTheFinalNoticeAndTrackingCloses() throws Exception {
        int deadPort = PecNode.freePort();
        TimersConfig fast = new TimersConfig(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofMillis(200));
        try (PecNode b = new PecNode("B", "pec.b.example", Map.of(), PecNode.defaultTimers(), deadPort);
             PecNode a = new PecNode("A", "pec.a.example", Map.of("pec.b.example", new RelayConfig.Route("localhost", deadPort)),
                     fast, PecNode.freePort())) {
            Files.writeString(a.dataDir.resolve("index.ldif"), ProvidersIndexLdifWriter.write(List.of(TwoProvidersTest.entryOf(b))));
            a.start(List.of(b.ca()));
            a.mailbox("mario@pec.a.example", TwoProvidersTest.PASSWORD);
            Session client = PecMail.session(a.smtps(), PecNode.trusting(List.of(a.ca())));

            String reply = PecMail.send(client, a.smtps(), "mario@pec.a.example", TwoProvidersTest.PASSWORD,
                    PecMail.message(client, "mario@pec.a.example", "bianca@pec.b.example", null, "Nessuno risponde"));

            String id = reply.substring("250 2.0.0 ".length());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (a.inbox("mario@pec.a.example").size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            List<String> inbox = a.inbox("mario@pec.a.example").stream().map(PecMail::text).toList();
            assertThat(inbox).hasSize(3);
            assertThat(inbox.get(0)).contains("X-Ricevuta: accettazione");
            assertThat(inbox.get(1)).contains("X-Ricevuta: preavviso-errore-consegna").contains("nelle prime 12 ore");
            assertThat(inbox.get(2)).contains("X-Ricevuta: preavviso-errore-consegna").contains("entro 24 ore");
            PecCheck.assertPasses(a.ca(), a.inbox("mario@pec.a.example"));
            it.pecgateway.receipts.read.PecReader reader = it.pecgateway.receipts.read.PecReader.forProviders(
                    a.transport.index().get(), java.time.Clock.systemUTC());
            assertThat(a.inbox("mario@pec.a.example").subList(1, 3)).extracting(m -> reader.classify(it.pecgateway.receipts.ByteSource.of(m)))
                    .extracting(c -> ((it.pecgateway.receipts.read.Classification.Receipt) c).kind())
                    .containsExactly(it.pecgateway.receipts.read.ReceiptKind.TIMEOUT_12H, it.pecgateway.receipts.read.ReceiptKind.TIMEOUT_24H);
            DeliveryTracking.Tracked tracked = a.store.tracking().forReference(id).get(0);
            assertThat(tracked.warnedAt()).isNotNull();
            assertThat(tracked.closedAt()).isNotNull();
            assertThat(a.store.queue().pending(10)).extracting(e -> e.lastError().orElse("")).anyMatch(e -> e.contains("connect"));
            Thread.sleep(600);
            assertThat(a.inbox("mario@pec.a.example")).hasSize(3);
        }
    }
}
