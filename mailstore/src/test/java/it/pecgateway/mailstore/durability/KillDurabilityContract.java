package it.pecgateway.mailstore.durability;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.mailstore.Folder;
import it.pecgateway.mailstore.LegalLog.LogQuery;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.MessageInfo;
import it.pecgateway.mailstore.TestBodies;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} in the middle of a stream of acknowledged transactions: everything acknowledged is there and
 * intact, nothing is there in part. Each transaction writes two messages, a queue entry, a log record and a
 * claim; after the kill every table must agree on how many transactions committed.
 */
public abstract class KillDurabilityContract {
    private static final int ACKS_BEFORE_KILL = 150;

    /** The store spec the child opens ({@link StoreSpec}) for an empty store. */
    protected abstract String emptyStoreSpec();

    /** Checks that only the backend can make (for example that no body file is left without a reference). */
    protected void checkBackendSpecifics(MailStore reopened) {
    }

    @Test
    void everyAcknowledgedTransactionSurvivesSigkillWholeAndNoneSurvivesInPart() throws Exception {
        String spec = emptyStoreSpec();
        Process child = ChildJvm.start(AcceptanceWriter.class, List.of("-Xmx256m"), spec, "8");
        Map<Integer, String[]> acked = new HashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            assertThat(out.readLine()).isEqualTo("READY");
            for (String line; acked.size() < ACKS_BEFORE_KILL && (line = out.readLine()) != null; ) {
                String[] f = line.split(" ");
                acked.put(Integer.parseInt(f[1]), new String[] {f[2], f[3]});
            }
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush, no close
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(acked).hasSize(ACKS_BEFORE_KILL);

        try (MailStore store = StoreSpec.open(spec, Clock.systemUTC())) {
            Mailbox m = store.accounts().find(AcceptanceWriter.SENDER).orElseThrow();
            Folder sent = store.folders().find(m.id(), "Sent").orElseThrow();
            Folder inbox = store.folders().find(m.id(), "INBOX").orElseThrow();
            for (Map.Entry<Integer, String[]> a : acked.entrySet()) {
                MessageInfo info = store.messages().get(sent.id(), Long.parseLong(a.getValue()[0])).orElseThrow();
                try (InputStream body = store.blobs().open(info.body())) {
                    assertThat(TestBodies.sha256(body)).as("acceptance %d", a.getKey()).isEqualTo(a.getValue()[1]);
                }
            }
            List<MessageInfo> originals = store.messages().list(sent.id(), 1, Long.MAX_VALUE);
            for (MessageInfo info : originals) {
                byte[] head;
                try (InputStream body = store.blobs().open(info.body())) {
                    head = body.readNBytes(20);
                }
                int n = Integer.parseInt(new String(head, StandardCharsets.US_ASCII).split("\r\n")[0].substring(7));
                try (InputStream body = store.blobs().open(info.body())) {
                    assertThat(TestBodies.sha256(body)).as("committed acceptance %d", n)
                            .isEqualTo(AcceptanceWriter.sha256(AcceptanceWriter.original(n)));
                }
                assertThat(info.size()).isEqualTo(AcceptanceWriter.original(n).length);
            }
            long committed = originals.size();
            assertThat(committed).isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
            assertThat(store.messages().uids(inbox.id())).hasSize((int) committed);
            assertThat(store.queue().stats().pending()).isEqualTo(committed);
            assertThat(store.legalLog().query(new LogQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), 0))).hasSize((int) committed);
            assertThat(store.legalLog().verify().intact()).isTrue();
            assertThat(store.messages().quota(m.id()).messages()).isEqualTo(2 * committed);
            long[] uids = store.messages().uids(sent.id());
            for (int i = 1; i < uids.length; i++) {
                assertThat(uids[i]).isGreaterThan(uids[i - 1]);
            }
            assertThat(store.folders().status(sent.id()).uidNext()).isGreaterThan(uids[uids.length - 1]);
            assertThat(store.messages().append(sent.id(), it.pecgateway.mailstore.BodySource.of(new byte[] {1}),
                    java.util.Set.of(), java.time.Instant.now()).uid()).isGreaterThan(uids[uids.length - 1]);
            checkBackendSpecifics(store);
        }
    }
}
