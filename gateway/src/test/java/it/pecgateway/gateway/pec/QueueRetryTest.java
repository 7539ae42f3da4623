package it.pecgateway.gateway.pec;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.config.DevProfile;
import it.pecgateway.config.RelayConfig;
import it.pecgateway.gateway.relay.MxResolver;
import it.pecgateway.gateway.relay.OutboundSmtp;
import it.pecgateway.gateway.relay.Router;
import it.pecgateway.mailstore.MutableClock;
import it.pecgateway.gateway.testing.TestPki;
import it.pecgateway.mailstore.BodySource;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MailStores;
import it.pecgateway.mailstore.NewQueueEntry;
import it.pecgateway.mailstore.QueueEntry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The retry schedule and the leases of the queue workers against peers that never answer. */
class QueueRetryTest {
    static final MxResolver NO_DNS = new MxResolver() {
        @Override
        public List<MxRecord> mx(String domain) throws DnsException {
            throw new DnsException("no DNS in tests", false, null);
        }

        @Override
        public boolean hasAddress(String host) {
            return false;
        }
    };

    static QueueWorkers workers(MailStore store, RelayConfig relay, java.time.Clock clock) {
        return new QueueWorkers(store, relay, new Router(relay, NO_DNS),
                new OutboundSmtp("mx.pec.a.example", relay, TestPki.create("q").clientContext()), null, clock, "node",
                Duration.ofMillis(50), new QueueSignal(), new RelayPeers(() -> null), PecMetrics.NONE, null);
    }

    static long enqueue(MailStore store, String recipient, Instant at) {
        return store.queue().enqueue(new NewQueueEntry(store.blobs().put(BodySource.of(
                "Subject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII))), "mario@pec.a.example",
                recipient, QueuePurpose.RELAY_ORDINARY.wire(), "ref-" + recipient, at));
    }

    /**
     * A peer that accepts and then says nothing makes every attempt last the read timeout; one worker's batch of 16
     * takes 16 of them, far longer than a lease. Each entry must still be tried once, never also by a second worker
     * that took it up after its lease ran out while it waited in the first worker's batch.
     */
    @Test
    void anEntryWaitingInABatchIsNeverTriedAfterItsLeaseRanOut() throws Exception {
        Path dir = Files.createTempDirectory("queue-lease");
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 100, InetAddress.getLoopbackAddress())) {
            Thread accepting = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (java.io.IOException e) {
                    // closed
                }
            });
            accepting.setDaemon(true);
            accepting.start();
            RelayConfig relay = new RelayConfig(Map.of("internet.example", new RelayConfig.Route("127.0.0.1", silent.getLocalPort())),
                    List.of(Duration.ofHours(1)), Duration.ofHours(24), 2, Duration.ofSeconds(1), Duration.ofSeconds(1));
            java.time.Clock clock = java.time.Clock.systemUTC();
            try (MailStore store = MailStores.open(DevProfile.config(dir).storage(), clock)) {
                for (int i = 0; i < 16; i++) {
                    enqueue(store, "friend" + i + "@internet.example", clock.instant());
                }
                try (QueueWorkers workers = workers(store, relay, clock)) {
                    workers.start();
                    long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
                    while (!store.queue().pending(100).stream().allMatch(QueueRetryTest::triedAtThePeer)
                            || store.queue().pending(100).size() < 16) {
                        assertThat(System.nanoTime()).as("every entry tried").isLessThan(deadline);
                        Thread.sleep(100);
                    }
                    Thread.sleep(3000); // long enough for any further attempt to reach the peer
                }
                assertThat(held).as("one connection per entry").hasSize(16);
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }

    static boolean triedAtThePeer(QueueEntry e) {
        return e.state() == QueueEntry.State.PENDING && e.lastError().filter(err -> err.contains("127.0.0.1")).isPresent();
    }

    @Test
    void aRetryIsNeverScheduledPastTheMaximumQueueAge() throws Exception {
        Path dir = Files.createTempDirectory("queue-retry");
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        int deadPort = PecNode.freePort();
        RelayConfig relay = new RelayConfig(Map.of("internet.example", new RelayConfig.Route("127.0.0.1", deadPort)),
                List.of(Duration.ofHours(1)), Duration.ofHours(24), 1, Duration.ofSeconds(1), Duration.ofSeconds(1));
        try (MailStore store = MailStores.open(DevProfile.config(dir).storage(), clock)) {
            Instant created = clock.instant();
            long id = enqueue(store, "friend@internet.example", created);
            clock.advance(Duration.ofHours(23).plusMinutes(30));
            try (QueueWorkers workers = workers(store, relay, clock)) {
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
