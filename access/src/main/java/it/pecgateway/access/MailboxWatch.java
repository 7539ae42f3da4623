package it.pecgateway.access;

import it.pecgateway.mailstore.ChangeFeed;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.MailboxChange;
import java.util.function.Consumer;

/**
 * A logged-in session's tie to its mailbox: the rights it logged in with, its session slot, and its subscription
 * to the mailbox's changes. {@link MailboxChange.AccountChanged} (the mailbox was suspended, deactivated, expired,
 * renewed or deleted, on this node or another) goes to {@code onAccountChange}, every other change to
 * {@code onContent}; both run on a store thread and must only hand the work on to the session's executor.
 */
public final class MailboxWatch implements AutoCloseable {
    private final LoginPolicy logins;
    private final Mailbox mailbox;
    private final boolean readOnly;
    private final ChangeFeed.Subscription subscription;

    /**
     * Takes over the session slot of a successful login and subscribes, then calls {@code onAccountChange} once:
     * a suspension committed while the password was being checked, before this subscription existed, is not
     * missed.
     */
    public MailboxWatch(LoginPolicy logins, ChangeFeed feed, Mailbox mailbox, boolean readOnly,
                        Runnable onAccountChange, Consumer<MailboxChange> onContent) {
        this.logins = logins;
        this.mailbox = mailbox;
        this.readOnly = readOnly;
        this.subscription = feed.subscribe(mailbox.id(), change -> {
            if (change instanceof MailboxChange.AccountChanged) {
                onAccountChange.run();
            } else {
                onContent.accept(change);
            }
        });
        onAccountChange.run();
    }

    /** Whether the mailbox, read again, still allows what the session logged in with. */
    public boolean mayContinue() {
        return logins.sessionMayContinue(mailbox.id(), readOnly);
    }

    /** Unsubscribes and releases the session slot; called once, when the connection is gone. */
    @Override
    public void close() {
        subscription.close();
        logins.logout(mailbox);
    }
}
