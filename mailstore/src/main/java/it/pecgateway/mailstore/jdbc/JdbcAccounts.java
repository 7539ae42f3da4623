package it.pecgateway.mailstore.jdbc;

import it.pecgateway.mailstore.Accounts;
import it.pecgateway.mailstore.Holder;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.MailboxChange;
import it.pecgateway.mailstore.MailboxSettings;
import it.pecgateway.mailstore.MailboxSettings.OrdinaryMailRule;
import it.pecgateway.mailstore.MailboxState;
import it.pecgateway.mailstore.MailStoreException;
import it.pecgateway.mailstore.MailStoreException.Reason;
import it.pecgateway.mailstore.NewMailbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Domains and mailboxes. Password hashing runs on the caller's thread, never inside a database write. */
final class JdbcAccounts implements Accounts {
    private static final String COLUMNS = "id, address, state, created_at, expires_at, quota_bytes, ordinary_rule, "
            + "forward_to, deliver_folder, notify_addresses, notify_only_from";

    private final Db db;
    private final Backend backend;

    JdbcAccounts(Db db, Backend backend) {
        this.db = db;
        this.backend = backend;
    }

    @Override
    public void addDomain(String domain) {
        String d = Names.domain(domain);
        int added = db.write(tx -> Sql.update(tx.connection(),
                "INSERT INTO domains (name, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING", d, now()));
        if (added == 0) {
            throw new MailStoreException(Reason.ALREADY_EXISTS, "domain exists already");
        }
    }

    @Override
    public List<String> domains() {
        return db.read(tx -> Sql.list(tx.connection(), "SELECT name FROM domains ORDER BY name", rs -> rs.getString(1)));
    }

    @Override
    public boolean hostsDomain(String domain) {
        String d = Names.domain(domain);
        return db.read(tx -> Sql.one(tx.connection(), "SELECT 1 FROM domains WHERE name = ?", rs -> 1, d)).isPresent();
    }

    @Override
    public Mailbox createMailbox(NewMailbox mailbox) {
        String address = Names.address(mailbox.address());
        String domain = address.substring(address.indexOf('@') + 1);
        if (mailbox.quotaBytes() < 0) {
            throw Errors.invalid("negative quota");
        }
        String hash = mailbox.password().map(backend.hasher()::hash).orElse(null);
        MailboxSettings settings = MailboxSettings.defaults();
        long id = db.write(tx -> {
            if (Sql.one(tx.connection(), "SELECT 1 FROM domains WHERE name = ?", rs -> 1, domain).isEmpty()) {
                throw Errors.notFound("domain");
            }
            Optional<Long> inserted = Sql.one(tx.connection(),
                    "INSERT INTO mailboxes (address, domain, password_hash, state, created_at, expires_at, quota_bytes,"
                            + " ordinary_rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id",
                    rs -> rs.getLong(1), address, domain, hash, mailbox.state().name(), now(),
                    Sql.millis(mailbox.expiresAt()), mailbox.quotaBytes(), settings.ordinaryMail().name());
            long mailboxId = inserted.orElseThrow(
                    () -> new MailStoreException(Reason.ALREADY_EXISTS, "mailbox exists already"));
            if (hash != null) {
                remember(tx, mailboxId, hash);
            }
            FolderRows.insert(tx, mailboxId, Names.INBOX, Optional.empty(), backend.clock());
            return mailboxId;
        });
        return findById(id).orElseThrow();
    }

    @Override
    public Optional<Mailbox> find(String address) {
        String a = Names.address(address);
        return db.read(tx -> Sql.one(tx.connection(),
                "SELECT " + COLUMNS + " FROM mailboxes WHERE address = ?", JdbcAccounts::mailbox, a));
    }

    @Override
    public Optional<Mailbox> findById(long mailboxId) {
        return db.read(tx -> Sql.one(tx.connection(),
                "SELECT " + COLUMNS + " FROM mailboxes WHERE id = ?", JdbcAccounts::mailbox, mailboxId));
    }

    @Override
    public List<Mailbox> list(Optional<String> domain) {
        if (domain.isPresent()) {
            String d = Names.domain(domain.get());
            return db.read(tx -> Sql.list(tx.connection(),
                    "SELECT " + COLUMNS + " FROM mailboxes WHERE domain = ? ORDER BY address", JdbcAccounts::mailbox, d));
        }
        return db.read(tx -> Sql.list(tx.connection(),
                "SELECT " + COLUMNS + " FROM mailboxes ORDER BY address", JdbcAccounts::mailbox));
    }

