package it.pecgateway.mailstore;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Messages in folders. UIDs are strictly increasing per folder and never reused; every change of a message
 * (append, flags, expunge) gets a new modification sequence, greater than the folder's previous highest.
 * Flags are strings: system flags with their backslash ({@code \Seen}), keywords without.
 */
public interface Messages {

    /** Stores the body and appends it. @throws MailStoreException OVER_QUOTA, NOT_FOUND */
    Appended append(long folderId, BodySource body, Set<String> flags, Instant internalDate);

    /** Appends a body already in {@link Blobs} (one envelope delivered to several local mailboxes). */
    Appended append(long folderId, BlobId body, Set<String> flags, Instant internalDate);

    /** Every UID of the folder, ascending. Fast: 100,000 UIDs in well under 50 ms. */
    long[] uids(long folderId);

    /** Messages with {@code fromUid <= uid <= toUid}, ascending by UID. */
    List<MessageInfo> list(long folderId, long fromUid, long toUid);

    Optional<MessageInfo> get(long folderId, long uid);

    /** Messages whose modification sequence is greater than {@code modSeq} (CONDSTORE CHANGEDSINCE). */
    List<MessageInfo> changedSince(long folderId, long modSeq);

    /**
     * Changes flags of the given UIDs (missing UIDs are ignored). With {@code unchangedSince}, messages whose
     * modification sequence is greater are left alone and reported in {@link FlagResult#notModified()}.
     * {@link FlagResult#updated()} holds every other matched message with its flags and modification sequence
     * after the call, ascending by UID; only messages whose flags really changed get a new modification sequence
     * (one for the whole call) and appear in the {@link MailboxChange.FlagsChanged} event. {@code \Recent} is
     * never stored; system flags are stored with their canonical spelling. @throws MailStoreException INVALID
     * for a flag with spaces, parentheses or control characters
     */
    FlagResult updateFlags(long folderId, Collection<Long> uids, FlagUpdate mode, Set<String> flags,
                           OptionalLong unchangedSince);

    /** Copies messages (bodies are shared, not duplicated). @throws MailStoreException OVER_QUOTA */
    CopyResult copy(long fromFolderId, Collection<Long> uids, long toFolderId);

    /**
     * Moves messages: copy and expunge in one transaction (the source need not be flagged {@code \Deleted}).
     * A move inside one mailbox never fails for quota. @throws MailStoreException INVALID if both folders are one
     */
    CopyResult move(long fromFolderId, Collection<Long> uids, long toFolderId);

    /**
     * Removes the messages flagged {@code \Deleted} (only those among {@code onlyUids} when given).
     * @return the expunged UIDs, ascending
     */
    List<Long> expunge(long folderId, Optional<Collection<Long>> onlyUids);

    /** Storage used by a mailbox against its quota. */
    QuotaUsage quota(long mailboxId);

    enum FlagUpdate { REPLACE, ADD, REMOVE }

    record Appended(long folderId, long uidValidity, long uid, long modSeq) { }

    record FlagResult(List<MessageInfo> updated, List<Long> notModified) { }

    /** @param uidMap source UID to target UID, in source order */
    record CopyResult(long targetUidValidity, List<long[]> uidMap) { }

    /** @param limitBytes 0 means unlimited */
    record QuotaUsage(long usedBytes, long limitBytes, long messages) { }
}
