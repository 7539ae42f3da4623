package it.pecgateway.mailstore;

import java.util.List;

/** Something changed in a mailbox; sessions re-read what they need from the store. */
public sealed interface MailboxChange {
    long mailboxId();

    record MessagesAdded(long mailboxId, long folderId, List<Long> uids, long modSeq) implements MailboxChange { }

    record FlagsChanged(long mailboxId, long folderId, List<Long> uids, long modSeq) implements MailboxChange { }

    record MessagesExpunged(long mailboxId, long folderId, List<Long> uids, long modSeq) implements MailboxChange { }

    /** Folders were created, renamed or deleted. */
    record FoldersChanged(long mailboxId) implements MailboxChange { }

    /**
     * The mailbox's state or expiry date changed, or the mailbox was deleted ({@link Accounts#setState},
     * {@link Accounts#setExpiry}, {@link Accounts#deleteMailbox}): open sessions read it again
     * ({@link Accounts#findById}, empty once deleted) and decide whether they may go on.
     */
    record AccountChanged(long mailboxId) implements MailboxChange { }
}
