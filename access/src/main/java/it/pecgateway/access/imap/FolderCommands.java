package it.pecgateway.access.imap;

import it.pecgateway.mailstore.Folder;
import it.pecgateway.mailstore.MailStoreException;
import java.util.List;
import java.util.Optional;

/** CREATE, DELETE, RENAME, SUBSCRIBE and UNSUBSCRIBE (RFC 3501 6.3.3-7). */
final class FolderCommands {
    private FolderCommands() {
    }

    private static boolean exists(List<Folder> all, String name) {
        return all.stream().anyMatch(f -> f.name().equals(name));
    }

    /** The folders below {@code name}: its children, theirs, and so on. */
    private static List<Folder> below(List<Folder> all, String name) {
        return all.stream().filter(f -> f.name().startsWith(name + MailboxNames.DELIMITER)).toList();
    }

    /** CREATE makes missing parents too, so that the hierarchy never has holes. */
    static final class Create extends ImapCommand {
        Create() {
            super("CREATE", ImapState.LOGGED_IN, Trait.WRITES);
        }

        Reply handle(ImapSession s, ImapReader r, boolean uid) {
            r.space();
            String name = r.mailbox();
            r.expectEnd();
            MailboxNames.validateNew(name);
            if (name.equals(MailboxNames.INBOX) || MailboxNames.find(s, name).isPresent()) {
                return Reply.no("ALREADYEXISTS", "Mailbox already exists");
            }
            long id = s.user.id();
            s.ctx.store().inTransaction(tx -> {
                int slash = name.indexOf(MailboxNames.DELIMITER);
                while (slash > 0) {
                    String parent = name.substring(0, slash);
                    if (tx.folders().find(id, parent).isEmpty()) {
                        tx.folders().create(id, parent, Optional.empty());
                    }
                    slash = name.indexOf(MailboxNames.DELIMITER, slash + 1);
                }
                return tx.folders().create(id, name, Optional.empty());
            });
            return Reply.ok("CREATE completed");
        }
    }

    static final class Delete extends ImapCommand {
        Delete() {
            super("DELETE", ImapState.LOGGED_IN, Trait.WRITES);
        }

        Reply handle(ImapSession s, ImapReader r, boolean uid) {
            r.space();
            String name = r.mailbox();
            r.expectEnd();
            if (name.equals(MailboxNames.INBOX)) {
                return Reply.no("CANNOT", "INBOX cannot be deleted");
            }
            List<Folder> all = s.ctx.store().folders().list(s.user.id());
            if (!exists(all, name)) {
                return Reply.no("NONEXISTENT", "Mailbox does not exist");
            }
            if (!below(all, name).isEmpty()) {
                return Reply.no("INUSE", "Mailbox has children, delete them first");
            }
            s.ctx.store().folders().delete(s.user.id(), name);
            return Reply.ok("DELETE completed");
        }
    }

    /** RENAME moves the folder's children along. */
    static final class Rename extends ImapCommand {
        Rename() {
            super("RENAME", ImapState.LOGGED_IN, Trait.WRITES);
        }

        Reply handle(ImapSession s, ImapReader r, boolean uid) {
            r.space();
            String from = r.mailbox();
            r.space();
            String to = r.mailbox();
            r.expectEnd();
            MailboxNames.validateNew(to);
            if (from.equals(MailboxNames.INBOX)) {
                return Reply.no("CANNOT", "INBOX cannot be renamed");
            }
            long id = s.user.id();
            List<Folder> all = s.ctx.store().folders().list(id);
            if (!exists(all, from)) {
                return Reply.no("NONEXISTENT", "Mailbox does not exist");
            }
            if (to.equals(MailboxNames.INBOX) || exists(all, to)) {
                return Reply.no("ALREADYEXISTS", "Target mailbox already exists");
            }
            if (to.startsWith(from + MailboxNames.DELIMITER)) {
                return Reply.no("CANNOT", "Cannot move a mailbox below itself");
            }
            s.ctx.store().inTransaction(tx -> {
                tx.folders().rename(id, from, to);
                for (Folder child : below(all, from)) {
                    tx.folders().rename(id, child.name(), to + child.name().substring(from.length()));
                }
                return null;
            });
            return Reply.ok("RENAME completed");
        }
    }

    static final class Subscribe extends ImapCommand {
        private final boolean subscribe;

        Subscribe(boolean subscribe) {
            super(subscribe ? "SUBSCRIBE" : "UNSUBSCRIBE", ImapState.LOGGED_IN);
            this.subscribe = subscribe;
        }

        Reply handle(ImapSession s, ImapReader r, boolean uid) {
            r.space();
            String name = r.mailbox();
            r.expectEnd();
            try {
                s.ctx.store().folders().setSubscribed(s.user.id(), name, subscribe);
            } catch (MailStoreException e) {
                if (e.reason() != MailStoreException.Reason.NOT_FOUND || subscribe) {
                    throw e;
                }
            }
            return Reply.ok(name() + " completed");
        }
    }
}
