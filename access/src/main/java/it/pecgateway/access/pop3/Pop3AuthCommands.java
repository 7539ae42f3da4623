package it.pecgateway.access.pop3;

import it.pecgateway.access.LoginPolicy;
import it.pecgateway.mailstore.Folder;
import it.pecgateway.mailstore.FolderStatus;
import it.pecgateway.mailstore.MessageInfo;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** CAPA, USER, PASS, AUTH PLAIN (RFC 5034): the AUTHORIZATION state. */
final class Pop3AuthCommands {
    static final List<String> CAPABILITIES = List.of(
            "USER", "SASL PLAIN", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING", "TOP", "UIDL");

    private Pop3AuthCommands() {
    }

    static Pop3Reply capa(Pop3Session s, String args) {
        StringBuilder out = new StringBuilder("+OK Capability list follows\r\n");
        CAPABILITIES.forEach(c -> out.append(c).append("\r\n"));
        s.out.ascii(out.append(".\r\n").toString());
        return Pop3Reply.written();
    }

    static Pop3Reply user(Pop3Session s, String args) {
        if (args.isEmpty()) {
            return Pop3Reply.err("USER needs a mailbox name");
        }
        s.pendingUser = args;
        return Pop3Reply.ok("Send PASS");
    }

    static Pop3Reply pass(Pop3Session s, String args) {
        if (s.pendingUser == null) {
            return Pop3Reply.err("Send USER first");
        }
        String user = s.pendingUser;
        s.pendingUser = null;
        return login(s, user, args.toCharArray());
    }

    static Pop3Reply auth(Pop3Session s, String args) {
        if (args.isEmpty()) {
            s.out.ascii("+OK Mechanisms follow\r\nPLAIN\r\n.\r\n");
            return Pop3Reply.written();
        }
        String[] words = args.split(" ", 2);
        if (!words[0].equalsIgnoreCase("PLAIN")) {
            return Pop3Reply.err("Unsupported mechanism");
        }
        if (words.length == 2) {
            return plain(s, words[1].equals("=") ? "" : words[1].trim());
        }
        s.out.ascii("+ \r\n");
        return Pop3Reply.waitFor((session, line) -> plain(session, line.trim()));
    }

    private static Pop3Reply plain(Pop3Session s, String response) {
        if (response.equals("*")) {
            return Pop3Reply.err("Authentication cancelled");
        }
        String[] parts;
        try {
            parts = new String(Base64.getDecoder().decode(response), StandardCharsets.UTF_8).split("\0", -1);
        } catch (IllegalArgumentException e) {
            return Pop3Reply.err("Invalid base64 data");
        }
        if (parts.length != 3) {
            return Pop3Reply.err("Invalid PLAIN response");
        }
        if (!parts[0].isEmpty() && !parts[0].equalsIgnoreCase(parts[1])) {
            return Pop3Reply.err("[AUTH] Cannot act as another user");
        }
        return login(s, parts[1], parts[2].toCharArray());
    }

    private static Pop3Reply login(Pop3Session s, String user, char[] password) {
        LoginPolicy.Result result = s.logins.login(user, password, s.remote);
        return switch (result.outcome()) {
            case BAD_CREDENTIALS -> Pop3Reply.err("[AUTH] Authentication failed").delayedBy(result.delay());
            case DISABLED -> Pop3Reply.err("[AUTH] Mailbox not enabled for access");
            case TOO_MANY_SESSIONS -> Pop3Reply.err("[IN-USE] Too many sessions for this mailbox");
            case READ_WRITE, READ_ONLY -> {
                s.login(result.mailbox().orElseThrow(), result.outcome() == LoginPolicy.Outcome.READ_ONLY);
                try {
                    snapshot(s);
                } catch (RuntimeException e) {
                    s.close();
                    throw e;
                }
                yield Pop3Reply.ok("Logged in, " + s.messages.size() + " messages");
            }
        };
    }

    /** The INBOX as it is now, for the whole session. */
    private static void snapshot(Pop3Session s) {
        Folder inbox = s.store.folders().find(s.user.id(), "INBOX").orElseThrow();
        FolderStatus status = s.store.folders().status(inbox.id());
        List<MessageInfo> messages = s.store.messages().list(inbox.id(), 1, Math.max(1, status.uidNext() - 1));
        s.folderId = inbox.id();
        s.uidValidity = inbox.uidValidity();
        s.messages = List.copyOf(messages);
        s.state = Pop3State.TRANSACTION;
    }

}
