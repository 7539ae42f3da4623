package it.pecgateway.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.gateway.cli.Cli;
import it.pecgateway.mailstore.BlobId;
import it.pecgateway.mailstore.BodySource;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.NewQueueEntry;
import it.pecgateway.mailstore.QueueEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the gateway's clock moved past {@code storage.retention} (30 days by default), {@code lifecycle run}
 * removes a queue entry the relay delivered back then, and a claim made back then, and keeps what is recent.
 */
class StoreRetentionTest {
    static final String TO = "anna@example.org";

    @TempDir
    Path dir;
    OpsFixture f;
    MailStore store;

    @BeforeEach
    void start() throws Exception {
        f = OpsFixture.start(dir);
        store = f.gateway.store();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    /** An ordinary message to example.org, queued as the gateway queues one, once the relay delivered it. */
    long delivered(String subject, int nth) throws Exception {
        byte[] message = ("From: posta-certificata@pec.localhost\r\nTo: " + TO + "\r\nSubject: " + subject
                + "\r\n\r\nhello\r\n").getBytes(StandardCharsets.US_ASCII);
        BlobId body = store.blobs().put(BodySource.of(message));
        long id = store.queue().enqueue(new NewQueueEntry(body, "posta-certificata@pec.localhost", TO, "relay-ordinary",
                subject, f.clock.instant()));
        assertThat(f.awaitMail(TO, nth)).startsWith(subject);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (store.queue().get(id).orElseThrow().state() != QueueEntry.State.DONE && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(store.queue().get(id).orElseThrow().state()).isEqualTo(QueueEntry.State.DONE);
        return id;
    }

    @Test
    void theLifeCycleRunRemovesADeliveredEntryAndAClaimOlderThanTheRetention() throws Exception {
        long old = delivered("long ago", 1);
        assertThat(store.claimOnce("retention-test:old")).isTrue();
        f.clock.advance(Duration.ofDays(31));
        long recent = delivered("just now", 2);
        assertThat(store.claimOnce("retention-test:recent")).isTrue();

        Cli.Result run = new Cli(dir).run("lifecycle", "run");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).matches("(?s)life cycle: .* [1-9]\\d* finished queue entries and [1-9]\\d* claims past their retention removed\n");
        assertThat(store.queue().get(old)).isEmpty();
        assertThat(store.queue().get(recent)).isPresent();
        assertThat(store.claimOnce("retention-test:recent")).isFalse();
        assertThat(store.claimOnce("retention-test:old")).as("forgotten").isTrue();
    }
}
