package it.pecgateway.gateway;

import it.pecgateway.config.StorageConfig;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.gateway.admin.MailboxAdministration;
import java.time.Duration;
import java.util.List;

/**
 * The open store as a {@link Service}: opened by the composition root before anything that needs it is made,
 * registered first so that it is closed last, after every listener has finished its work. Its start makes sure the
 * configured PEC domains are hosted.
 */
final class StoreService implements Service {
    private final MailStore store;
    private final StorageConfig config;
    private final List<String> domains;

    /** @param domains the configured PEC domains, added to the store at start when missing */
    StoreService(MailStore store, StorageConfig config, List<String> domains) {
        this.store = store;
        this.config = config;
        this.domains = List.copyOf(domains);
    }

    @Override
    public String description() {
        return switch (config.kind()) {
            case EMBEDDED -> "store: embedded SQLite in " + config.embeddedPath();
            // the URL without its query string, where a careless operator might have put a password
            case POSTGRESQL -> "store: PostgreSQL " + config.postgresUrl().map(u -> u.replaceFirst("\\?.*", "")).orElse("");
        };
    }

    @Override
    public void start() {
        MailboxAdministration.ensureDomains(store, domains);
    }

    @Override
    public void stop(Duration grace) {
        store.close();
    }
}
