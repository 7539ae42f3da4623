package it.pecgateway.mailstore.jdbc;

import it.pecgateway.mailstore.BlobId;
import it.pecgateway.mailstore.BodySource;
import it.pecgateway.mailstore.MailStoreException;
import it.pecgateway.mailstore.MailStoreException.Reason;
import it.pecgateway.mailstore.MailboxChange;
import it.pecgateway.mailstore.MessageInfo;
import it.pecgateway.mailstore.Messages;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

final class JdbcMessages implements Messages {
    private final Db db;
    private final Backend backend;

    JdbcMessages(Db db, Backend backend) {
        this.db = db;
        this.backend = backend;
    }

    @Override
    public Appended append(long folderId, BodySource body, Set<String> flags, Instant internalDate) {
        Set<String> normalized = Flags.normalize(flags);
        BlobStore blobs = backend.blobs();
        if (body.size() <= PendingBodies.LIMIT || !blobs.largeBodiesOutsideTransaction()) {
            return db.write(tx -> insert(tx, folderId, blobs.put(new TxDb(tx), body).value(), normalized, internalDate));
        }
        // the body is on disk (synced) before the metadata write is queued: the writer thread never waits for it
        BlobId id = blobs.put(db, body);
        try {
            return db.write(tx -> insert(tx, folderId, id.value(), normalized, internalDate));
        } catch (MailStoreException e) {
            if (e.reason() != Reason.UNAVAILABLE) {
                blobs.discard(id); // refused (quota, missing folder): nothing will ever refer to it
            }
            throw e;
        }
    }

    @Override
    public Appended append(long folderId, BlobId body, Set<String> flags, Instant internalDate) {
        Set<String> normalized = Flags.normalize(flags);
        return db.write(tx -> insert(tx, folderId, body.value(), normalized, internalDate));
    }

    private Appended insert(Tx tx, long folderId, long blobId, Set<String> flags, Instant internalDate)
            throws SQLException {
        Connection c = tx.connection();
        long size = backend.blobs().sizeForReference(tx, blobId);
        MessageRows.charge(c, FolderRows.mailboxOf(c, folderId), size, 1, true);
        FolderRows.Allocation a = FolderRows.allocate(tx, folderId, 1);
        MessageRows.insert(c, folderId, a.firstUid(), blobId, size, truncate(internalDate), flags, a.modSeq());
        tx.changed(new MailboxChange.MessagesAdded(a.mailboxId(), folderId, List.of(a.firstUid()), a.modSeq()));
        return new Appended(folderId, a.uidValidity(), a.firstUid(), a.modSeq());
    }

    /**
     * One row holding the UIDs as decimal text: two to four times faster than a row per UID through JDBC. The
     * aggregate reads the primary key in order ({@code string_agg(.. ORDER BY ..)} made SQLite sort again); no
     * standard promises that order, so it is checked here and restored if ever needed.
     */
    @Override
    public long[] uids(long folderId) {
        String joined = db.read(tx -> Sql.one(tx.connection(), "SELECT string_agg(CAST(uid AS TEXT), ',')"
                + " FROM (SELECT uid FROM messages WHERE folder_id = ? ORDER BY uid) AS u",
                rs -> rs.getString(1) == null ? "" : rs.getString(1), folderId)).orElse("");
        if (joined.isEmpty()) {
            return new long[0];
        }
        long[] uids = parseUids(joined);
        for (int i = 1; i < uids.length; i++) {
            if (uids[i] < uids[i - 1]) {
                java.util.Arrays.sort(uids);
                break;
            }
        }
        return uids;
    }

    private static long[] parseUids(String joined) {
        int count = 1;
        for (int i = 0; i < joined.length(); i++) {
            if (joined.charAt(i) == ',') {
                count++;
            }
        }
        long[] out = new long[count];
        int n = 0;
        long value = 0;
        for (int i = 0; i < joined.length(); i++) {
            char ch = joined.charAt(i);
            if (ch == ',') {
                out[n++] = value;
                value = 0;
            } else {
                value = value * 10 + (ch - '0');
            }
        }
        out[n] = value;
        return out;
    }

