package it.pecgateway.access.imap;

import it.pecgateway.mailstore.Folder;
import java.util.Optional;

/** Mailbox names on the wire (modified UTF-7, "/" as hierarchy delimiter) and in the store (Unicode). */
final class MailboxNames {
    static final char DELIMITER = '/';
    static final String INBOX = "INBOX";

    private MailboxNames() {
    }

    /** The store name for a client's name: decoded, INBOX in any case as INBOX, no trailing delimiter. */
    static String fromWire(String wire) {
        String name = ModifiedUtf7.decode(wire);
        while (name.length() > 1 && name.charAt(name.length() - 1) == DELIMITER) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.equalsIgnoreCase(INBOX)) {
            return INBOX;
        }
        if (name.regionMatches(true, 0, INBOX + DELIMITER, 0, INBOX.length() + 1)) {
            return INBOX + name.substring(INBOX.length());
        }
        return name;
    }

    /** A quoted mailbox name for responses. */
    static String toWire(String name) {
        return ImapWriter.quote(ModifiedUtf7.encode(name));
    }

    static void validateNew(String name) {
        if (name.isEmpty() || name.startsWith(String.valueOf(DELIMITER)) || name.contains("//")
                || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '*' || c == '%')) {
            throw new ImapSyntaxException("Invalid mailbox name");
        }
    }

    static Optional<Folder> find(ImapSession s, String name) {
        return s.ctx.store().folders().find(s.user.id(), name);
    }
}
