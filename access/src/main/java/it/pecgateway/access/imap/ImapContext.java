package it.pecgateway.access.imap;

import it.pecgateway.access.AccessMetrics;
import it.pecgateway.access.AccessSettings;
import it.pecgateway.access.ConnectionGate;
import it.pecgateway.access.LoginPolicy;
import it.pecgateway.access.mime.MimePart;
import it.pecgateway.access.mime.StructureCache;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MessageInfo;
import java.time.Clock;
import java.util.concurrent.Executor;

/** What every IMAP session of one server shares. */
record ImapContext(MailStore store, AccessSettings settings, AccessMetrics metrics, LoginPolicy logins,
                   ConnectionGate gate, StructureCache structures, Executor executor, Clock clock,
                   boolean starttlsOffered) {

    MimePart structure(MessageInfo message) {
        return structures.get(message.body(), id -> store.blobs().open(id));
    }
}
