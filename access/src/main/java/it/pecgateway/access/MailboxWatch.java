package it.pecgateway.access;

import it.pecgateway.mailstore.ChangeFeed;
import it.pecgateway.mailstore.MailboxChange;
import java.util.function.Consumer;

/**
 * A logged-in session's subscription to the changes of its mailbox. {@link MailboxChange.AccountChanged} (the
 * mailbox was suspended, deactivated, expired, renewed or deleted, on this node or another) goes to
 * {@code onAccountChange}, every other change to {@code onContent}. Both run on a store thread and must only hand
 * the work on to the session's executor.
 */
public final class MailboxWatch implements AutoCloseable {
    private final ChangeFeed.Subscription subscription;

    /**
     * Subscribes, then calls {@code onAccountChange} once: a suspension committed while the password was being
     * checked, before this subscription existed, is not missed.
     */
    public MailboxWatch(ChangeFeed feed, long mailboxId, Runnable onAccountChange, Consumer<MailboxChange> onContent) {
        this.subscription = feed.subscribe(mailboxId, change -> {
            if (change instanceof MailboxChange.AccountChanged) {
                onAccountChange.run();
            } else {
                onContent.accept(change);
            }
        });
        onAccountChange.run();
    }

    @Override
    public void close() {
        subscription.close();
    }
}
