package it.pecgateway.mailstore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The legal log (digest 9.9): append-only, one record per event, kept 30 months. Each record carries the SHA-256
 * of the previous one, so that any change, removal or gap is detected by {@link #verify()}. Records older than
 * the retention may be purged; the purge leaves a checkpoint record holding the hash it continues from.
 */
public interface LegalLog {

    LogRecord append(LogEvent event);

    /** Matching records by ascending sequence. */
    List<LogRecord> query(LogQuery query);

    LogVerification verify();

    PurgeResult purgeBefore(Instant cutoff);

    /**
     * @param address matches the sender or any recipient
     * @param from    inclusive; @param to exclusive
     */
    record LogQuery(Optional<String> identificativo, Optional<String> address, Optional<Instant> from,
                    Optional<Instant> to, int limit) { }

    record LogVerification(boolean intact, long recordsChecked, Optional<Long> firstBadSequence,
                           Optional<String> problem) { }

    record PurgeResult(long purged, Optional<LogRecord> checkpoint) { }
}
