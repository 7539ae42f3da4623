package it.pecgateway.mailstore.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.mailstore.BodySource;
import it.pecgateway.mailstore.CountingHasher;
import it.pecgateway.mailstore.Folder;
import it.pecgateway.mailstore.LogEvent;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.MailboxChange;
import it.pecgateway.mailstore.MailboxState;
import it.pecgateway.mailstore.NewMailbox;
import it.pecgateway.mailstore.NewQueueEntry;
import it.pecgateway.mailstore.QueueEntry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two gateway nodes, each with its own store instance, on one PostgreSQL database. */
class PostgresMultiNodeTest {
    private MailStore nodeA;
    private MailStore nodeB;

    private String url;

    @BeforeEach
    void twoNodes() {
        url = PostgresServer.emptyDatabase();
        nodeA = PostgresMailStore.open(url, "postgres", "", 6, Clock.systemUTC(), new CountingHasher());
        nodeB = PostgresMailStore.open(url, "postgres", "", 6, Clock.systemUTC(), new CountingHasher());
    }

    @AfterEach
    void close() {
        nodeA.close();
        nodeB.close();
    }

    @AfterAll
    static void stopServer() {
        PostgresServer.stop();
    }

    @Test
    void changesLostWhileANodesListenerReconnectsAreAnnouncedAsReadAgain() throws Exception {
        nodeA.accounts().addDomain("pec.example");
        Mailbox m = nodeA.accounts().createMailbox(new NewMailbox("r@pec.example", Optional.empty(), MailboxState.ACTIVE,
                Optional.empty(), 0));
        Folder inbox = nodeB.folders().find(m.id(), "INBOX").orElseThrow();
        BlockingQueue<MailboxChange> onB = new LinkedBlockingQueue<>();
        nodeB.changes().subscribe(m.id(), onB::add);

        try (Connection admin = DriverManager.getConnection(url, "postgres", "");
             Statement st = admin.createStatement();
             ResultSet killed = st.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     + "WHERE query = 'LISTEN " + PgChangeListener.CHANNEL + "' AND pid <> pg_backend_pid()")) {
            assertThat(killed.next()).as("the listeners' connections were found").isTrue();
        }
        // committed while nobody listens: its notification reaches no node
        nodeA.messages().append(inbox.id(), BodySource.of("lost".getBytes(StandardCharsets.US_ASCII)), Set.of(), Instant.now());

