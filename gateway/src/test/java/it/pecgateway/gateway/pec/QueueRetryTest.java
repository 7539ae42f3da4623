package it.pecgateway.gateway.pec;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.config.DevProfile;
import it.pecgateway.config.RelayConfig;
import it.pecgateway.gateway.relay.MxResolver;
import it.pecgateway.gateway.relay.OutboundSmtp;
import it.pecgateway.gateway.relay.Router;
import it.pecgateway.gateway.testing.MovableClock;
import it.pecgateway.gateway.testing.TestPki;
import it.pecgateway.mailstore.BodySource;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MailStores;
import it.pecgateway.mailstore.NewQueueEntry;
import it.pecgateway.mailstore.QueueEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The retry schedule of the queue workers against a peer that never answers, on a moved clock. */
class QueueRetryTest {

    @Test
    void aRetryIsNeverScheduledPastTheMaximumQueueAge() throws Exception {
        Path dir = Files.createTempDirectory("queue-retry");
        MovableClock clock = new MovableClock(Instant.parse("2026-03-02T08:00:00Z"));
        int deadPort = PecNode.freePort();
        RelayConfig relay = new RelayConfig(Map.of("internet.example", new RelayConfig.Route("127.0.0.1", deadPort)),
                List.of(Duration.ofHours(1)), Duration.ofHours(24), 1, Duration.ofSeconds(1), Duration.ofSeconds(1));
        try (MailStore store = MailStores.open(DevProfile.config(dir).storage(), clock)) {
            Instant created = clock.instant();
            long id = store.queue().enqueue(new NewQueueEntry(store.blobs().put(BodySource.of(
                    "Subject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII))), "mario@pec.a.example",
                    "friend@internet.example", QueuePurpose.RELAY_ORDINARY.wire(), "ref-1", created));
            clock.advance(Duration.ofHours(23).plusMinutes(30));
            MxResolver noDns = new MxResolver() {
                @Override
                public List<MxRecord> mx(String domain) throws DnsException {
                    throw new DnsException("no DNS in tests", false, null);
                }

                @Override
                public boolean hasAddress(String host) {
                    return false;
                }
            };
            try (QueueWorkers workers = new QueueWorkers(store, relay, new Router(relay, noDns),
                    new OutboundSmtp("mx.pec.a.example", relay, TestPki.create("q").clientContext()), null, clock, "node",
                    Duration.ofMillis(50), new QueueSignal(), new RelayPeers(() -> null), PecMetrics.NONE, null)) {
                workers.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (store.queue().get(id).orElseThrow().attempts() < 1
                        || store.queue().get(id).orElseThrow().state() != QueueEntry.State.PENDING) {
                    assertThat(System.nanoTime()).isLessThan(deadline);
                    Thread.sleep(50);
                }
            }
            QueueEntry entry = store.queue().get(id).orElseThrow();
            assertThat(entry.lastError()).hasValueSatisfying(e -> assertThat(e).contains("connect"));
            assertThat(entry.nextAttemptAt()).isEqualTo(created.plus(Duration.ofHours(24)));
        }
    }
}
