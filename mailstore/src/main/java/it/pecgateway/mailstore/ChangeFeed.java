package it.pecgateway.mailstore;

import java.util.function.Consumer;

/**
 * Changes of mailboxes, published after commit. Listeners run on a store thread and must return quickly
 * (hand the event to their own executor). On PostgreSQL events from other nodes arrive through LISTEN/NOTIFY.
 */
public interface ChangeFeed {

    Subscription subscribe(long mailboxId, Consumer<MailboxChange> listener);

    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
