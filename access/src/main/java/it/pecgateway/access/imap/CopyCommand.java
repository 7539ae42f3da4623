package it.pecgateway.access.imap;

import it.pecgateway.mailstore.Folder;
import it.pecgateway.mailstore.Messages.CopyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** COPY (RFC 3501 6.4.7) and MOVE (RFC 6851), plain and UID, answering COPYUID (RFC 4315). */
final class CopyCommand extends ImapCommand {
    private final boolean move;

    CopyCommand(boolean move) {
        super(move ? "MOVE" : "COPY", ImapState.ONLY_SELECTED, Trait.WRITES, Trait.UID_FORM);
        this.move = move;
    }

    Reply handle(ImapSession s, ImapReader r, boolean uid) {
        r.space();
        SequenceSet set = SequenceSet.parse(r.atom());
        r.space();
        String target = r.mailbox();
        r.expectEnd();
        List<Long> uids = Selection.uids(s.selected, s.selected.resolve(set, uid));
        Optional<Folder> to = MailboxNames.find(s, target);
        if (to.isEmpty()) {
            return Reply.no("TRYCREATE", "Target mailbox does not exist");
        }
        if (move && s.selected.readOnly) {
            return Reply.no("CANNOT", "Mailbox is read-only");
        }
        if (uids.isEmpty()) {
            return Reply.ok(name() + " completed (no messages)");
        }
        long from = s.selected.folder.id();
        CopyResult result = move ? s.ctx.store().messages().move(from, uids, to.get().id())
                : s.ctx.store().messages().copy(from, uids, to.get().id());
        if (to.get().id() == from) {
            s.selected.touched();
        }
        List<Long> sources = new ArrayList<>();
        List<Long> targets = new ArrayList<>();
        for (long[] pair : result.uidMap()) {
            sources.add(pair[0]);
            targets.add(pair[1]);
        }
        String copyUid = sources.isEmpty() ? null : "COPYUID " + result.targetUidValidity() + " "
                + SequenceSet.format(sources) + " " + SequenceSet.format(targets);
        if (!move) {
            return copyUid == null ? Reply.ok("COPY completed") : Reply.ok(copyUid, "COPY completed");
        }
        if (copyUid != null) {
            s.out.untagged("OK [" + copyUid + "] Moved");
        }
        s.selected.expunged(sources, s.out);
        return Reply.ok("MOVE completed");
    }
}
