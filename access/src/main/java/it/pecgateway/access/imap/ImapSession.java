package it.pecgateway.access.imap;

import it.pecgateway.access.MailboxWatch;
import it.pecgateway.access.SerialExecutor;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.MailboxChange;
import java.net.InetAddress;

/** The typed state of one IMAP connection. Touched only by its serial executor (and the event loop at start). */
final class ImapSession {
    final ImapContext ctx;
    final ImapWriter out;
    final InetAddress remote;
    final SerialExecutor serial;

    ImapState state = ImapState.NOT_AUTHENTICATED;
    volatile boolean tls;
    Mailbox user;
    boolean readOnlyAccount;
    /** Read by the change listener on a store thread. */
    volatile SelectedFolder selected;
    boolean condstore;
    /** Set while IDLE waits for DONE: changes are then pushed at once. */
    volatile boolean idling;
    private MailboxWatch watch;
    private Runnable onIdleChange = () -> { };
    private Runnable onAccountChange = () -> { };

    ImapSession(ImapContext ctx, ImapWriter out, InetAddress remote, SerialExecutor serial, boolean tls) {
        this.ctx = ctx;
        this.out = out;
        this.remote = remote;
        this.serial = serial;
        this.tls = tls;
    }

    boolean loggedIn() {
        return user != null;
    }

    void onIdleChange(Runnable r) {
        this.onIdleChange = r;
    }

    /** Called on a store thread when the mailbox changed state or expiry, or was deleted. */
    void onAccountChange(Runnable r) {
        this.onAccountChange = r;
    }

    /**
     * Logged in: from now on, store changes of this mailbox mark the selected folder as changed, and account
     * changes make the session check whether it may go on.
     */
    void login(Mailbox mailbox, boolean readOnly) {
        this.user = mailbox;
        this.readOnlyAccount = readOnly;
        this.state = ImapState.AUTHENTICATED;
        this.watch = new MailboxWatch(ctx.logins(), ctx.store().changes(), mailbox, readOnly, onAccountChange, this::changed);
    }

    /** Whether the mailbox still allows what this session logged in with (true before login). */
    boolean mayContinue() {
        return watch == null || watch.mayContinue();
    }

    private void changed(MailboxChange change) {
        SelectedFolder s = selected;
        if (s != null) {
            s.markChanged();
        }
        if (idling) {
            onIdleChange.run();
        }
    }

    void select(SelectedFolder folder) {
        this.selected = folder;
        this.state = folder == null ? ImapState.AUTHENTICATED : ImapState.SELECTED;
    }

    /** Ends the session's ties to the store; called once when the connection closes. */
    void close() {
        if (watch != null) {
            watch.close();
            watch = null;
        }
    }
}
