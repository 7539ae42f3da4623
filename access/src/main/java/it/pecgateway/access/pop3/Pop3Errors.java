package it.pecgateway.access.pop3;

import it.pecgateway.access.AccessMetrics;
import it.pecgateway.access.CommandErrors;
import it.pecgateway.mailstore.MailStoreException;

/** The one place where failures become POP3 replies, with RFC 3206 response codes. */
final class Pop3Errors extends CommandErrors<Pop3Reply> {

    Pop3Errors(AccessMetrics metrics) {
        super(metrics, AccessMetrics.Protocol.POP3);
    }

    @Override
    protected Pop3Reply syntax(String text) {
        return Pop3Reply.err(text);
    }

    @Override
    protected Pop3Reply refused(MailStoreException.Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> Pop3Reply.err("Message no longer available");
            case UNAVAILABLE, CONFLICT -> Pop3Reply.err("[SYS/TEMP] Storage temporarily unavailable, try again");
            default -> Pop3Reply.err("[SYS/PERM] Operation refused");
        };
    }

    @Override
    protected Pop3Reply internal() {
        return Pop3Reply.err("[SYS/TEMP] Internal server error");
    }
}
