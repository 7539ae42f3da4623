package it.pecgateway.mailstore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The legal log (digest 9.9): append-only, one record per event, kept 30 months. Each record carries the SHA-256
 * of the previous one, so that any change, removal or gap is detected by {@link #verify()}. Records older than
 * the retention may be purged; the purge leaves a checkpoint record holding the hash it continues from.
 * The hashed bytes are defined in {@code it.pecgateway.mailstore.jdbc.LogHashing} and docs/mailstore.md.
 */
public interface LegalLog {

    LogRecord append(LogEvent event);

    /** Matching records by ascending sequence. */
    List<LogRecord> query(LogQuery query);

    LogVerification verify();

    /**
     * Removes the oldest records, as far as the first record whose time is at or after {@code cutoff} (the log is
     * purged as a prefix, so the chain stays whole). The checkpoint keeps the sequence and hash of the last
     * removed record, with event type {@code checkpoint}; queries never return it.
     */
    PurgeResult purgeBefore(Instant cutoff);

    /**
     * @param address matches the sender or any recipient, case-insensitively
     * @param from    inclusive; @param to exclusive
     * @param limit   the most records returned; 0 means no limit
     */
    record LogQuery(Optional<String> identificativo, Optional<String> address, Optional<Instant> from,
                    Optional<Instant> to, int limit) { }

    record LogVerification(boolean intact, long recordsChecked, Optional<Long> firstBadSequence,
                           Optional<String> problem) { }

    record PurgeResult(long purged, Optional<LogRecord> checkpoint) { }
}
