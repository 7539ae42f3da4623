package it.pecgateway.mailstore.jdbc;

import it.pecgateway.mailstore.MailboxChange;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * One open database transaction: its connection, the change events to publish and the actions to run once it
 * has committed (for example removing a body file that nothing refers to any more).
 */
public final class Tx {
    private final Connection connection;
    private final List<MailboxChange> changes = new ArrayList<>();
    private final List<Long> releasedBlobs = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final LogHead logHead;

    /** A transaction that appends nothing to the legal log (reads), or appends with a head row write per record. */
    public Tx(Connection connection) {
        this(connection, null);
    }

    /** A unit of a writer's batch: {@code logHead} is shared by the units of the batch. */
    public Tx(Connection connection, LogHead logHead) {
        this.connection = connection;
        this.logHead = logHead;
    }

    /** The legal log head shared by this batch's units; null outside a writer's batch. */
    LogHead logHead() {
        return logHead;
    }

    public Connection connection() {
        return connection;
    }

    public void changed(MailboxChange change) {
        changes.add(change);
    }

    public List<MailboxChange> changes() {
        return changes;
    }

    /** A reference to this body went away; the store checks after commit whether it can be removed. */
    public void released(long blobId) {
        releasedBlobs.add(blobId);
    }

    public List<Long> releasedBlobs() {
        return releasedBlobs;
    }

    /** Something to do only if and once this transaction has committed. */
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    public List<Runnable> afterCommitActions() {
        return afterCommit;
    }
}
