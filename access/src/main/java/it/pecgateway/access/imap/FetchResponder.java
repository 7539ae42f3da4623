package it.pecgateway.access.imap;

import it.pecgateway.access.mime.MimePart;
import it.pecgateway.mailstore.MessageInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Writes one untagged FETCH response. Everything that can fail is computed before the first byte is written. */
final class FetchResponder {
    private FetchResponder() {
    }

    static String flagsItem(MessageInfo m, SelectedFolder selected) {
        return "FLAGS " + Flags.list(m.flags(), selected.isRecent(m.uid()));
    }

    static void write(ImapSession s, int msn, MessageInfo m, List<FetchItem> items) throws IOException {
        MimePart structure = items.stream().anyMatch(FetchItem::needsStructure) ? s.ctx.structure(m) : null;
        List<SectionData> sections = new ArrayList<>();
        try {
            for (FetchItem item : items) {
                SectionData data = null;
                if (item.kind() == FetchItem.Kind.SECTION) {
                    data = SectionData.of(item.section(), m, structure, s.ctx.store().blobs());
                    sections.add(data);
                    data.open(s.ctx.store().blobs(), m);
                } else {
                    sections.add(null);
                }
            }
        } catch (IOException | RuntimeException e) {
            sections.stream().filter(java.util.Objects::nonNull).forEach(SectionData::close);
            throw e;
        }
        ImapWriter out = s.out;
        out.raw("* " + msn + " FETCH (");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.raw(" ");
            }
            FetchItem item = items.get(i);
            switch (item.kind()) {
                case FLAGS -> out.raw(flagsItem(m, s.selected));
                case INTERNALDATE -> out.raw("INTERNALDATE " + ImapDates.format(m.internalDate()));
                case SIZE -> out.raw("RFC822.SIZE " + m.size());
                case UID -> out.raw("UID " + m.uid());
                case MODSEQ -> out.raw("MODSEQ (" + m.modSeq() + ")");
                case ENVELOPE -> {
                    out.raw("ENVELOPE ");
                    EnvelopeWriter.write(out, structure);
                }
                case BODYSTRUCTURE -> {
                    out.raw("BODYSTRUCTURE ");
                    BodyStructureWriter.write(out, structure, true);
                }
                case BODY -> {
                    out.raw("BODY ");
                    BodyStructureWriter.write(out, structure, false);
                }
                case SECTION -> {
                    out.raw(item.section().label() + " ");
                    sections.get(i).writeTo(out);
                }
            }
        }
        out.raw(")\r\n");
    }
}
