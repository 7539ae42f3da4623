package it.pecgateway.access.imap;

import it.pecgateway.mailstore.Folder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * LIST and LSUB (RFC 3501 6.3.8-9) with CHILDREN and SPECIAL-USE attributes (RFC 6154). The RFC 5258 selection
 * option {@code (SPECIAL-USE)} and {@code RETURN (...)} are accepted so that clients using them get an answer.
 */
final class ListCommand extends ImapCommand {
    private final boolean lsub;

    ListCommand(boolean lsub) {
        super(lsub ? "LSUB" : "LIST", ImapState.LOGGED_IN);
        this.lsub = lsub;
    }

    Reply handle(ImapSession s, ImapReader r, boolean uid) {
        r.space();
        boolean onlySpecialUse = false;
        if (!lsub && r.peek() == '(') {
            onlySpecialUse = skipOptions(r).contains("SPECIAL-USE");
            r.space();
        }
        String reference = ModifiedUtf7.decode(r.astring());
        r.space();
        String pattern = ModifiedUtf7.decode(r.astring());
        if (!lsub && r.tryConsume(' ')) {
            r.atom(); // RETURN
            r.space();
            skipOptions(r);
        }
        r.expectEnd();
        if (pattern.isEmpty()) {
            s.out.untagged(name() + " (\\Noselect) \"" + MailboxNames.DELIMITER + "\" \"\"");
            return Reply.ok(name() + " completed");
        }
        Pattern matcher = compile(reference + pattern);
        TreeMap<String, Folder> tree = tree(s.ctx.store().folders().list(s.user.id()));
        for (var entry : tree.entrySet()) {
            String name = entry.getKey();
            Folder folder = entry.getValue();
            if (!matcher.matcher(name).matches() || (lsub && (folder == null || !folder.subscribed()))
                    || (onlySpecialUse && (folder == null || folder.specialUse().isEmpty()))) {
                continue;
            }
            s.out.untagged(name() + " (" + attributes(name, folder, tree) + ") \"" + MailboxNames.DELIMITER + "\" "
                    + MailboxNames.toWire(name));
        }
        return Reply.ok(name() + " completed");
    }

    private static Set<String> skipOptions(ImapReader r) {
        Set<String> options = new java.util.HashSet<>();
        r.expect('(');
        while (!r.tryConsume(')')) {
            options.add(r.atom().toUpperCase(Locale.ROOT));
            r.tryConsume(' ');
            if (r.atEnd()) {
                throw new ImapSyntaxException("Unterminated option list");
            }
        }
        return options;
    }

    /** Every folder, plus any missing parent as a null entry (shown \Noselect). */
    private static TreeMap<String, Folder> tree(List<Folder> folders) {
        TreeMap<String, Folder> tree = new TreeMap<>();
        for (Folder f : folders) {
            tree.put(f.name(), f);
        }
        for (Folder f : folders) {
            int slash = f.name().indexOf(MailboxNames.DELIMITER);
            while (slash > 0) {
                tree.putIfAbsent(f.name().substring(0, slash), null);
                slash = f.name().indexOf(MailboxNames.DELIMITER, slash + 1);
            }
        }
        return tree;
    }

    private static String attributes(String name, Folder folder, TreeMap<String, Folder> tree) {
        List<String> attrs = new ArrayList<>();
        if (folder == null) {
            attrs.add("\\Noselect");
        }
        String below = tree.higherKey(name + MailboxNames.DELIMITER);
        boolean children = tree.containsKey(name + MailboxNames.DELIMITER)
                || (below != null && below.startsWith(name + MailboxNames.DELIMITER));
        attrs.add(children ? "\\HasChildren" : "\\HasNoChildren");
        if (folder != null) {
            folder.specialUse().ifPresent(u -> attrs.add("\\" + u.name().charAt(0) + u.name().substring(1).toLowerCase(Locale.ROOT)));
        }
        return String.join(" ", attrs);
    }

    /** {@code *} matches anything, {@code %} anything but the delimiter; INBOX matches in any case. */
    static Pattern compile(String pattern) {
        if (pattern.regionMatches(true, 0, MailboxNames.INBOX, 0, 5)
                && (pattern.length() == 5 || pattern.charAt(5) == MailboxNames.DELIMITER)) {
            pattern = MailboxNames.INBOX + pattern.substring(5);
        }
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '%') {
                regex.append("[^").append(MailboxNames.DELIMITER).append("]*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
