package it.pecgateway.mailstore.postgres;

import it.pecgateway.mailstore.MailboxChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mailbox changes across nodes: a writing transaction sends {@code NOTIFY} (delivered at commit, dropped on
 * rollback); every node LISTENs on its own connection and publishes what other nodes wrote. Payload, one change
 * each: {@code node kind mailbox folder modseq uid,uid,...} with kind A (added), F (flags), E (expunged),
 * D (folders changed), M (the mailbox's state or expiry changed, or it was deleted); long UID lists are split over several notifications (a payload holds under 8000 bytes).
 * Notifications sent while the listening connection is broken are lost (PostgreSQL keeps none for a session that
 * is gone): once it listens again, every local listener is told that anything may have changed.
 */
final class PgChangeListener implements AutoCloseable {
    static final String CHANNEL = "mailstore_changes";
    private static final Logger LOG = LoggerFactory.getLogger(PgChangeListener.class);
    private static final int UIDS_PER_NOTICE = 400;

    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final String nodeId;
    private final ConnectionSource source;
    private final Consumer<List<MailboxChange>> publish;
    private final Runnable missedChanges;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection connection;

    /**
     * @param missedChanges runs after LISTEN is in place again following a broken connection: what other nodes
     *                      committed meanwhile was never delivered to us, so everyone listening must read again
     */
    PgChangeListener(String nodeId, ConnectionSource source, Consumer<List<MailboxChange>> publish, Runnable missedChanges) {
        this.nodeId = nodeId;
        this.source = source;
        this.publish = publish;
        this.missedChanges = missedChanges;
        this.thread = new Thread(this::loop, "mailstore-pg-listener");
        thread.setDaemon(true);
    }

    /** Starts listening; returns once LISTEN is in place, so that no later commit is missed. */
    void start() throws SQLException {
        connection = listen();
        thread.start();
    }

    private Connection listen() throws SQLException {
        Connection c = source.open();
        try (Statement st = c.createStatement()) {
            st.execute("LISTEN " + CHANNEL);
        }
        return c;
    }

    /** Inside the writing transaction. */
    static void notify(Connection c, String nodeId, List<MailboxChange> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        List<String> payloads = new ArrayList<>();
        changes.forEach(change -> payloads.addAll(encode(nodeId, change)));
        // one round trip for the whole batch
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify('" + CHANNEL + "', p) FROM unnest(?) AS p")) {
            ps.setArray(1, c.createArrayOf("text", payloads.toArray()));
            ps.execute();
        }
    }

    static List<String> encode(String nodeId, MailboxChange change) {
        record Parts(char kind, long folder, List<Long> uids, long modSeq) { }
        Parts p;
        if (change instanceof MailboxChange.MessagesAdded a) {
            p = new Parts('A', a.folderId(), a.uids(), a.modSeq());
        } else if (change instanceof MailboxChange.FlagsChanged f) {
            p = new Parts('F', f.folderId(), f.uids(), f.modSeq());
        } else if (change instanceof MailboxChange.MessagesExpunged e) {
            p = new Parts('E', e.folderId(), e.uids(), e.modSeq());
        } else if (change instanceof MailboxChange.FoldersChanged) {
            p = new Parts('D', 0, List.of(), 0);
        } else if (change instanceof MailboxChange.AccountChanged) {
            p = new Parts('M', 0, List.of(), 0);
        } else {
            throw new IllegalArgumentException("no encoding for " + change.getClass().getSimpleName());
        }
        List<String> out = new ArrayList<>();
        int from = 0;
        do {
            List<Long> slice = p.uids().subList(from, Math.min(p.uids().size(), from + UIDS_PER_NOTICE));
            out.add(nodeId + " " + p.kind() + " " + change.mailboxId() + " " + p.folder() + " " + p.modSeq() + " "
                    + slice.stream().map(String::valueOf).collect(Collectors.joining(",")));
            from += UIDS_PER_NOTICE;
        } while (from < p.uids().size());
        return out;
    }

    /** The change, or null when this node sent it (it was published locally at commit) or it is malformed. */
    static MailboxChange decode(String ownNode, String payload) {
        String[] f = payload.split(" ", -1);
        if (f.length != 6 || f[0].equals(ownNode)) {
            return null;
        }
        long mailbox = Long.parseLong(f[2]);
        long folder = Long.parseLong(f[3]);
        long modSeq = Long.parseLong(f[4]);
        List<Long> uids = f[5].isEmpty() ? List.of() : Arrays.stream(f[5].split(",")).map(Long::valueOf).toList();
        return switch (f[1]) {
            case "A" -> new MailboxChange.MessagesAdded(mailbox, folder, uids, modSeq);
            case "F" -> new MailboxChange.FlagsChanged(mailbox, folder, uids, modSeq);
            case "E" -> new MailboxChange.MessagesExpunged(mailbox, folder, uids, modSeq);
            case "D" -> new MailboxChange.FoldersChanged(mailbox);
            case "M" -> new MailboxChange.AccountChanged(mailbox);
            default -> null;
        };
    }

    private void loop() {
        while (!closed) {
            try {
                if (connection == null) {
                    connection = listen();
                    LOG.info("listening for mailbox changes again; telling every local listener to read again");
                    missedChanges.run();
                }
                PGNotification[] received = connection.unwrap(PGConnection.class).getNotifications(500);
                if (received == null) {
                    continue;
                }
                List<MailboxChange> changes = new ArrayList<>();
                for (PGNotification n : received) {
                    MailboxChange change = decode(nodeId, n.getParameter());
                    if (change != null) {
                        changes.add(change);
                    }
                }
                publish.accept(changes);
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.warn("listening for mailbox changes failed; reconnecting", e);
                closeConnection();
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeConnection() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // reconnecting anyway
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeConnection();
    }
}
