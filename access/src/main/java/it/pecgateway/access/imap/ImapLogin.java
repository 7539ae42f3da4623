package it.pecgateway.access.imap;

import it.pecgateway.access.AccessMetrics;
import it.pecgateway.access.LoginPolicy;

/** Turns a login decision into the IMAP session change and reply (shared by LOGIN and AUTHENTICATE). */
final class ImapLogin {
    private ImapLogin() {
    }

    /** Plaintext credentials are refused before TLS (LOGINDISABLED). */
    static Reply refusedWithoutTls(ImapSession s) {
        s.ctx.metrics().loginFailed(AccessMetrics.Protocol.IMAP, AccessMetrics.LoginFailure.TLS_REQUIRED);
        return Reply.no("PRIVACYREQUIRED", "Use STARTTLS before logging in");
    }

    static Reply login(ImapSession s, String user, char[] password) {
        LoginPolicy.Result result = s.ctx.logins().login(user, password, s.remote);
        return switch (result.outcome()) {
            case READ_WRITE, READ_ONLY -> {
                s.login(result.mailbox().orElseThrow(), result.outcome() == LoginPolicy.Outcome.READ_ONLY);
                yield Reply.ok("CAPABILITY " + Capabilities.of(s), "Logged in");
            }
            case BAD_CREDENTIALS -> Reply.no("AUTHENTICATIONFAILED", "Authentication failed").delayedBy(result.delay());
            case DISABLED -> Reply.no("AUTHORIZATIONFAILED", "Mailbox not enabled for access");
            case TOO_MANY_SESSIONS -> Reply.no("LIMIT", "Too many sessions for this mailbox");
        };
    }
}
