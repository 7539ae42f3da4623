package it.pecgateway.access.pop3;

import it.pecgateway.access.AccessMetrics;
import it.pecgateway.mailstore.MailStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where failures become POP3 replies (RFC 3206 response codes); details stay in the log. */
final class Pop3Errors {
    private static final Logger log = LoggerFactory.getLogger(Pop3Errors.class);

    private Pop3Errors() {
    }

    /** Whether a failure is ours (a generic reply, the details in the log) rather than the client's or the store's. */
    static boolean internal(Throwable failure) {
        return !(failure instanceof Pop3SyntaxException) && !(failure instanceof MailStoreException);
    }

    static Pop3Reply reply(Throwable failure, AccessMetrics metrics) {
        if (failure instanceof Pop3SyntaxException e) {
            return Pop3Reply.err(e.getMessage());
        }
        if (failure instanceof MailStoreException e) {
            log.debug("store refused a POP3 command: {}", e.reason(), e);
            return switch (e.reason()) {
                case NOT_FOUND -> Pop3Reply.err("Message no longer available");
                case UNAVAILABLE, CONFLICT -> Pop3Reply.err("[SYS/TEMP] Storage temporarily unavailable, try again");
                default -> Pop3Reply.err("[SYS/PERM] Operation refused");
            };
        }
        log.error("POP3 command failed", failure);
        metrics.internalError(AccessMetrics.Protocol.POP3);
        return Pop3Reply.err("[SYS/TEMP] Internal server error");
    }
}