    @Override
    public List<MessageInfo> list(long folderId, long fromUid, long toUid) {
        return db.read(tx -> Sql.list(tx.connection(), "SELECT " + MessageRows.COLUMNS
                        + " FROM messages WHERE folder_id = ? AND uid BETWEEN ? AND ? ORDER BY uid",
                MessageRows::info, folderId, fromUid, toUid));
    }

    @Override
    public Optional<MessageInfo> get(long folderId, long uid) {
        return db.read(tx -> Sql.one(tx.connection(), "SELECT " + MessageRows.COLUMNS
                + " FROM messages WHERE folder_id = ? AND uid = ?", MessageRows::info, folderId, uid));
    }

    @Override
    public List<MessageInfo> changedSince(long folderId, long modSeq) {
        return db.read(tx -> Sql.list(tx.connection(), "SELECT " + MessageRows.COLUMNS
                + " FROM messages WHERE folder_id = ? AND modseq > ? ORDER BY uid", MessageRows::info, folderId, modSeq));
    }

    @Override
    public FlagResult updateFlags(long folderId, Collection<Long> uids, FlagUpdate mode, Set<String> flags,
                                  OptionalLong unchangedSince) {
        Set<String> given = Flags.normalize(flags);
        return db.write(tx -> {
            Connection c = tx.connection();
            List<MessageInfo> matched = selected(c, folderId, uids);
            List<MessageInfo> updated = new ArrayList<>();
            List<Long> notModified = new ArrayList<>();
            List<MessageInfo> changed = new ArrayList<>();
            for (MessageInfo m : matched) {
                if (unchangedSince.isPresent() && m.modSeq() > unchangedSince.getAsLong()) {
                    notModified.add(m.uid());
                    continue;
                }
                Set<String> next = apply(m.flags(), mode, given);
                if (next.equals(m.flags())) {
                    updated.add(m);
                } else {
                    changed.add(new MessageInfo(folderId, m.uid(), next, m.internalDate(), m.size(), 0, m.body()));
                }
            }
            if (!changed.isEmpty()) {
                long mailboxId = FolderRows.mailboxOf(c, folderId);
                long modSeq = FolderRows.allocate(tx, folderId, 0).modSeq();
                try (PreparedStatement ps = c.prepareStatement("UPDATE messages SET flags = ?, seen = ?, deleted = ?,"
                        + " modseq = ? WHERE folder_id = ? AND uid = ?")) {
                    for (MessageInfo m : changed) {
                        Sql.bind(ps, Flags.join(m.flags()), m.flags().contains(Flags.SEEN),
                                m.flags().contains(Flags.DELETED), modSeq, folderId, m.uid());
                        ps.addBatch();
                        updated.add(new MessageInfo(folderId, m.uid(), m.flags(), m.internalDate(), m.size(), modSeq,
                                m.body()));
                    }
                    ps.executeBatch();
                }
                tx.changed(new MailboxChange.FlagsChanged(mailboxId, folderId,
                        changed.stream().map(MessageInfo::uid).toList(), modSeq));
            }
            updated.sort(java.util.Comparator.comparingLong(MessageInfo::uid));
            return new FlagResult(updated, notModified);
        });
    }

    private static Set<String> apply(Set<String> current, FlagUpdate mode, Set<String> given) {
        Set<String> next = new TreeSet<>(mode == FlagUpdate.REPLACE ? Set.of() : current);
        if (mode == FlagUpdate.REMOVE) {
            next.removeAll(given);
        } else {
            next.addAll(given);
        }
        return next;
    }

    @Override
    public CopyResult copy(long fromFolderId, Collection<Long> uids, long toFolderId) {
        return db.write(tx -> copyRows(tx, fromFolderId, selected(tx.connection(), fromFolderId, uids), toFolderId, false));
    }

