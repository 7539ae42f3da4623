package it.pecgateway.config;

import java.nio.file.Path;
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
 */
public record StorageConfig(
        Kind kind,
        Path embeddedPath,
        Optional<String> postgresUrl,
        Optional<String> postgresUser,
        Optional<Path> postgresPasswordFile,
        int poolSize) {

    public enum Kind { EMBEDDED, POSTGRESQL }
}
