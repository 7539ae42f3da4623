package it.pecgateway.access.pop3;

import it.pecgateway.mailstore.MessageInfo;
import it.pecgateway.mailstore.Messages.FlagUpdate;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/** The TRANSACTION state commands and QUIT's UPDATE state (RFC 1939 5-6, TOP and UIDL of section 7). */
final class Pop3MaildropCommands {
    private Pop3MaildropCommands() {
    }

    static Pop3Reply stat(Pop3Session s, String args) {
        long count = 0;
        long size = 0;
        for (int i = 1; i <= s.messages.size(); i++) {
            MessageInfo m = s.message(i);
            if (m != null) {
                count++;
                size += m.size();
            }
        }
        return Pop3Reply.ok(count + " " + size);
    }

    static Pop3Reply list(Pop3Session s, String args) {
        return listing(s, args, m -> String.valueOf(m.size()));
    }

    static Pop3Reply uidl(Pop3Session s, String args) {
        return listing(s, args, s::uniqueId);
    }

    private static Pop3Reply listing(Pop3Session s, String args, java.util.function.Function<MessageInfo, String> value) {
        if (!args.isEmpty()) {
            int n = number(args);
            MessageInfo m = s.message(n);
            return m == null ? Pop3Reply.err("No such message") : Pop3Reply.ok(n + " " + value.apply(m));
        }
        StringBuilder out = new StringBuilder("+OK Listing follows\r\n");
        for (int i = 1; i <= s.messages.size(); i++) {
            MessageInfo m = s.message(i);
            if (m != null) {
                out.append(i).append(' ').append(value.apply(m)).append("\r\n");
            }
        }
        s.out.ascii(out.append(".\r\n").toString());
        return Pop3Reply.written();
    }

    static Pop3Reply retr(Pop3Session s, String args) throws IOException {
        int n = number(args);
        MessageInfo m = s.message(n);
        if (m == null) {
            return Pop3Reply.err("No such message");
        }
        try (InputStream in = s.store.blobs().open(m.body())) {
            s.out.ascii("+OK " + m.size() + " octets\r\n");
            DotStuffer.copy(in, s.out, -1);
        }
        s.retrieved.set(n - 1);
        return Pop3Reply.written();
    }

    static Pop3Reply top(Pop3Session s, String args) throws IOException {
        String[] words = args.split(" ");
        if (words.length != 2) {
            return Pop3Reply.err("TOP needs a message number and a line count");
        }
        int n = number(words[0]);
        long lines = lineCount(words[1]);
        MessageInfo m = s.message(n);
        if (m == null) {
            return Pop3Reply.err("No such message");
        }
        try (InputStream in = s.store.blobs().open(m.body())) {
            s.out.ascii("+OK Top of message follows\r\n");
            DotStuffer.copy(in, s.out, lines);
        }
        return Pop3Reply.written();
    }

    static Pop3Reply dele(Pop3Session s, String args) {
        int n = number(args);
        if (s.message(n) == null) {
            return Pop3Reply.err("No such message");
        }
        if (s.readOnly) {
            return Pop3Reply.err("[SYS/PERM] Mailbox is read-only");
        }
        s.deleted.set(n - 1);
        return Pop3Reply.ok("Message " + n + " deleted");
    }

    static Pop3Reply rset(Pop3Session s, String args) {
        s.deleted.clear();
        return Pop3Reply.ok("Deletion marks removed");
    }

    static Pop3Reply noop(Pop3Session s, String args) {
        return Pop3Reply.ok("");
    }

    /** QUIT: in TRANSACTION the UPDATE state removes the messages marked deleted and marks read ones \Seen. */
    static Pop3Reply quit(Pop3Session s, String args) {
        if (s.state == Pop3State.TRANSACTION && !s.readOnly) {
            List<Long> seen = uids(s, s.retrieved);
            List<Long> gone = uids(s, s.deleted);
            if (!seen.isEmpty()) {
                s.store.messages().updateFlags(s.folderId, seen, FlagUpdate.ADD, Set.of("\\Seen"), OptionalLong.empty());
            }
            if (!gone.isEmpty()) {
                s.store.inTransaction(tx -> {
                    tx.messages().updateFlags(s.folderId, gone, FlagUpdate.ADD, Set.of("\\Deleted"), OptionalLong.empty());
                    return tx.messages().expunge(s.folderId, java.util.Optional.of(gone));
                });
            }
        }
        return Pop3Reply.ok("Bye").thenClose();
    }

    private static List<Long> uids(Pop3Session s, java.util.BitSet marks) {
        List<Long> out = new ArrayList<>();
        marks.stream().forEach(i -> out.add(s.messages.get(i).uid()));
        return out;
    }

    /**
     * RFC 1939: a non-negative number of lines. A count past what a long holds asks for more lines than any message
     * has, so it means the whole message; a sign or anything else is refused (a negative count is not "all").
     */
    private static long lineCount(String text) {
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Pop3SyntaxException("Invalid line count");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new Pop3SyntaxException("Invalid message number");
        }
    }
}
