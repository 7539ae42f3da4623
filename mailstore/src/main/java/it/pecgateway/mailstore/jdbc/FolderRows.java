package it.pecgateway.mailstore.jdbc;

import it.pecgateway.mailstore.Folder;
import it.pecgateway.mailstore.Folders.SpecialUse;
import it.pecgateway.mailstore.MailStoreException;
import it.pecgateway.mailstore.MailStoreException.Reason;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/** Folder rows: creation with a fresh UIDVALIDITY, lookup, and allocation of UIDs and modification sequences. */
final class FolderRows {
    static final String COLUMNS = "id, mailbox_id, name, uid_validity, subscribed, special_use";

    private FolderRows() {
    }

    /** What a write got from {@link #allocate}: its UIDs are {@code firstUid .. firstUid + count - 1}. */
    record Allocation(long folderId, long mailboxId, long uidValidity, long firstUid, long modSeq) { }

    static Folder insert(Tx tx, long mailboxId, String name, Optional<SpecialUse> specialUse, Clock clock)
            throws SQLException {
        long uidValidity = nextUidValidity(tx.connection(), clock);
        Optional<Long> id = Sql.one(tx.connection(),
                "INSERT INTO folders (mailbox_id, name, uid_validity, uid_next, highest_modseq, subscribed, special_use)"
                        + " VALUES (?, ?, ?, 1, 1, 1, ?) ON CONFLICT DO NOTHING RETURNING id",
                rs -> rs.getLong(1), mailboxId, name, uidValidity, specialUse.map(Enum::name).orElse(null));
        return new Folder(id.orElseThrow(() -> new MailStoreException(Reason.ALREADY_EXISTS, "folder exists already")),
                mailboxId, name, uidValidity, true, specialUse);
    }

    /**
     * UIDVALIDITY is the creation time in seconds, but always above every value given before, so that a folder
     * deleted and created again within one second (or after the clock went back) still gets a new one.
     */
    private static long nextUidValidity(Connection c, Clock clock) throws SQLException {
        long next = Sql.one(c, "UPDATE counters SET value = value + 1 WHERE name = 'uid_validity' RETURNING value",
                rs -> rs.getLong(1)).orElseThrow();
        long seconds = clock.instant().getEpochSecond();
        if (seconds > next) {
            Sql.update(c, "UPDATE counters SET value = ? WHERE name = 'uid_validity'", seconds);
            return seconds;
        }
        return next;
    }

    static Optional<Folder> find(Connection c, long mailboxId, String name) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM folders WHERE mailbox_id = ? AND name = ?",
                FolderRows::folder, mailboxId, name);
    }

    static Folder require(Connection c, long mailboxId, String name) throws SQLException {
        return find(c, mailboxId, name).orElseThrow(() -> Errors.notFound("folder"));
    }

    static long mailboxOf(Connection c, long folderId) throws SQLException {
        return Sql.one(c, "SELECT mailbox_id FROM folders WHERE id = ?", rs -> rs.getLong(1), folderId)
                .orElseThrow(() -> Errors.notFound("folder"));
    }

    /** Takes {@code uids} new UIDs and one new modification sequence; locks the folder row until commit. */
    static Allocation allocate(Tx tx, long folderId, int uids) throws SQLException {
        return Sql.one(tx.connection(),
                "UPDATE folders SET uid_next = uid_next + ?, highest_modseq = highest_modseq + 1 WHERE id = ?"
                        + " RETURNING mailbox_id, uid_validity, uid_next, highest_modseq",
                rs -> new Allocation(folderId, rs.getLong(1), rs.getLong(2), rs.getLong(3) - uids, rs.getLong(4)),
                uids, folderId).orElseThrow(() -> Errors.notFound("folder"));
    }

    static Folder folder(ResultSet rs) throws SQLException {
        String use = rs.getString("special_use");
        return new Folder(rs.getLong("id"), rs.getLong("mailbox_id"), rs.getString("name"), rs.getLong("uid_validity"),
                rs.getInt("subscribed") != 0, Optional.ofNullable(use).map(SpecialUse::valueOf));
    }
}
