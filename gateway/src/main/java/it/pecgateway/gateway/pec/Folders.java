package it.pecgateway.gateway.pec;

import it.pecgateway.mailstore.Folder;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.StoreSession;
import java.util.Optional;

/** The few folders the gateway writes to besides INBOX, created on first use. */
final class Folders {
    static final String SENT = "Sent";

    private Folders() {
    }

    static Folder sent(StoreSession tx, Mailbox mailbox) {
        return tx.folders().list(mailbox.id()).stream()
                .filter(f -> f.specialUse().equals(Optional.of(it.pecgateway.mailstore.Folders.SpecialUse.SENT)))
                .findFirst()
                .orElseGet(() -> named(tx, mailbox, SENT, Optional.of(it.pecgateway.mailstore.Folders.SpecialUse.SENT)));
    }

    static Folder named(StoreSession tx, Mailbox mailbox, String name, Optional<it.pecgateway.mailstore.Folders.SpecialUse> use) {
        return tx.folders().find(mailbox.id(), name).orElseGet(() -> tx.folders().create(mailbox.id(), name, use));
    }
}
