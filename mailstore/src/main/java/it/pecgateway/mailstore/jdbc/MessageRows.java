package it.pecgateway.mailstore.jdbc;

import it.pecgateway.mailstore.BlobId;
import it.pecgateway.mailstore.MailStoreException;
import it.pecgateway.mailstore.MailStoreException.Reason;
import it.pecgateway.mailstore.MailboxChange;
import it.pecgateway.mailstore.MessageInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Message rows and the bookkeeping that goes with them: quota usage of the mailbox and release of bodies.
 * Lock order in every write: the mailbox row first, then the folder row, so that concurrent writers on
 * PostgreSQL do not deadlock.
 */
final class MessageRows {
    static final String COLUMNS = "folder_id, uid, blob_id, size, internal_date, flags, modseq";

    private MessageRows() {
    }

    static MessageInfo info(ResultSet rs) throws SQLException {
        return new MessageInfo(rs.getLong("folder_id"), rs.getLong("uid"), Flags.parse(rs.getString("flags")),
                Instant.ofEpochMilli(rs.getLong("internal_date")), rs.getLong("size"), rs.getLong("modseq"),
                new BlobId(rs.getLong("blob_id")));
    }

    /** Adds {@code bytes} and {@code messages} to the mailbox's usage, refusing to pass a quota when enforced. */
    static void charge(Connection c, long mailboxId, long bytes, long messages, boolean enforceQuota)
            throws SQLException {
        int ok = Sql.update(c, "UPDATE mailboxes SET used_bytes = used_bytes + ?, message_count = message_count + ?"
                        + " WHERE id = ? AND (? = 0 OR quota_bytes = 0 OR used_bytes + ? <= quota_bytes)",
                bytes, messages, mailboxId, enforceQuota, bytes);
        if (ok == 0) {
            throw new MailStoreException(Reason.OVER_QUOTA, "mailbox quota exceeded");
        }
    }

    /**
     * {@link #charge} for a message going into a folder, with the folder's mailbox found in the same statement (one
     * statement fewer per delivery: a round trip on PostgreSQL). Same lock order: the mailbox row before the folder's.
     *
     * @return the folder's mailbox
     */
    static long chargeFolder(Connection c, long folderId, long bytes) throws SQLException {
        Optional<Long> mailbox = Sql.one(c, "UPDATE mailboxes SET used_bytes = used_bytes + ?, message_count = message_count + 1"
                        + " WHERE id = (SELECT mailbox_id FROM folders WHERE id = ?) AND (quota_bytes = 0 OR used_bytes + ? <= quota_bytes)"
                        + " RETURNING id", rs -> rs.getLong(1), bytes, folderId, bytes);
        if (mailbox.isPresent()) {
            return mailbox.get();
        }
        FolderRows.mailboxOf(c, folderId); // NOT_FOUND when there is no such folder
        throw new MailStoreException(Reason.OVER_QUOTA, "mailbox quota exceeded");
    }

    static void uncharge(Connection c, long mailboxId, long bytes, long messages) throws SQLException {
        Sql.update(c, "UPDATE mailboxes SET used_bytes = used_bytes - ?, message_count = message_count - ? WHERE id = ?",
                bytes, messages, mailboxId);
    }

    static void insert(Connection c, long folderId, long uid, long blobId, long size, Instant internalDate,
                       Set<String> flags, long modSeq) throws SQLException {
        Sql.update(c, "INSERT INTO messages (folder_id, uid, blob_id, size, internal_date, flags, seen, deleted, modseq)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", folderId, uid, blobId, size, internalDate.toEpochMilli(),
                Flags.join(flags), flags.contains(Flags.SEEN), flags.contains(Flags.DELETED), modSeq);
    }

    /**
     * Removes these messages of one folder (all of them must exist there): gives back their quota, takes a new
     * modification sequence and announces the expunge.
     */
    static void remove(Tx tx, long folderId, List<MessageInfo> messages) throws SQLException {
        if (messages.isEmpty()) {
            return;
        }
        Connection c = tx.connection();
        long mailboxId = FolderRows.mailboxOf(c, folderId);
        uncharge(c, mailboxId, messages.stream().mapToLong(MessageInfo::size).sum(), messages.size());
        FolderRows.Allocation alloc = FolderRows.allocate(tx, folderId, 0);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM messages WHERE folder_id = ? AND uid = ?")) {
            for (MessageInfo m : messages) {
                ps.setLong(1, folderId);
                ps.setLong(2, m.uid());
                ps.addBatch();
                tx.released(m.body().value());
            }
            ps.executeBatch();
        }
        tx.changed(new MailboxChange.MessagesExpunged(mailboxId, folderId,
                messages.stream().map(MessageInfo::uid).sorted().toList(), alloc.modSeq()));
    }

    static void deleteFolderWithMessages(Tx tx, long folderId) throws SQLException {
        Connection c = tx.connection();
        List<MessageInfo> all = Sql.list(c, "SELECT " + COLUMNS + " FROM messages WHERE folder_id = ?",
                MessageRows::info, folderId);
        if (!all.isEmpty()) {
            long mailboxId = FolderRows.mailboxOf(c, folderId);
            uncharge(c, mailboxId, all.stream().mapToLong(MessageInfo::size).sum(), all.size());
            all.forEach(m -> tx.released(m.body().value()));
            Sql.update(c, "DELETE FROM messages WHERE folder_id = ?", folderId);
        }
        Sql.update(c, "DELETE FROM folders WHERE id = ?", folderId);
    }
}
