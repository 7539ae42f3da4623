package it.pecgateway.mailstore;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Work waiting to leave: one entry per (message, recipient). Several nodes may work one queue: {@link #lease}
 * hands an entry to one owner at a time (SKIP LOCKED on PostgreSQL); a lease that expires (its node died) makes
 * the entry available again. Operations on a leased entry must name the owner and fail with CONFLICT if the lease
 * was lost.
 */
public interface OutboundQueue {

    long enqueue(NewQueueEntry entry);

    /** Up to {@code max} due entries (next attempt at or before now), leased to {@code owner} for {@code leaseFor}. */
    List<QueueEntry> lease(String owner, int max, Duration leaseFor);

    /** Done: the entry leaves the queue. */
    void complete(long entryId, String owner);

    /** Failed for now: try again at {@code nextAttempt}. */
    void retryLater(long entryId, String owner, Instant nextAttempt, String lastError);

    /** Failed for good: the entry leaves the queue, kept as failed for inspection. */
    void fail(long entryId, String owner, String lastError);

    Optional<QueueEntry> get(long entryId);

    /** Entries not done nor failed, oldest first (administration and tests). */
    List<QueueEntry> pending(int max);

    QueueStats stats();

    /**
     * Removes the DONE and FAILED entries that finished before {@code cutoff}, and the bodies that only those
     * entries referred to; open entries (PENDING, LEASED) stay whatever their age. Outside {@link MailStore#inTransaction}
     * the removal runs in transactions of a bounded number of entries each, so that it never holds the writer long.
     *
     * @return the number of entries removed
     */
    long purgeFinishedBefore(Instant cutoff);

    /** Pending entries and the age of the oldest (zero when empty). */
    record QueueStats(long pending, Duration oldestAge) { }
}
