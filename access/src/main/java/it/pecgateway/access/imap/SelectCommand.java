package it.pecgateway.access.imap;

import it.pecgateway.mailstore.Folder;
import it.pecgateway.mailstore.FolderStatus;
import java.util.Optional;

/** SELECT and EXAMINE (RFC 3501 6.3.1-2), with the CONDSTORE parameter (RFC 7162). Expired mailboxes only EXAMINE. */
final class SelectCommand extends ImapCommand {
    private final boolean examine;

    SelectCommand(boolean examine) {
        super(examine ? "EXAMINE" : "SELECT", ImapState.LOGGED_IN);
        this.examine = examine;
    }

    Reply handle(ImapSession s, ImapReader r, boolean uid) {
        r.space();
        String name = r.mailbox();
        if (r.tryConsume(' ')) {
            r.expect('(');
            String param = r.atom();
            r.expect(')');
            if (!param.equalsIgnoreCase("CONDSTORE")) {
                throw new ImapSyntaxException("Unknown SELECT parameter");
            }
            s.condstore = true;
        }
        r.expectEnd();
        s.select(null);
        Optional<Folder> found = MailboxNames.find(s, name);
        if (found.isEmpty()) {
            return Reply.no("NONEXISTENT", "Mailbox does not exist");
        }
        Folder folder = found.get();
        boolean readOnly = examine || s.readOnlyAccount;
        long[] uids = s.ctx.store().messages().uids(folder.id());
        FolderStatus status = s.ctx.store().folders().status(folder.id());
        SelectedFolder selected = new SelectedFolder(folder, readOnly, uids, status);
        s.out.untagged(Flags.FLAGS_RESPONSE);
        s.out.untagged(selected.size() + " EXISTS");
        s.out.untagged("0 RECENT");
        if (status.firstUnseenUid() > 0 && selected.msnOf(status.firstUnseenUid()) > 0) {
            s.out.untagged("OK [UNSEEN " + selected.msnOf(status.firstUnseenUid()) + "] First unseen");
        }
        s.out.untagged("OK [UIDVALIDITY " + folder.uidValidity() + "] UIDs valid");
        s.out.untagged("OK [UIDNEXT " + status.uidNext() + "] Predicted next UID");
        s.out.untagged(readOnly ? "OK [PERMANENTFLAGS ()] Read-only mailbox" : "OK [" + Flags.PERMANENT_FLAGS + "] Flags permitted");
        s.out.untagged("OK [HIGHESTMODSEQ " + status.highestModSeq() + "] Highest");
        s.select(selected);
        return readOnly ? Reply.ok("READ-ONLY", name() + " completed") : Reply.ok("READ-WRITE", name() + " completed");
    }
}
