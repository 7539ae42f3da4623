package it.pecgateway.access.imap;

import it.pecgateway.access.AccessMetrics;
import it.pecgateway.access.CommandErrors;
import it.pecgateway.mailstore.MailStoreException;

/** The one place where failures become IMAP replies: BAD for syntax, NO with a response code for the rest. */
final class ImapErrors {
    private ImapErrors() {
    }

    static CommandErrors<Reply> of(AccessMetrics metrics) {
        return new CommandErrors<>(metrics, AccessMetrics.Protocol.IMAP, Reply::bad, ImapErrors::refused,
                Reply.no("SERVERBUG", "Internal server error"));
    }

    private static Reply refused(MailStoreException.Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> Reply.no("NONEXISTENT", "No such mailbox or message");
            case ALREADY_EXISTS -> Reply.no("ALREADYEXISTS", "Mailbox already exists");
            case OVER_QUOTA -> Reply.no("OVERQUOTA", "Quota exceeded");
            case INVALID -> Reply.no("CANNOT", "Operation not permitted on this mailbox");
            case CONFLICT -> Reply.no("INUSE", "Mailbox is busy, try again");
            case UNAVAILABLE -> Reply.no("UNAVAILABLE", "Storage temporarily unavailable, try again");
        };
    }
}