    @Override
    public void setPassword(String address, char[] password) {
        String hash = backend.hasher().hash(password);
        String a = Names.address(address);
        db.write(tx -> {
            long id = Sql.one(tx.connection(), "UPDATE mailboxes SET password_hash = ? WHERE address = ? RETURNING id",
                    rs -> rs.getLong(1), hash, a).orElseThrow(() -> Errors.notFound("mailbox"));
            remember(tx, id, hash);
            return null;
        });
    }

    /** Adds the hash to the history and keeps only the newest {@link #PASSWORD_HISTORY}. */
    private void remember(Tx tx, long mailboxId, String hash) throws SQLException {
        Sql.update(tx.connection(), "INSERT INTO password_history (mailbox_id, hash, set_at) VALUES (?, ?, ?)",
                mailboxId, hash, now());
        Sql.update(tx.connection(), "DELETE FROM password_history WHERE mailbox_id = ? AND id NOT IN (SELECT id FROM"
                + " password_history WHERE mailbox_id = ? ORDER BY id DESC LIMIT ?)", mailboxId, mailboxId, PASSWORD_HISTORY);
    }

    @Override
    public boolean isRecentPassword(String address, char[] password, int lastN) {
        String a = Names.address(address);
        int n = Math.max(1, Math.min(lastN, PASSWORD_HISTORY));
        record Hashes(String current, List<String> history) { }
        Hashes hashes = db.read(tx -> {
            record Row(long id, String current) { }
            Row row = Sql.one(tx.connection(), "SELECT id, password_hash FROM mailboxes WHERE address = ?",
                    rs -> new Row(rs.getLong(1), rs.getString(2)), a).orElseThrow(() -> Errors.notFound("mailbox"));
            return new Hashes(row.current(), Sql.list(tx.connection(), "SELECT hash FROM password_history WHERE mailbox_id = ?"
                    + " ORDER BY id DESC LIMIT ?", rs -> rs.getString(1), row.id(), n));
        });
        // a password set before the history existed is only in the mailbox row
        Set<String> candidates = new LinkedHashSet<>(hashes.history());
        if (hashes.current() != null) {
            candidates.add(hashes.current());
        }
        return candidates.stream().anyMatch(h -> backend.hasher().verify(password, h));
    }

    @Override
    public Holder holder(String address) {
        String a = Names.address(address);
        return db.read(tx -> Sql.one(tx.connection(), "SELECT tax_code, recovery_email, recovery_phone FROM mailboxes"
                + " WHERE address = ?", rs -> new Holder(Optional.ofNullable(rs.getString(1)), Optional.ofNullable(rs.getString(2)),
                Optional.ofNullable(rs.getString(3))), a)).orElseThrow(() -> Errors.notFound("mailbox"));
    }

    @Override
    public void setHolder(String address, Holder holder) {
        updateOne(address, "UPDATE mailboxes SET tax_code = ?, recovery_email = ?, recovery_phone = ? WHERE address = ?",
                holder.taxCode().orElse(null), holder.recoveryEmail().orElse(null), holder.recoveryPhone().orElse(null));
    }

    @Override
    public List<Mailbox> expiredBefore(Instant cutoff) {
        return db.read(tx -> Sql.list(tx.connection(), "SELECT " + COLUMNS + " FROM mailboxes WHERE expires_at < ?"
                + " ORDER BY expires_at, address", JdbcAccounts::mailbox, cutoff));
    }

    @Override
    public Optional<Mailbox> authenticate(String address, char[] password) {
        Optional<String> a = validAddress(address);
        record Candidate(Mailbox mailbox, String hash) { }
        Optional<Candidate> found = a.isEmpty() ? Optional.empty() : db.read(tx -> Sql.one(tx.connection(),
                "SELECT " + COLUMNS + ", password_hash FROM mailboxes WHERE address = ?",
                rs -> new Candidate(mailbox(rs), rs.getString("password_hash")), a.get()));
        if (found.isEmpty() || found.get().hash() == null) {
            backend.hasher().verifyAgainstDummy(password);
            return Optional.empty();
        }
        return backend.hasher().verify(password, found.get().hash()) ? Optional.of(found.get().mailbox()) : Optional.empty();
    }

    @Override
    public void setState(String address, MailboxState state) {
        updateAccess(address, "UPDATE mailboxes SET state = ? WHERE address = ?", state.name());
    }

