package it.pecgateway.mailstore.durability;

import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.PasswordHasher;
import it.pecgateway.mailstore.postgres.PostgresMailStore;
import it.pecgateway.mailstore.sqlite.SqliteMailStore;
import java.nio.file.Path;
import java.time.Clock;

/** A store named on a command line: {@code sqlite:<directory>} or {@code postgres:<jdbc url>}. */
public final class StoreSpec {
    private StoreSpec() {
    }

    public static MailStore open(String spec, Clock clock) {
        PasswordHasher hasher = new PasswordHasher(64, 1, 1);
        if (spec.startsWith("sqlite:")) {
            return SqliteMailStore.open(Path.of(spec.substring("sqlite:".length())), clock, hasher);
        }
        if (spec.startsWith("postgres:")) {
            return PostgresMailStore.open(spec.substring("postgres:".length()), "postgres", "", 40, clock, hasher);
        }
        throw new IllegalArgumentException("unknown store " + spec);
    }
}
