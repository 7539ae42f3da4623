package it.pecgateway.access.imap;

import it.pecgateway.mailstore.MessageInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reading the messages a command names, in batches of nearby UIDs. */
final class Selection {
    private static final int BATCH = 500;

    private Selection() {
    }

    static List<Long> uids(SelectedFolder selected, List<Integer> msns) {
        List<Long> uids = new ArrayList<>(msns.size());
        for (int msn : msns) {
            uids.add(selected.uidAt(msn));
        }
        return uids;
    }

    /** The infos of these sequence numbers, by UID; messages expunged meanwhile are missing. */
    static Map<Long, MessageInfo> infos(ImapSession s, List<Integer> msns) {
        Map<Long, MessageInfo> out = new HashMap<>();
        for (int from = 0; from < msns.size(); from += BATCH) {
            List<Integer> batch = msns.subList(from, Math.min(msns.size(), from + BATCH));
            long lo = s.selected.uidAt(batch.get(0));
            long hi = s.selected.uidAt(batch.get(batch.size() - 1));
            for (MessageInfo m : s.ctx.store().messages().list(s.selected.folder.id(), lo, hi)) {
                out.put(m.uid(), m);
            }
        }
        return out;
    }
}