    @Override
    public void setExpiry(String address, Optional<Instant> expiresAt) {
        updateAccess(address, "UPDATE mailboxes SET expires_at = ? WHERE address = ?", Sql.millis(expiresAt));
    }

    @Override
    public void setQuota(String address, long quotaBytes) {
        if (quotaBytes < 0) {
            throw Errors.invalid("negative quota");
        }
        updateOne(address, "UPDATE mailboxes SET quota_bytes = ? WHERE address = ?", quotaBytes);
    }

    @Override
    public void updateSettings(String address, MailboxSettings s) {
        if (s.notifyAddresses().size() > 2 || s.notifyOnlyFrom().size() > 2) {
            throw Errors.invalid("at most two notice addresses and two senders");
        }
        if (s.ordinaryMail() == OrdinaryMailRule.FORWARD && s.forwardTo().isEmpty()
                || s.ordinaryMail() == OrdinaryMailRule.DELIVER_TO_FOLDER && s.folder().isEmpty()) {
            throw Errors.invalid("the rule needs its target");
        }
        List<String> notify = s.notifyAddresses().stream().map(Names::address).toList();
        List<String> onlyFrom = s.notifyOnlyFrom().stream().map(Names::address).toList();
        updateOne(address, "UPDATE mailboxes SET ordinary_rule = ?, forward_to = ?, deliver_folder = ?,"
                        + " notify_addresses = ?, notify_only_from = ? WHERE address = ?",
                s.ordinaryMail().name(), s.forwardTo().map(Names::address).orElse(null), s.folder().orElse(null),
                String.join(",", notify), String.join(",", onlyFrom));
    }

    @Override
    public void deleteMailbox(String address) {
        String a = Names.address(address);
        db.write(tx -> {
            long id = Sql.one(tx.connection(), "SELECT id FROM mailboxes WHERE address = ?", rs -> rs.getLong(1), a)
                    .orElseThrow(() -> Errors.notFound("mailbox"));
            for (long folderId : Sql.list(tx.connection(), "SELECT id FROM folders WHERE mailbox_id = ?",
                    rs -> rs.getLong(1), id)) {
                MessageRows.deleteFolderWithMessages(tx, folderId);
            }
            Sql.update(tx.connection(), "DELETE FROM password_history WHERE mailbox_id = ?", id);
            Sql.update(tx.connection(), "DELETE FROM mailboxes WHERE id = ?", id);
            tx.changed(new MailboxChange.FoldersChanged(id));
            tx.changed(new MailboxChange.AccountChanged(id));
            return null;
        });
    }

    private void updateOne(String address, String sql, Object... values) {
        if (db.write(tx -> Sql.update(tx.connection(), sql, withAddress(address, values))) == 0) {
            throw Errors.notFound("mailbox");
        }
    }

    /** Updates what decides the mailbox's access (state, expiry) and tells its open sessions. */
    private void updateAccess(String address, String sql, Object... values) {
        Object[] args = withAddress(address, values);
        db.write(tx -> {
            long id = Sql.one(tx.connection(), sql + " RETURNING id", rs -> rs.getLong(1), args)
                    .orElseThrow(() -> Errors.notFound("mailbox"));
            tx.changed(new MailboxChange.AccountChanged(id));
            return null;
        });
    }

    private static Object[] withAddress(String address, Object... values) {
        Object[] args = Arrays.copyOf(values, values.length + 1);
        args[values.length] = Names.address(address);
        return args;
    }

    private static Optional<String> validAddress(String address) {
        try {
            return Optional.of(Names.address(address));
        } catch (MailStoreException e) {
            return Optional.empty();
        }
    }

    private Instant now() {
        return backend.clock().instant();
    }

    static Mailbox mailbox(ResultSet rs) throws SQLException {
        MailboxSettings settings = new MailboxSettings(
                OrdinaryMailRule.valueOf(rs.getString("ordinary_rule")),
                Optional.ofNullable(rs.getString("forward_to")),
                Optional.ofNullable(rs.getString("deliver_folder")),
                split(rs.getString("notify_addresses")),
                split(rs.getString("notify_only_from")));
        return new Mailbox(rs.getLong("id"), rs.getString("address"), MailboxState.valueOf(rs.getString("state")),
                Sql.instant(rs, "created_at"), Optional.ofNullable(Sql.instant(rs, "expires_at")),
                rs.getLong("quota_bytes"), settings);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }
}
