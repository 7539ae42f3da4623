package it.pecgateway.access.imap;

/** The capability list, which depends on TLS (RFC 3501 6.2.1: LOGINDISABLED before it) and on login. */
final class Capabilities {
    private static final String COMMON = "IMAP4rev1 LITERAL+ SASL-IR ID ENABLE IDLE NAMESPACE UNSELECT CHILDREN";
    private static final String AFTER_LOGIN = " UIDPLUS MOVE SPECIAL-USE QUOTA QUOTA=RES-STORAGE CONDSTORE";

    private Capabilities() {
    }

    static String of(ImapSession session) {
        StringBuilder out = new StringBuilder(COMMON);
        if (session.loggedIn()) {
            out.append(AFTER_LOGIN);
        } else if (session.tls) {
            out.append(" AUTH=PLAIN");
        } else {
            if (session.ctx.starttlsOffered()) {
                out.append(" STARTTLS");
            }
            out.append(" LOGINDISABLED");
        }
        return out.toString();
    }
}
