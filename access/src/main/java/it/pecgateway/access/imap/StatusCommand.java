package it.pecgateway.access.imap;

import it.pecgateway.mailstore.Folder;
import it.pecgateway.mailstore.FolderStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** STATUS (RFC 3501 6.3.10) with HIGHESTMODSEQ (RFC 7162). */
final class StatusCommand extends ImapCommand {
    StatusCommand() {
        super("STATUS", ImapState.LOGGED_IN);
    }

    Reply handle(ImapSession s, ImapReader r, boolean uid) {
        r.space();
        String name = r.mailbox();
        r.space();
        r.expect('(');
        List<String> items = new ArrayList<>();
        while (!r.tryConsume(')')) {
            items.add(r.atom().toUpperCase(Locale.ROOT));
            r.tryConsume(' ');
            if (r.atEnd()) {
                throw new ImapSyntaxException("Unterminated STATUS item list");
            }
        }
        r.expectEnd();
        Optional<Folder> folder = MailboxNames.find(s, name);
        if (folder.isEmpty()) {
            return Reply.no("NONEXISTENT", "Mailbox does not exist");
        }
        FolderStatus st = s.ctx.store().folders().status(folder.get().id());
        List<String> out = new ArrayList<>();
        for (String item : items) {
            long value = switch (item) {
                case "MESSAGES" -> st.messages();
                case "RECENT" -> s.selected != null && s.selected.folder.id() == st.folderId() ? s.selected.recentCount() : 0;
                case "UIDNEXT" -> st.uidNext();
                case "UIDVALIDITY" -> st.uidValidity();
                case "UNSEEN" -> st.unseen();
                case "HIGHESTMODSEQ" -> {
                    s.condstore = true;
                    yield st.highestModSeq();
                }
                default -> throw new ImapSyntaxException("Unknown STATUS item");
            };
            out.add(item + " " + value);
        }
        s.out.untagged("STATUS " + MailboxNames.toWire(name) + " (" + String.join(" ", out) + ")");
        return Reply.ok("STATUS completed");
    }
}