    @Override
    public CopyResult move(long fromFolderId, Collection<Long> uids, long toFolderId) {
        if (fromFolderId == toFolderId) {
            throw Errors.invalid("source and target folder are the same");
        }
        return db.write(tx -> {
            List<MessageInfo> source = selected(tx.connection(), fromFolderId, uids);
            CopyResult result = copyRows(tx, fromFolderId, source, toFolderId, true);
            MessageRows.remove(tx, fromFolderId, source);
            return result;
        });
    }

    private CopyResult copyRows(Tx tx, long fromFolderId, List<MessageInfo> source, long toFolderId, boolean moving)
            throws SQLException {
        Connection c = tx.connection();
        long sourceMailbox = FolderRows.mailboxOf(c, fromFolderId);
        long targetMailbox = FolderRows.mailboxOf(c, toFolderId);
        if (source.isEmpty()) {
            long uidValidity = Sql.one(c, "SELECT uid_validity FROM folders WHERE id = ?", rs -> rs.getLong(1), toFolderId)
                    .orElseThrow();
            return new CopyResult(uidValidity, List.of());
        }
        // a move inside one mailbox gives the space back in the same transaction: it never exceeds the quota
        boolean enforceQuota = !(moving && sourceMailbox == targetMailbox);
        MessageRows.charge(c, targetMailbox, source.stream().mapToLong(MessageInfo::size).sum(), source.size(),
                enforceQuota);
        FolderRows.Allocation a = FolderRows.allocate(tx, toFolderId, source.size());
        List<long[]> map = new ArrayList<>();
        List<Long> added = new ArrayList<>();
        long uid = a.firstUid();
        for (MessageInfo m : source) {
            MessageRows.insert(c, toFolderId, uid, m.body().value(), m.size(), m.internalDate(), m.flags(), a.modSeq());
            map.add(new long[] {m.uid(), uid});
            added.add(uid);
            uid++;
        }
        tx.changed(new MailboxChange.MessagesAdded(targetMailbox, toFolderId, added, a.modSeq()));
        return new CopyResult(a.uidValidity(), map);
    }

    @Override
    public List<Long> expunge(long folderId, Optional<Collection<Long>> onlyUids) {
        return db.write(tx -> {
            List<MessageInfo> deleted = Sql.list(tx.connection(), "SELECT " + MessageRows.COLUMNS
                    + " FROM messages WHERE folder_id = ? AND deleted = 1 ORDER BY uid", MessageRows::info, folderId);
            if (onlyUids.isPresent()) {
                Set<Long> only = new HashSet<>(onlyUids.get());
                deleted = deleted.stream().filter(m -> only.contains(m.uid())).toList();
            }
            if (deleted.isEmpty()) {
                FolderRows.mailboxOf(tx.connection(), folderId);
            }
            MessageRows.remove(tx, folderId, deleted);
            return deleted.stream().map(MessageInfo::uid).toList();
        });
    }

    @Override
    public QuotaUsage quota(long mailboxId) {
        return db.read(tx -> Sql.one(tx.connection(),
                "SELECT used_bytes, quota_bytes, message_count FROM mailboxes WHERE id = ?",
                rs -> new QuotaUsage(rs.getLong(1), rs.getLong(2), rs.getLong(3)), mailboxId)
                .orElseThrow(() -> Errors.notFound("mailbox")));
    }

    /** The messages among {@code uids} that exist, ascending; one range query, filtered here. */
    private static List<MessageInfo> selected(Connection c, long folderId, Collection<Long> uids) throws SQLException {
        if (uids.isEmpty()) {
            return List.of();
        }
        Set<Long> wanted = new HashSet<>(uids);
        long min = wanted.stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = wanted.stream().mapToLong(Long::longValue).max().orElseThrow();
        List<MessageInfo> out = new ArrayList<>();
        for (MessageInfo m : Sql.list(c, "SELECT " + MessageRows.COLUMNS + " FROM messages WHERE folder_id = ?"
                + " AND uid BETWEEN ? AND ? ORDER BY uid", MessageRows::info, folderId, min, max)) {
            if (wanted.contains(m.uid())) {
                out.add(m);
            }
        }
        return out;
    }

    private static Instant truncate(Instant t) {
        return Instant.ofEpochMilli(t.toEpochMilli());
    }
}
