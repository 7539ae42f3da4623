package it.pecgateway.access.imap;

import it.pecgateway.access.AccessMetrics;
import it.pecgateway.mailstore.MailStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become IMAP replies. Only our own fixed texts reach the wire; details go to the
 * log.
 */
final class ImapErrors {
    private static final Logger log = LoggerFactory.getLogger(ImapErrors.class);

    private ImapErrors() {
    }

    /** Whether a failure is ours (a generic reply, the details in the log) rather than the client's or the store's. */
    static boolean internal(Throwable failure) {
        return !(failure instanceof ImapSyntaxException) && !(failure instanceof MailStoreException);
    }

    static Reply reply(Throwable failure, AccessMetrics metrics) {
        if (failure instanceof ImapSyntaxException e) {
            return Reply.bad(e.getMessage());
        }
        if (failure instanceof MailStoreException e) {
            log.debug("store refused an IMAP command: {}", e.reason(), e);
            return switch (e.reason()) {
                case NOT_FOUND -> Reply.no("NONEXISTENT", "No such mailbox or message");
                case ALREADY_EXISTS -> Reply.no("ALREADYEXISTS", "Mailbox already exists");
                case OVER_QUOTA -> Reply.no("OVERQUOTA", "Quota exceeded");
                case INVALID -> Reply.no("CANNOT", "Operation not permitted on this mailbox");
                case CONFLICT -> Reply.no("INUSE", "Mailbox is busy, try again");
                case UNAVAILABLE -> Reply.no("UNAVAILABLE", "Storage temporarily unavailable, try again");
            };
        }
        log.error("IMAP command failed", failure);
        metrics.internalError(AccessMetrics.Protocol.IMAP);
        return Reply.no("SERVERBUG", "Internal server error");
    }
}
