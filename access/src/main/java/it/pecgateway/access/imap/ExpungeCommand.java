package it.pecgateway.access.imap;

import java.util.List;
import java.util.Optional;

/** EXPUNGE (RFC 3501 6.4.3) and UID EXPUNGE (RFC 4315). */
final class ExpungeCommand extends ImapCommand {
    ExpungeCommand() {
        super("EXPUNGE", ImapState.ONLY_SELECTED, Trait.WRITES, Trait.UID_FORM);
    }

    Reply handle(ImapSession s, ImapReader r, boolean uid) {
        Optional<java.util.Collection<Long>> only = Optional.empty();
        if (uid) {
            r.space();
            SequenceSet set = SequenceSet.parse(r.atom());
            only = Optional.of(Selection.uids(s.selected, s.selected.resolve(set, true)));
        }
        r.expectEnd();
        if (s.selected.readOnly) {
            return Reply.no("CANNOT", "Mailbox is read-only");
        }
        List<Long> removed = s.ctx.store().messages().expunge(s.selected.folder.id(), only);
        s.selected.expunged(removed, s.out);
        return Reply.ok("EXPUNGE completed");
    }
}
