package it.pecgateway.access.imap;

import it.pecgateway.mailstore.MessageInfo;
import it.pecgateway.mailstore.Messages.FlagResult;
import it.pecgateway.mailstore.Messages.FlagUpdate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/** STORE and UID STORE (RFC 3501 6.4.6) with UNCHANGEDSINCE and MODIFIED (RFC 7162). */
final class StoreCommand extends ImapCommand {
    StoreCommand() {
        super("STORE", ImapState.ONLY_SELECTED, Trait.WRITES, Trait.UID_FORM, Trait.HOLDS_EXPUNGES);
    }

    Reply handle(ImapSession s, ImapReader r, boolean uid) {
        r.space();
        SequenceSet set = SequenceSet.parse(r.atom());
        r.space();
        OptionalLong unchangedSince = OptionalLong.empty();
        if (r.tryConsume('(')) {
            if (!r.atom().equalsIgnoreCase("UNCHANGEDSINCE")) {
                throw new ImapSyntaxException("Unknown STORE modifier");
            }
            r.space();
            unchangedSince = OptionalLong.of(r.number());
            r.expect(')');
            r.space();
            s.condstore = true;
        }
        String item = r.atom().toUpperCase(Locale.ROOT);
        boolean silent = item.endsWith(".SILENT");
        String base = silent ? item.substring(0, item.length() - 7) : item;
        FlagUpdate mode = switch (base) {
            case "FLAGS" -> FlagUpdate.REPLACE;
            case "+FLAGS" -> FlagUpdate.ADD;
            case "-FLAGS" -> FlagUpdate.REMOVE;
            default -> throw new ImapSyntaxException("Unknown STORE item");
        };
        r.space();
        Set<String> flags = Flags.read(r);
        r.expectEnd();
        if (s.selected.readOnly) {
            return Reply.no("CANNOT", "Mailbox is read-only");
        }
        List<Integer> msns = s.selected.resolve(set, uid);
        List<Long> uids = Selection.uids(s.selected, msns);
        if (uids.isEmpty()) {
            return Reply.ok("STORE completed");
        }
        flags = spelledAsStored(s, msns, mode, flags);
        FlagResult result = s.ctx.store().messages().updateFlags(s.selected.folder.id(), uids, mode, flags, unchangedSince);
        for (MessageInfo m : result.updated()) {
            s.selected.ownFlagChange(m.uid(), m.modSeq());
        }
        if (!silent || s.condstore) {
            report(s, msns, result, uid, silent);
        }
        if (!result.notModified().isEmpty()) {
            List<Long> failed = new ArrayList<>();
            for (long u : result.notModified()) {
                failed.add(uid ? u : s.selected.msnOf(u));
            }
            failed.sort(null);
            return Reply.ok("MODIFIED " + SequenceSet.format(failed), "Conditional STORE failed");
        }
        return Reply.ok("STORE completed");
    }

    /**
     * Keywords are case-insensitive (RFC 3501 9) but the store compares them exactly: a keyword these messages
     * already carry keeps its stored spelling, so {@code +FLAGS (junk)} adds no second {@code Junk} and
     * {@code -FLAGS (JUNK)} removes every spelling of it.
     */
    private static Set<String> spelledAsStored(ImapSession s, List<Integer> msns, FlagUpdate mode, Set<String> flags) {
        if (flags.stream().allMatch(f -> f.startsWith("\\"))) {
            return flags;
        }
        Map<String, Set<String>> stored = new HashMap<>();
        for (MessageInfo m : Selection.infos(s, msns).values()) {
            for (String f : m.flags()) {
                if (!f.startsWith("\\")) {
                    stored.computeIfAbsent(f.toLowerCase(Locale.ROOT), k -> new TreeSet<>()).add(f);
                }
            }
        }
        Set<String> spelled = new LinkedHashSet<>();
        for (String f : flags) {
            Set<String> spellings = stored.get(f.toLowerCase(Locale.ROOT));
            if (spellings == null) {
                spelled.add(f);
            } else if (mode == FlagUpdate.REMOVE) {
                spelled.addAll(spellings);
            } else {
                spelled.add(spellings.iterator().next());
            }
        }
        return spelled;
    }

    private static void report(ImapSession s, List<Integer> msns, FlagResult result, boolean uid, boolean silent) {
        Map<Long, MessageInfo> current = new java.util.HashMap<>();
        result.updated().forEach(m -> current.put(m.uid(), m));
        if (!silent && current.size() + result.notModified().size() < msns.size()) {
            Selection.infos(s, msns).forEach(current::putIfAbsent);
        }
        Set<Long> skipped = new java.util.HashSet<>(result.notModified());
        for (int msn : msns) {
            MessageInfo m = current.get(s.selected.uidAt(msn));
            if (m == null || skipped.contains(m.uid())) {
                continue;
            }
            StringBuilder line = new StringBuilder().append(msn).append(" FETCH (");
            if (!silent) {
                line.append(FetchResponder.flagsItem(m, s.selected));
            }
            // RFC 7162 3.1.8: once CONDSTORE is on, flag FETCH responses carry UID and MODSEQ
            if (uid || s.condstore) {
                line.append(silent ? "" : " ").append("UID ").append(m.uid());
            }
            if (s.condstore) {
                line.append(" MODSEQ (").append(m.modSeq()).append(')');
            }
            s.out.untagged(line.append(')').toString());
        }
    }
}
