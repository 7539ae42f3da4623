package it.pecgateway.access.imap;

import java.util.Set;

/** LOGIN userid password (RFC 3501 6.2.3), only under TLS. */
final class LoginCommand implements ImapCommand {
    public String name() {
        return "LOGIN";
    }

    public Set<ImapState> states() {
        return ImapState.UNAUTHENTICATED;
    }

    public Reply handle(ImapSession s, ImapReader r, boolean uid) {
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
