package it.pecgateway.access.imap;

import java.io.IOException;

/**
 * IDLE (RFC 2177): changes are pushed as they happen until the client says DONE. The connection's idle timeout
 * still applies (RFC 2177 asks clients to re-issue IDLE within 29 minutes).
 */
final class IdleCommand extends ImapCommand {
    IdleCommand() {
        super("IDLE", ImapState.LOGGED_IN);
    }

    Reply handle(ImapSession s, ImapReader r, boolean uid) throws IOException {
        r.expectEnd();
        // idling first: a change arriving from now on queues a push behind this task, none is lost
        s.idling = true;
        s.out.raw("+ idling\r\n");
        if (s.selected != null) {
            s.selected.refresh(s.ctx.store(), s.out, true, false, s.condstore);
        }
        s.out.flush();
        return Reply.waitFor(IdleCommand::done);
    }

    private static Reply done(ImapSession s, String line) {
        s.idling = false;
        if (!line.trim().equalsIgnoreCase("DONE")) {
            return Reply.bad("Expected DONE");
        }
        return Reply.ok("IDLE terminated");
    }
}
