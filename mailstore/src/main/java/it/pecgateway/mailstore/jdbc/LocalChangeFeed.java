package it.pecgateway.mailstore.jdbc;

import it.pecgateway.mailstore.ChangeFeed;
import it.pecgateway.mailstore.MailboxChange;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Listeners of this process, by mailbox. A failing listener is logged and does not stop the others. */
public final class LocalChangeFeed implements ChangeFeed {
    private static final Logger LOG = LoggerFactory.getLogger(LocalChangeFeed.class);
    private final Map<Long, List<Consumer<MailboxChange>>> listeners = new ConcurrentHashMap<>();

    @Override
    public Subscription subscribe(long mailboxId, Consumer<MailboxChange> listener) {
        listeners.computeIfAbsent(mailboxId, id -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.computeIfPresent(mailboxId, (id, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    /** The mailboxes that have listeners now. */
    public Set<Long> watchedMailboxes() {
        return Set.copyOf(listeners.keySet());
    }

    public void publish(List<MailboxChange> changes) {
        for (MailboxChange change : changes) {
            for (Consumer<MailboxChange> l : listeners.getOrDefault(change.mailboxId(), List.of())) {
                try {
                    l.accept(change);
                } catch (RuntimeException e) {
                    LOG.warn("a mailbox change listener failed", e);
                }
            }
        }
    }
}
