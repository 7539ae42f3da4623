package it.pecgateway.access.pop3;

import it.pecgateway.access.AccessMetrics;
import it.pecgateway.access.CommandErrors;
import it.pecgateway.mailstore.MailStoreException;

/** The one place where failures become POP3 replies, with RFC 3206 response codes. */
final class Pop3Errors {
    private Pop3Errors() {
    }

    static CommandErrors<Pop3Reply> of(AccessMetrics metrics) {
        return new CommandErrors<>(metrics, AccessMetrics.Protocol.POP3, Pop3Reply::err, Pop3Errors::refused,
                Pop3Reply.err("[SYS/TEMP] Internal server error"));
    }

    private static Pop3Reply refused(MailStoreException.Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> Pop3Reply.err("Message no longer available");
            case UNAVAILABLE, CONFLICT -> Pop3Reply.err("[SYS/TEMP] Storage temporarily unavailable, try again");
            default -> Pop3Reply.err("[SYS/PERM] Operation refused");
        };
    }
}
