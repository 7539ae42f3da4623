package it.pecgateway.mailstore.jdbc;

import it.pecgateway.mailstore.Folder;
import it.pecgateway.mailstore.FolderStatus;
import it.pecgateway.mailstore.Folders;
import it.pecgateway.mailstore.MailStoreException;
import it.pecgateway.mailstore.MailStoreException.Reason;
import it.pecgateway.mailstore.MailboxChange;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

final class JdbcFolders implements Folders {
    private final Db db;
    private final Backend backend;

    JdbcFolders(Db db, Backend backend) {
        this.db = db;
        this.backend = backend;
    }

    @Override
    public List<Folder> list(long mailboxId) {
        return db.read(tx -> Sql.list(tx.connection(),
                "SELECT " + FolderRows.COLUMNS + " FROM folders WHERE mailbox_id = ? ORDER BY name",
                FolderRows::folder, mailboxId));
    }

    @Override
    public Optional<Folder> find(long mailboxId, String name) {
        String n = Names.folder(name);
        return db.read(tx -> FolderRows.find(tx.connection(), mailboxId, n));
    }

    @Override
    public Folder create(long mailboxId, String name, Optional<SpecialUse> specialUse) {
        String n = Names.folder(name);
        return db.write(tx -> {
            requireMailbox(tx, mailboxId);
            Folder folder = FolderRows.insert(tx, mailboxId, n, specialUse, backend.clock());
            tx.changed(new MailboxChange.FoldersChanged(mailboxId));
            return folder;
        });
    }

    @Override
    public void rename(long mailboxId, String from, String to) {
        String f = Names.folder(from);
        String t = Names.folder(to);
        if (f.equals(Names.INBOX)) {
            throw Errors.invalid("INBOX cannot be renamed");
        }
        db.write(tx -> {
            Folder folder = FolderRows.require(tx.connection(), mailboxId, f);
            if (FolderRows.find(tx.connection(), mailboxId, t).isPresent()) {
                throw new MailStoreException(Reason.ALREADY_EXISTS, "folder exists already");
            }
            Sql.update(tx.connection(), "UPDATE folders SET name = ? WHERE id = ?", t, folder.id());
            tx.changed(new MailboxChange.FoldersChanged(mailboxId));
            return null;
        });
    }

    @Override
    public void delete(long mailboxId, String name) {
        String n = Names.folder(name);
        if (n.equals(Names.INBOX)) {
            throw Errors.invalid("INBOX cannot be deleted");
        }
        db.write(tx -> {
            Folder folder = FolderRows.require(tx.connection(), mailboxId, n);
            MessageRows.deleteFolderWithMessages(tx, folder.id());
            tx.changed(new MailboxChange.FoldersChanged(mailboxId));
            return null;
        });
    }

    @Override
    public void setSubscribed(long mailboxId, String name, boolean subscribed) {
        String n = Names.folder(name);
        int changed = db.write(tx -> Sql.update(tx.connection(),
                "UPDATE folders SET subscribed = ? WHERE mailbox_id = ? AND name = ?", subscribed, mailboxId, n));
        if (changed == 0) {
            throw Errors.notFound("folder");
        }
    }

    @Override
    public FolderStatus status(long folderId) {
        return db.read(tx -> {
            record Head(long uidNext, long uidValidity, long highestModSeq) { }
            Head head = Sql.one(tx.connection(), "SELECT uid_next, uid_validity, highest_modseq FROM folders WHERE id = ?",
                    rs -> new Head(rs.getLong(1), rs.getLong(2), rs.getLong(3)), folderId)
                    .orElseThrow(() -> Errors.notFound("folder"));
            long[] totals = Sql.one(tx.connection(), "SELECT count(*), coalesce(sum(size), 0) FROM messages WHERE folder_id = ?",
                    rs -> new long[] {rs.getLong(1), rs.getLong(2)}, folderId).orElseThrow();
            long[] unseen = Sql.one(tx.connection(), "SELECT count(*), coalesce(min(uid), 0) FROM messages"
                            + " WHERE folder_id = ? AND seen = 0",
                    rs -> new long[] {rs.getLong(1), rs.getLong(2)}, folderId).orElseThrow();
            return new FolderStatus(folderId, totals[0], unseen[0], head.uidNext(), head.uidValidity(),
                    head.highestModSeq(), totals[1], unseen[1]);
        });
    }

    private static void requireMailbox(Tx tx, long mailboxId) throws SQLException {
        if (Sql.one(tx.connection(), "SELECT 1 FROM mailboxes WHERE id = ?", rs -> 1, mailboxId).isEmpty()) {
            throw Errors.notFound("mailbox");
        }
    }
}
