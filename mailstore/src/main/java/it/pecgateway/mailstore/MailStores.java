package it.pecgateway.mailstore;

import it.pecgateway.config.StorageConfig;
import it.pecgateway.mailstore.postgres.PostgresMailStore;
import it.pecgateway.mailstore.sqlite.SqliteMailStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Opens the store the configuration names. Password hashes use {@link PasswordHasher#OWASP}. */
public final class MailStores {
    private MailStores() {
    }

    public static MailStore open(StorageConfig config, Clock clock) {
        return switch (config.kind()) {
            case EMBEDDED -> SqliteMailStore.open(config.embeddedPath(), clock, PasswordHasher.OWASP);
            case POSTGRESQL -> PostgresMailStore.open(
                    config.postgresUrl().orElseThrow(() -> invalid("storage.postgresUrl is missing")),
                    config.postgresUser().orElseThrow(() -> invalid("storage.postgresUser is missing")),
                    config.postgresPasswordFile().map(MailStores::firstLine).orElse(""),
                    Math.max(2, config.poolSize()), clock, PasswordHasher.OWASP);
        };
    }

    private static String firstLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.isEmpty() ? "" : lines.get(0).strip();
        } catch (IOException e) {
            // the path may be shown, the content never
            throw new MailStoreException(MailStoreException.Reason.UNAVAILABLE, "cannot read the password file " + file, e);
        }
    }

    private static MailStoreException invalid(String why) {
        return new MailStoreException(MailStoreException.Reason.INVALID, why);
    }
}
