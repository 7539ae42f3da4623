package it.pecgateway.access.pop3;

import it.pecgateway.access.ChannelOutput;
import it.pecgateway.access.LoginPolicy;
import it.pecgateway.access.MailboxWatch;
import it.pecgateway.access.SerialExecutor;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MessageInfo;
import java.net.InetAddress;
import java.util.BitSet;
import java.util.List;

/**
 * One POP3 connection. After login it holds a snapshot of INBOX (RFC 1939: message numbers and sizes do not change
 * during the session); deletions are only marks until QUIT.
 */
final class Pop3Session {
    final MailStore store;
    final LoginPolicy logins;
    final ChannelOutput out;
    final InetAddress remote;
    final SerialExecutor serial;

    Pop3State state = Pop3State.AUTHORIZATION;
    String pendingUser;
    Mailbox user;
    boolean readOnly;
    long folderId;
    long uidValidity;
    List<MessageInfo> messages = List.of();
    final BitSet deleted = new BitSet();
    final BitSet retrieved = new BitSet();
    private MailboxWatch watch;
    private Runnable onAccountChange = () -> { };

    Pop3Session(MailStore store, LoginPolicy logins, ChannelOutput out, InetAddress remote, SerialExecutor serial) {
        this.store = store;
        this.logins = logins;
        this.out = out;
        this.remote = remote;
        this.serial = serial;
    }

    /** Called on a store thread when the mailbox changed state or expiry, or was deleted. */
    void onAccountChange(Runnable r) {
        this.onAccountChange = r;
    }

    /** Logged in with these rights: from now on, account changes make the session check whether it may go on. */
    void login(Mailbox mailbox, boolean readOnly) {
        this.user = mailbox;
        this.readOnly = readOnly;
        this.watch = new MailboxWatch(logins, store.changes(), mailbox, readOnly, onAccountChange, change -> { });
    }

    /** Whether the mailbox still allows what this session logged in with (true before login). */
    boolean mayContinue() {
        return watch == null || watch.mayContinue();
    }

    /** The message with this 1-based number, unless it does not exist or is marked deleted. */
    MessageInfo message(int number) {
        if (number < 1 || number > messages.size() || deleted.get(number - 1)) {
            return null;
        }
        return messages.get(number - 1);
    }

    String uniqueId(MessageInfo m) {
        return uidValidity + "." + m.uid();
    }

    /** Releases the session slot; called once when the connection closes. */
    void close() {
        if (watch != null) {
            watch.close();
            watch = null;
            user = null;
        }
    }
}
