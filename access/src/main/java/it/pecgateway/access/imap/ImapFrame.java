package it.pecgateway.access.imap;

import java.util.List;

/**
 * One complete client line with its literals, as the decoder assembled it: text pieces (the line parts around
 * literals, CRLF and literal markers removed) alternate with {@link Literal}s.
 */
record ImapFrame(List<Object> pieces) {

    ImapFrame {
        pieces = List.copyOf(pieces);
    }

    /** The first text piece: the whole line when the frame has no literal. */
    String firstLine() {
        return (String) pieces.get(0);
    }

    void discardLiterals() {
        for (Object p : pieces) {
            if (p instanceof Literal l) {
                l.discard();
            }
        }
    }
}