        List<MailboxChange> told = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (told.stream().noneMatch(c -> c instanceof MailboxChange.AccountChanged) && System.nanoTime() < deadline) {
            MailboxChange c = onB.poll(500, TimeUnit.MILLISECONDS);
            if (c != null) {
                told.add(c);
            }
        }
        assertThat(told).as("node B's listeners are told to read the mailbox and its folders again")
                .anyMatch(c -> c instanceof MailboxChange.AccountChanged a && a.mailboxId() == m.id())
                .anyMatch(c -> c instanceof MailboxChange.FoldersChanged f && f.mailboxId() == m.id());
    }

    @Test
    void aChangeOnOneNodeReachesTheListenersOfTheOther() throws Exception {
        nodeA.accounts().addDomain("pec.example");
        Mailbox m = nodeA.accounts().createMailbox(new NewMailbox("a@pec.example", Optional.empty(), MailboxState.ACTIVE,
                Optional.empty(), 0));
        Folder inbox = nodeB.folders().find(m.id(), "INBOX").orElseThrow();
        BlockingQueue<MailboxChange> onB = new LinkedBlockingQueue<>();
        nodeB.changes().subscribe(m.id(), onB::add);
        List<MailboxChange> onA = new CopyOnWriteArrayList<>();
        nodeA.changes().subscribe(m.id(), onA::add);

        long uid = nodeA.messages().append(inbox.id(), BodySource.of("hi".getBytes(StandardCharsets.US_ASCII)), Set.of(),
                Instant.now()).uid();
        MailboxChange change = onB.poll(10, TimeUnit.SECONDS);
        assertThat(change).isInstanceOfSatisfying(MailboxChange.MessagesAdded.class,
                a -> assertThat(a.uids()).containsExactly(uid));
        assertThat(nodeB.messages().uids(inbox.id())).containsExactly(uid);
        assertThat(onA).hasSize(1);

        List<Long> many = new ArrayList<>();
        for (long i = 0; i < 1000; i++) {
            many.add(uid);
        }
        nodeA.inTransaction(s -> {
            s.messages().append(inbox.id(), BodySource.of(new byte[] {'x'}), Set.of(), Instant.now());
            return null;
        });
        assertThat(onB.poll(10, TimeUnit.SECONDS)).isInstanceOf(MailboxChange.MessagesAdded.class);
        assertThat(onA).hasSize(2);
        assertThat(PgChangeListener.encode("n", new MailboxChange.FlagsChanged(1, 2, many, 3))).hasSize(3);
    }

    @Test
    void aSuspensionOrDeletionOnOneNodeReachesTheListenersOfTheOther() throws Exception {
        nodeA.accounts().addDomain("pec.example");
        Mailbox m = nodeA.accounts().createMailbox(new NewMailbox("a@pec.example", Optional.empty(), MailboxState.ACTIVE,
                Optional.empty(), 0));
        BlockingQueue<MailboxChange> onB = new LinkedBlockingQueue<>();
        nodeB.changes().subscribe(m.id(), onB::add);

        nodeA.accounts().setState("a@pec.example", MailboxState.SUSPENDED);
        assertThat(onB.poll(10, TimeUnit.SECONDS)).isEqualTo(new MailboxChange.AccountChanged(m.id()));
        nodeA.accounts().deleteMailbox("a@pec.example");
        assertThat(List.of(onB.poll(10, TimeUnit.SECONDS), onB.poll(10, TimeUnit.SECONDS)))
                .containsExactly(new MailboxChange.FoldersChanged(m.id()), new MailboxChange.AccountChanged(m.id()));
        assertThat(PgChangeListener.decode("other", PgChangeListener.encode("n", new MailboxChange.AccountChanged(7)).get(0)))
                .isEqualTo(new MailboxChange.AccountChanged(7));
    }

    @Test
    void twoNodesWritingOneMailboxAndTheLogNeverDeadlock() throws Exception {
        nodeA.accounts().addDomain("pec.example");
        Mailbox m = nodeA.accounts().createMailbox(new NewMailbox("a@pec.example", Optional.empty(), MailboxState.ACTIVE,
                Optional.empty(), 0));
        Folder inbox = nodeA.folders().find(m.id(), "INBOX").orElseThrow();
        long deadlocksBefore = deadlocks();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                MailStore node = i % 2 == 0 ? nodeA : nodeB;
                boolean logFirst = i % 4 < 2;
                int n = i;
                all.add(pool.submit(() -> node.inTransaction(s -> {
                    LogEvent e = new LogEvent("id-" + n, Instant.now(), "consegna", "x@peer", List.of("a@pec.example"),
                            "s", List.of(), Optional.empty(), Optional.empty());
                    if (logFirst) {
                        s.legalLog().append(e);
                    }
                    s.messages().append(inbox.id(), BodySource.of(new byte[] {(byte) n}), Set.of(), Instant.now());
                    if (!logFirst) {
                        s.legalLog().append(e);
                    }
                    return null;
                })));
            }
            for (Future<?> f : all) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(nodeB.messages().uids(inbox.id())).hasSize(400);
        assertThat(nodeB.legalLog().verify().recordsChecked()).isEqualTo(400);
        Thread.sleep(1000); // the statistics collector reports with a delay
        assertThat(deadlocks()).isEqualTo(deadlocksBefore);
    }

    private long deadlocks() throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void twoNodesLeasingTheSameQueueNeverDeliverTwice() throws Exception {
        for (int i = 0; i < 200; i++) {
            var body = nodeA.blobs().put(BodySource.of(("m" + i).getBytes(StandardCharsets.US_ASCII)));
            nodeA.queue().enqueue(new NewQueueEntry(body, "a@pec.example", "r" + i + "@peer", "relay", "ref", Instant.now()));
        }
        Set<Long> delivered = ConcurrentHashMap.newKeySet();
        List<Long> twice = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                MailStore node = w % 2 == 0 ? nodeA : nodeB;
                String owner = (w % 2 == 0 ? "A-" : "B-") + w;
                workers.add(pool.submit(() -> {
                    List<QueueEntry> got;
                    while (!(got = node.queue().lease(owner, 5, Duration.ofMinutes(5))).isEmpty()) {
                        for (QueueEntry e : got) {
                            if (!delivered.add(e.id())) {
                                twice.add(e.id());
                            }
                            node.queue().complete(e.id(), owner);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(twice).isEmpty();
        assertThat(delivered).hasSize(200);
    }
}
