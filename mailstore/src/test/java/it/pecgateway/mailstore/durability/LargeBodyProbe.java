package it.pecgateway.mailstore.durability;

import it.pecgateway.mailstore.Folder;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MailboxState;
import it.pecgateway.mailstore.MessageInfo;
import it.pecgateway.mailstore.Messages;
import it.pecgateway.mailstore.NewMailbox;
import it.pecgateway.mailstore.TestBodies;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Child process of the large-body test, run with a heap far smaller than the body: stores a body of the given
 * size and reads it back, printing {@code OK <size> <sha256>}. Usage: {@code LargeBodyProbe <store spec> <bytes>}
 */
public final class LargeBodyProbe {
    private LargeBodyProbe() {
    }

    public static void main(String[] args) throws Exception {
        long size = Long.parseLong(args[1]);
        try (MailStore store = StoreSpec.open(args[0], Clock.systemUTC())) {
            store.accounts().addDomain("pec.example");
            long mailbox = store.accounts().createMailbox(new NewMailbox("big@pec.example", Optional.empty(),
                    MailboxState.ACTIVE, Optional.empty(), 0)).id();
            Folder inbox = store.folders().find(mailbox, "INBOX").orElseThrow();
            Messages.Appended a = store.messages().append(inbox.id(), TestBodies.patterned(size), Set.of(), Instant.now());
            MessageInfo info = store.messages().get(inbox.id(), a.uid()).orElseThrow();
            try (InputStream body = store.blobs().open(info.body())) {
                System.out.println("OK " + info.size() + " " + TestBodies.sha256(body) + " maxHeap="
                        + Runtime.getRuntime().maxMemory());
            }
        }
    }
}
