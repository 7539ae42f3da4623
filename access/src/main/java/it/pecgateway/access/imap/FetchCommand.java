package it.pecgateway.access.imap;

import it.pecgateway.mailstore.MessageInfo;
import it.pecgateway.mailstore.Messages.FlagUpdate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * FETCH and UID FETCH (RFC 3501 6.4.5) with MODSEQ and CHANGEDSINCE (RFC 7162). Non-PEEK body sections set
 * {@code \Seen} (not in read-only mailboxes), and the new flags are returned with the data.
 */
final class FetchCommand extends ImapCommand {
    FetchCommand() {
        super("FETCH", ImapState.ONLY_SELECTED, Trait.UID_FORM, Trait.HOLDS_EXPUNGES);
    }

    Reply handle(ImapSession s, ImapReader r, boolean uid) throws IOException {
        r.space();
        SequenceSet set = SequenceSet.parse(r.atom());
        r.space();
        List<FetchItem> items = new ArrayList<>(FetchItem.readAll(r));
        OptionalLong changedSince = OptionalLong.empty();
        if (r.tryConsume(' ')) {
            r.expect('(');
            if (!r.atom().equalsIgnoreCase("CHANGEDSINCE")) {
                throw new ImapSyntaxException("Unknown FETCH modifier");
            }
            r.space();
            changedSince = OptionalLong.of(r.number());
            r.expect(')');
        }
        r.expectEnd();
        if (changedSince.isPresent() || items.stream().anyMatch(i -> i.kind() == FetchItem.Kind.MODSEQ)) {
            s.condstore = true;
        }
        if (changedSince.isPresent()) {
            ensure(items, FetchItem.Kind.MODSEQ);
        }
        if (uid) {
            ensure(items, FetchItem.Kind.UID);
        }
        List<Integer> msns = s.selected.resolve(set, uid);
        if (msns.isEmpty()) {
            return Reply.ok("FETCH completed");
        }
        Map<Long, MessageInfo> infos = Selection.infos(s, msns);
        boolean setsSeen = !s.selected.readOnly
                && items.stream().anyMatch(i -> i.kind() == FetchItem.Kind.SECTION && i.section().setsSeen());
        Set<Long> newlySeen = setsSeen ? markSeen(s, infos) : Set.of();
        for (int msn : msns) {
            MessageInfo m = infos.get(s.selected.uidAt(msn));
            if (m == null || (changedSince.isPresent() && m.modSeq() <= changedSince.getAsLong())) {
                continue;
            }
            List<FetchItem> these = items;
            if (newlySeen.contains(m.uid()) && items.stream().noneMatch(i -> i.kind() == FetchItem.Kind.FLAGS)) {
                these = new ArrayList<>(items);
                these.add(new FetchItem(FetchItem.Kind.FLAGS, null));
            }
            FetchResponder.write(s, msn, m, these);
        }
        return Reply.ok("FETCH completed");
    }

    private static void ensure(List<FetchItem> items, FetchItem.Kind kind) {
        if (items.stream().noneMatch(i -> i.kind() == kind)) {
            items.add(0, new FetchItem(kind, null));
        }
    }

    private static Set<Long> markSeen(ImapSession s, Map<Long, MessageInfo> infos) {
        List<Long> unseen = infos.values().stream().filter(m -> !m.flags().contains(Flags.SEEN)).map(MessageInfo::uid).toList();
        if (unseen.isEmpty()) {
            return Set.of();
        }
        var result = s.ctx.store().messages().updateFlags(s.selected.folder.id(), unseen, FlagUpdate.ADD,
                Set.of(Flags.SEEN), OptionalLong.empty());
        for (MessageInfo m : result.updated()) {
            infos.put(m.uid(), m);
            s.selected.ownFlagChange(m.uid(), m.modSeq());
        }
        return Set.copyOf(unseen);
    }
}
