package it.pecgateway.access.imap;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** AUTHENTICATE PLAIN (RFC 4616), with or without an initial response (SASL-IR, RFC 4959). */
final class AuthenticateCommand extends ImapCommand {
    AuthenticateCommand() {
        super("AUTHENTICATE", ImapState.UNAUTHENTICATED);
    }

    Reply handle(ImapSession s, ImapReader r, boolean uid) {
        r.space();
        String mechanism = r.atom();
        String initial = null;
        if (r.tryConsume(' ')) {
            initial = r.atom();
        }
        r.expectEnd();
        if (!mechanism.equalsIgnoreCase("PLAIN")) {
            return Reply.no("CANNOT", "Unsupported authentication mechanism");
        }
        if (!s.tls) {
            return ImapLogin.refusedWithoutTls(s);
        }
        if (initial != null) {
            return plain(s, initial.equals("=") ? "" : initial);
        }
        s.out.raw("+ \r\n");
        return Reply.waitFor((session, line) -> plain(session, line.trim()));
    }

    private static Reply plain(ImapSession s, String response) {
        if (response.equals("*")) {
            return Reply.bad("Authentication cancelled");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(response);
        } catch (IllegalArgumentException e) {
            return Reply.bad("Invalid base64 data");
        }
        String[] parts = new String(decoded, StandardCharsets.UTF_8).split("\0", -1);
        java.util.Arrays.fill(decoded, (byte) 0);
        if (parts.length != 3) {
            return Reply.bad("Invalid PLAIN response");
        }
        if (!parts[0].isEmpty() && !parts[0].equalsIgnoreCase(parts[1])) {
            return Reply.no("AUTHORIZATIONFAILED", "Cannot act as another user");
        }
        return ImapLogin.login(s, parts[1], parts[2].toCharArray());
    }
}
