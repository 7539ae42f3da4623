package it.pecgateway.access.imap;

import it.pecgateway.mailstore.Folder;
import it.pecgateway.mailstore.FolderStatus;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MailStoreException;
import it.pecgateway.mailstore.MessageInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The selected folder as this session knows it: the message sequence numbers (UIDs in order), including messages
 * expunged elsewhere but not yet announced, and what changed since. {@link #refresh} brings the view up to date
 * and writes the untagged EXPUNGE, EXISTS, RECENT and FETCH responses RFC 3501 7.4 asks for.
 */
final class SelectedFolder {
    final Folder folder;
    final boolean readOnly;
    private long[] uids;
    private int size;
    private final Set<Long> expungedElsewhere = new HashSet<>();
    private final Set<Long> recent = new HashSet<>();
    private final Map<Long, Long> ownFlagChanges = new HashMap<>();
    private long uidNext;
    private long highestModSeq;
    private final AtomicBoolean changed = new AtomicBoolean();

    SelectedFolder(Folder folder, boolean readOnly, long[] uids, FolderStatus status) {
        this.folder = folder;
        this.readOnly = readOnly;
        this.uids = uids;
        this.size = uids.length;
        this.uidNext = status.uidNext();
        this.highestModSeq = status.highestModSeq();
    }

    void markChanged() {
        changed.set(true);
    }

    int size() {
        return size;
    }

    long uidAt(int msn) {
        return uids[msn - 1];
    }

    long uidNext() {
        return uidNext;
    }

    long highestModSeq() {
        return highestModSeq;
    }

    /** 1-based sequence number of a UID, or 0. */
    int msnOf(long uid) {
        int i = Arrays.binarySearch(uids, 0, size, uid);
        return i < 0 ? 0 : i + 1;
    }

    boolean isRecent(long uid) {
        return recent.contains(uid);
    }

    int recentCount() {
        return recent.size();
    }

    boolean isExpunged(long uid) {
        return expungedElsewhere.contains(uid);
    }

    /** Our own STORE reported this change already; the refresh must not repeat it. */
    void ownFlagChange(long uid, long modSeq) {
        ownFlagChanges.put(uid, modSeq);
    }

    /**
     * The sequence numbers a set names. Message numbers beyond the mailbox are a client error (BAD); UIDs that do
     * not exist are skipped. {@code *} is the last message (or the highest UID).
     */
    List<Integer> resolve(SequenceSet set, boolean byUid) {
        List<Integer> msns = new ArrayList<>();
        if (size == 0) {
            if (!byUid && set.ranges().stream().anyMatch(r -> r[1] != SequenceSet.STAR)) {
                throw new ImapSyntaxException("Invalid message sequence number");
            }
            return msns;
        }
        if (byUid) {
            long star = uids[size - 1];
            for (int i = 0; i < size; i++) {
                if (set.contains(uids[i], star)) {
                    msns.add(i + 1);
                }
            }
            return msns;
        }
        for (long[] r : set.ranges()) {
            if ((r[0] != SequenceSet.STAR && r[0] > size) || (r[1] != SequenceSet.STAR && r[1] > size)) {
                throw new ImapSyntaxException("Invalid message sequence number");
            }
        }
        for (int msn = 1; msn <= size; msn++) {
            if (set.contains(msn, size)) {
                msns.add(msn);
            }
        }
        return msns;
    }

    /** Our own EXPUNGE or MOVE removed these: announce and forget them now. */
    void expunged(List<Long> removed, ImapWriter out) {
        Set<Long> gone = new HashSet<>(removed);
        gone.addAll(expungedElsewhere);
        expungedElsewhere.clear();
        announceExpunges(gone, out);
    }

    private void announceExpunges(Set<Long> gone, ImapWriter out) {
        int kept = 0;
        long[] next = new long[size];
        List<Integer> removedMsns = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (gone.contains(uids[i])) {
                removedMsns.add(i + 1);
                recent.remove(uids[i]);
            } else {
                next[kept++] = uids[i];
            }
        }
        // highest first, so that every number is still valid when the client reads it
        for (int i = removedMsns.size() - 1; i >= 0; i--) {
            out.untagged(removedMsns.get(i) + " EXPUNGE");
        }
        uids = next;
        size = kept;
    }

    /**
     * Brings the view up to date with the store. {@code force} re-reads even without a change event (NOOP);
     * {@code expungeAllowed} is false while FETCH, STORE or SEARCH run.
     */
    void refresh(MailStore store, ImapWriter out, boolean expungeAllowed, boolean force, boolean condstore) {
        if (!changed.getAndSet(false) && !force && (expungedElsewhere.isEmpty() || !expungeAllowed)) {
            return;
        }
        FolderStatus status;
        try {
            status = store.folders().status(folder.id());
        } catch (MailStoreException e) {
            if (e.reason() == MailStoreException.Reason.NOT_FOUND) {
                return; // deleted under us: the session keeps its view until it selects again
            }
            throw e;
        }
        long lastKnown = size == 0 ? 0 : uids[size - 1];
        boolean added = false;
        if (status.uidNext() != uidNext || status.messages() != size - expungedElsewhere.size()) {
            added = reloadUids(store.messages().uids(folder.id()), lastKnown);
            uidNext = status.uidNext();
        }
        if (expungeAllowed && !expungedElsewhere.isEmpty()) {
            Set<Long> gone = new HashSet<>(expungedElsewhere);
            expungedElsewhere.clear();
            announceExpunges(gone, out);
        }
        if (added) {
            out.untagged(size + " EXISTS");
            out.untagged(recent.size() + " RECENT");
        }
        if (status.highestModSeq() > highestModSeq) {
            for (MessageInfo m : store.messages().changedSince(folder.id(), highestModSeq)) {
                int msn = msnOf(m.uid());
                Long own = ownFlagChanges.get(m.uid());
                if (msn > 0 && m.uid() <= lastKnown && (own == null || own != m.modSeq()) && !isExpunged(m.uid())) {
                    out.untagged(msn + " FETCH (" + FetchResponder.flagsItem(m, this)
                            + " UID " + m.uid() + (condstore ? " MODSEQ (" + m.modSeq() + ")" : "") + ")");
                }
            }
            highestModSeq = status.highestModSeq();
        }
        ownFlagChanges.clear();
    }

    private boolean reloadUids(long[] now, long lastKnown) {
        for (int i = 0; i < size; i++) {
            if (Arrays.binarySearch(now, uids[i]) < 0) {
                expungedElsewhere.add(uids[i]);
            }
        }
        int firstNew = 0;
        while (firstNew < now.length && now[firstNew] <= lastKnown) {
            firstNew++;
        }
        int newCount = now.length - firstNew;
        if (newCount == 0) {
            return false;
        }
        long[] next = Arrays.copyOf(uids, size + newCount);
        System.arraycopy(now, firstNew, next, size, newCount);
        for (int i = firstNew; i < now.length; i++) {
            recent.add(now[i]);
        }
        uids = next;
        size += newCount;
        return true;
    }

    /** Our own APPEND, COPY or MOVE into this folder: let the next refresh pick it up even before the event. */
    void touched() {
        changed.set(true);
    }
}
