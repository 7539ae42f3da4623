package it.pecgateway.mailstore;

import java.util.List;
import java.util.Optional;

/**
 * Folders of a mailbox with IMAP semantics. Names are opaque strings to the store (the IMAP layer picks the
 * hierarchy delimiter); {@code INBOX} is matched case-insensitively, exists always and cannot be deleted or renamed.
 */
public interface Folders {

    List<Folder> list(long mailboxId);

    Optional<Folder> find(long mailboxId, String name);

    /** @throws MailStoreException ALREADY_EXISTS, INVALID */
    Folder create(long mailboxId, String name, Optional<SpecialUse> specialUse);

    /** Renames a folder; a new UIDVALIDITY is not needed (UIDs move with it). @throws MailStoreException INVALID for INBOX */
    void rename(long mailboxId, String from, String to);

    /** Deletes a folder and its messages. @throws MailStoreException INVALID for INBOX */
    void delete(long mailboxId, String name);

    void setSubscribed(long mailboxId, String name, boolean subscribed);

    FolderStatus status(long folderId);

    /** RFC 6154 special uses. */
    enum SpecialUse { SENT, DRAFTS, TRASH, JUNK, ARCHIVE }
}
