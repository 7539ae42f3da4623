package it.pecgateway.mailstore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Hosted domains and mailboxes. Addresses and domains are matched case-insensitively and stored lower case. */
public interface Accounts {

    /** @throws MailStoreException ALREADY_EXISTS */
    void addDomain(String domain);

    List<String> domains();

    boolean hostsDomain(String domain);

    /** Creates the mailbox with its INBOX. The domain must be hosted. @throws MailStoreException ALREADY_EXISTS, NOT_FOUND */
    Mailbox createMailbox(NewMailbox mailbox);

    Optional<Mailbox> find(String address);

    Optional<Mailbox> findById(long mailboxId);

    /** All mailboxes, or those of one domain, ordered by address. */
    List<Mailbox> list(Optional<String> domain);

    /**
     * Stores an Argon2id hash of the password ({@link PasswordHasher}); the password is never stored or logged.
     * The hash is also kept in the mailbox's password history (the newest {@link #PASSWORD_HISTORY} hashes).
     */
    void setPassword(String address, char[] password);

    /** How many past password hashes a mailbox keeps, the current one included. */
    int PASSWORD_HISTORY = 24;

    /**
     * Whether {@code password} is the current password or one of the {@code lastN - 1} before it (at most
     * {@link #PASSWORD_HISTORY}); one Argon2id verification per hash, on the caller's thread. @throws NOT_FOUND
     */
    boolean isRecentPassword(String address, char[] password, int lastN);

    /** The holder's tax code and recovery contacts. @throws MailStoreException NOT_FOUND */
    Holder holder(String address);

    /** @throws MailStoreException NOT_FOUND */
    void setHolder(String address, Holder holder);

    /** Mailboxes whose expiry date is before {@code cutoff}, whatever their state, ordered by expiry. */
    List<Mailbox> expiredBefore(Instant cutoff);

    /**
     * The mailbox if the password matches, whatever its state (callers decide what each state may do).
     * Takes the same time whether the address exists or not.
     */
    Optional<Mailbox> authenticate(String address, char[] password);

    /** Publishes {@link MailboxChange.AccountChanged}: open sessions check what they may still do. */
    void setState(String address, MailboxState state);

    /** Publishes {@link MailboxChange.AccountChanged}, like {@link #setState}. */
    void setExpiry(String address, Optional<Instant> expiresAt);

    void setQuota(String address, long quotaBytes);

    void updateSettings(String address, MailboxSettings settings);

    /**
     * Deletes the mailbox with its folders, messages, holder data and password history; publishes
     * {@link MailboxChange.FoldersChanged} and {@link MailboxChange.AccountChanged}.
     */
    void deleteMailbox(String address);
}
