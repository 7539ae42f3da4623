package it.pecgateway.access.imap;

import java.io.IOException;
import java.util.Set;

/**
 * One IMAP command: its name, the guards the dispatcher checks before running it, and its handler. Handlers run
 * on a store thread, write untagged responses through the session and return the tagged reply; they never touch
 * the channel's pipeline.
 */
interface ImapCommand {

    String name();

    /** States the command is valid in; others get BAD. */
    Set<ImapState> states();

    /** Modifies the mailbox: refused for read-only (expired) mailboxes. */
    default boolean writes() {
        return false;
    }

    /**
     * Whether untagged EXPUNGE may be sent while this command runs (RFC 3501 7.4.1: not during FETCH, STORE and
     * SEARCH, whose sequence numbers would shift; their UID forms are fine).
     */
    default boolean allowsExpunge(boolean uid) {
        return true;
    }

    /** Whether the command has a UID form ({@code UID FETCH}...). */
    default boolean hasUidForm() {
        return false;
    }

    Reply handle(ImapSession session, ImapReader args, boolean uid) throws IOException;
}
