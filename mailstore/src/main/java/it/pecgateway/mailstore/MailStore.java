package it.pecgateway.mailstore;

import java.util.function.Function;

/**
 * The durable store of one provider: accounts, mailboxes, the outbound queue, delivery tracking and the legal log.
 * Thread-safe; one instance per process. Backends: embedded SQLite (default) and PostgreSQL (several nodes).
 *
 * <p>Every operation reached through {@link StoreSession} outside {@link #inTransaction} is its own transaction.
 * {@link #inTransaction} runs several operations atomically: when it returns, everything is on disk (fsync) and
 * change events have been published; when it throws, nothing happened.
 *
 * <p>Errors are {@link MailStoreException}s with a {@link MailStoreException.Reason}, so that protocols can map
 * them to replies in one place.
 */
public interface MailStore extends StoreSession, AutoCloseable {

    /**
     * Runs {@code work} in one transaction. The session passed in must not escape the call. Nested calls join
     * the outer transaction, and so do calls on the store itself made from inside {@code work}.
     *
     * <p>{@code work} runs on the store's writer thread, inside a transaction it shares with other callers' units
     * (group commit; a unit that throws is rolled back alone). Keep it to store calls: sign, render and read
     * spool files before, and put large bodies with {@link Blobs#put} before. Never wait inside it for another
     * thread that uses the store.
     */
    <T> T inTransaction(Function<StoreSession, T> work);

    /** Changes of mailboxes, for IMAP IDLE and concurrent sessions; crosses nodes on PostgreSQL. */
    ChangeFeed changes();

    /** Flushes and closes; in-flight transactions are rolled back. */
    @Override
    void close();
}
