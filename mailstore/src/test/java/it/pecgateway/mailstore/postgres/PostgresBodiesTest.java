package it.pecgateway.mailstore.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.pecgateway.mailstore.BlobId;
import it.pecgateway.mailstore.CountingHasher;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MailStoreException;
import it.pecgateway.mailstore.MutableClock;
import it.pecgateway.mailstore.TestBodies;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class PostgresBodiesTest {
    @AfterAll
    static void stopServer() {
        PostgresServer.stop();
    }

    @Test
    void aBodyNothingReferredToForADayIsRemovedWhenANodeStarts() {
        String url = PostgresServer.emptyDatabase();
        MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
        BlobId old;
        BlobId recent;
        try (MailStore store = PostgresMailStore.open(url, "postgres", "", 2, clock, new CountingHasher())) {
            // larger than PendingBodies.LIMIT: written at once, in their own transactions
            old = store.blobs().put(TestBodies.patterned(100_000));
            clock.advance(Duration.ofHours(23));
            recent = store.blobs().put(TestBodies.patterned(100_000));
        }
        clock.advance(Duration.ofHours(2));
        try (MailStore store = PostgresMailStore.open(url, "postgres", "", 2, clock, new CountingHasher())) {
            assertThatThrownBy(() -> store.blobs().open(old)).isInstanceOf(MailStoreException.class);
            assertThat(store.blobs().size(recent)).isEqualTo(100_000);
        }
    }

    @Test
    void aBodySpanningManyChunksReadsBackExactly() throws Exception {
        long size = 5L * PgBlobStore.CHUNK + 3;
        try (MailStore store = PostgresMailStore.open(PostgresServer.emptyDatabase(), "postgres", "", 2,
                java.time.Clock.systemUTC(), new CountingHasher())) {
            BlobId id = store.blobs().put(TestBodies.patterned(size));
            assertThat(store.blobs().size(id)).isEqualTo(size);
            try (InputStream in = store.blobs().open(id)) {
                assertThat(TestBodies.sha256(in)).isEqualTo(TestBodies.sha256(TestBodies.patterned(size).open()));
            }
        }
    }
}
