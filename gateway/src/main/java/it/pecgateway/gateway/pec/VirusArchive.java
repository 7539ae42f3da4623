package it.pecgateway.gateway.pec;

import it.pecgateway.mailstore.BodySource;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.MailStoreException;
import it.pecgateway.mailstore.StoreSession;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The virus archive (digest 2.1, 5.4, 9.6): infected messages kept 30 months, in a folder of the provider's service
 * mailbox that no user can reach. Retention is the store's: nothing here deletes.
 */
final class VirusArchive {
    static final String FOLDER = "Archivio-virus";

    private VirusArchive() {
    }

    static void store(StoreSession tx, String serviceAddress, BodySource message, Instant at) {
        Mailbox service = tx.accounts().find(serviceAddress)
                .orElseThrow(() -> new MailStoreException(MailStoreException.Reason.NOT_FOUND, "service mailbox"));
        tx.messages().append(Folders.named(tx, service, FOLDER, Optional.empty()).id(), message, Set.of(), at);
    }
}
