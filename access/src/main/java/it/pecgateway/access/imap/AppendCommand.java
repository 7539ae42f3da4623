package it.pecgateway.access.imap;

import it.pecgateway.mailstore.Folder;
import it.pecgateway.mailstore.Messages;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** APPEND (RFC 3501 6.3.11) answering APPENDUID (RFC 4315). The message literal may be spooled on disk. */
final class AppendCommand extends ImapCommand {
    AppendCommand() {
        super("APPEND", ImapState.LOGGED_IN, Trait.WRITES);
    }

    Reply handle(ImapSession s, ImapReader r, boolean uid) throws IOException {
        r.space();
        String name = r.mailbox();
        r.space();
        Set<String> flags = Set.of();
        if (r.peek() == '(') {
            flags = Flags.read(r);
            r.space();
        }
        Instant date = s.ctx.clock().instant();
        if (r.peek() == '"') {
            date = ImapDates.parseDateTime(r.astring());
            r.space();
        }
        Literal message = r.literal();
        r.expectEnd();
        if (message.size() == 0) {
            return Reply.no("CANNOT", "Empty messages are not stored");
        }
        Optional<Folder> folder = MailboxNames.find(s, name);
        if (folder.isEmpty()) {
            return Reply.no("TRYCREATE", "Mailbox does not exist");
        }
        Messages.Appended appended = s.ctx.store().messages().append(folder.get().id(), message.body(), flags, date);
        if (s.selected != null && s.selected.folder.id() == folder.get().id()) {
            s.selected.touched();
        }
        return Reply.ok("APPENDUID " + appended.uidValidity() + " " + appended.uid(), "APPEND completed");
    }
}
