package it.pecgateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where mail, queue and log are kept.
 *
 * @param kind             embedded SQLite in {@code embeddedPath}, or a PostgreSQL server shared by several nodes
 * @param embeddedPath     directory of the SQLite database and message bodies (embedded kind)
 * @param postgresUrl      JDBC URL (postgresql kind), for example {@code jdbc:postgresql://db:5432/pec}
 * @param postgresUser     user name (postgresql kind)
 * @param postgresPasswordFile file whose first line is the password; secrets never sit in the YAML itself
 * @param poolSize         database connections per node (postgresql kind)
 * @param retention        how long finished queue entries and claims are kept before the life-cycle job purges them
 */
public record StorageConfig(
        Kind kind,
        Path embeddedPath,
        Optional<String> postgresUrl,
        Optional<String> postgresUser,
        Optional<Path> postgresPasswordFile,
        int poolSize,
        Retention retention) {

    public enum Kind { EMBEDDED, POSTGRESQL }

    /**
     * @param queue  DONE and FAILED outbound-queue entries older than this are removed (open entries never are)
     * @param claims once-only claims older than this are forgotten, after which the same step could run again;
     *               at least {@link #MIN_CLAIMS}
     */
    public record Retention(Duration queue, Duration claims) {
        /**
         * A peer may resend a message or receipt while its own 24 h PEC timers run: a claim forgotten sooner
         * could let that duplicate produce a second receipt.
         */
        public static final Duration MIN_CLAIMS = Duration.ofDays(2);
    }
}
