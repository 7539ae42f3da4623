package it.pecgateway.access.imap;

import it.pecgateway.mailstore.MessageInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** SEARCH and UID SEARCH with charsets US-ASCII and UTF-8. */
final class SearchCommand extends ImapCommand {
    private static final Set<String> CHARSETS = Set.of("US-ASCII", "UTF-8");

    SearchCommand() {
        super("SEARCH", ImapState.ONLY_SELECTED, Trait.UID_FORM, Trait.HOLDS_EXPUNGES);
    }

    Reply handle(ImapSession s, ImapReader r, boolean uid) throws IOException {
        r.space();
        long mark = r.mark();
        if (r.peek() != '(' && r.peek() != '"' && r.peek() != '{' && r.atom().equalsIgnoreCase("CHARSET")) {
            r.space();
            String charset = r.astring().toUpperCase(Locale.ROOT);
            if (!CHARSETS.contains(charset)) {
                return Reply.no("BADCHARSET (US-ASCII UTF-8)", "Unsupported charset");
            }
            r.space();
        } else {
            r.reset(mark);
        }
        return search(s, r, uid);
    }

    private static Reply search(ImapSession s, ImapReader r, boolean uid) throws IOException {
        SearchKeys parser = new SearchKeys(r, s);
        SearchKeys.Key key = parser.all();
        r.expectEnd();
        if (parser.usesModSeq) {
            s.condstore = true;
        }
        List<Integer> all = new ArrayList<>();
        for (int msn = 1; msn <= s.selected.size(); msn++) {
            all.add(msn);
        }
        Map<Long, MessageInfo> infos = all.isEmpty() ? Map.of() : Selection.infos(s, all);
        StringBuilder line = new StringBuilder("SEARCH");
        long highest = 0;
        for (int msn : all) {
            MessageInfo m = infos.get(s.selected.uidAt(msn));
            if (m != null && key.test(new SearchTarget(s, msn, m))) {
                line.append(' ').append(uid ? m.uid() : msn);
                highest = Math.max(highest, m.modSeq());
            }
        }
        if (parser.usesModSeq && highest > 0) {
            line.append(" (MODSEQ ").append(highest).append(')');
        }
        s.out.untagged(line.toString());
        return Reply.ok("SEARCH completed");
    }
}
