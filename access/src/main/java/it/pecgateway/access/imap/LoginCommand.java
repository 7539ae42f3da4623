package it.pecgateway.access.imap;


/** LOGIN userid password (RFC 3501 6.2.3), only under TLS. */
final class LoginCommand extends ImapCommand {
    LoginCommand() {
        super("LOGIN", ImapState.UNAUTHENTICATED);
    }

    Reply handle(ImapSession s, ImapReader r, boolean uid) {
        r.space();
        String user = r.astring();
        r.space();
        String password = r.astring();
        r.expectEnd();
        if (!s.tls) {
            return ImapLogin.refusedWithoutTls(s);
        }
        return ImapLogin.login(s, user, password.toCharArray());
    }
}
