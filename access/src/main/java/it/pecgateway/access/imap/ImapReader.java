package it.pecgateway.access.imap;

import java.util.List;

/** Reads the arguments of one command (RFC 3501 formal syntax) from a frame's text pieces and literals. */
final class ImapReader {
    private final List<Object> pieces;
    private int piece;
    private int pos;

    ImapReader(ImapFrame frame) {
        this.pieces = frame.pieces();
    }

    static boolean isTag(String s) {
        if (s.isEmpty() || s.length() > 64) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7f || "(){%*\"\\]+".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private String text() {
        return (String) pieces.get(piece);
    }

    /** The next character, or 0 at the end of the line; {@code '{'} when a literal comes next. */
    char peek() {
        if (pos < text().length()) {
            return text().charAt(pos);
        }
        return literalNext() ? '{' : 0;
    }

    private boolean literalNext() {
        return pos >= text().length() && piece + 1 < pieces.size();
    }

    boolean atEnd() {
        return peek() == 0;
    }

    void expectEnd() {
        if (!atEnd()) {
            throw new ImapSyntaxException("Unexpected extra arguments");
        }
    }

    void expect(char c) {
        if (pos >= text().length() || text().charAt(pos) != c) {
            throw new ImapSyntaxException(c == ' ' ? "Missing argument" : "Expected '" + c + "'");
        }
        pos++;
    }

    boolean tryConsume(char c) {
        if (pos < text().length() && text().charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    void space() {
        expect(' ');
    }

    /** Characters up to a space, parenthesis or end of line; never empty. */
    String atom() {
        int start = pos;
        String t = text();
        while (pos < t.length()) {
            char c = t.charAt(pos);
            if (c == ' ' || c == '(' || c == ')' || c < ' ' || c == '"') {
                break;
            }
            pos++;
        }
        if (pos == start) {
            throw new ImapSyntaxException("Missing argument");
        }
        return t.substring(start, pos);
    }

    /** An atom that may contain bracketed sections with spaces, as fetch attributes do (BODY[HEADER.FIELDS (A B)]). */
    String fetchAtom() {
        int start = pos;
        String t = text();
        int depth = 0;
        while (pos < t.length()) {
            char c = t.charAt(pos);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (depth == 0 && (c == ' ' || c == '(' || c == ')')) {
                break;
            }
            pos++;
        }
        if (pos == start || depth != 0) {
            throw new ImapSyntaxException("Invalid fetch attribute");
        }
        return t.substring(start, pos);
    }

    String astring() {
        char c = peek();
        if (c == '{') {
            return literal().text();
        }
        if (c == '"') {
            return quoted();
        }
        return atom();
    }

    /** astring or NIL (returned as null). */
    /** A mailbox name argument: an astring in modified UTF-7, decoded (RFC 3501 5.1.3). */
    String mailbox() {
        return MailboxNames.fromWire(astring());
    }

    String nstring() {
        if (peek() != '"' && peek() != '{') {
            String atom = atom();
            if (atom.equalsIgnoreCase("NIL")) {
                return null;
            }
            return atom;
        }
        return astring();
    }

    Literal literal() {
        if (!literalNext()) {
            throw new ImapSyntaxException("Literal expected");
        }
        Literal l = (Literal) pieces.get(piece + 1);
        piece += 2;
        pos = 0;
        return l;
    }

    private String quoted() {
        expect('"');
        StringBuilder out = new StringBuilder();
        String t = text();
        while (pos < t.length()) {
            char c = t.charAt(pos++);
            if (c == '\\' && pos < t.length()) {
                out.append(t.charAt(pos++));
            } else if (c == '"') {
                return out.toString();
            } else {
                out.append(c);
            }
        }
        throw new ImapSyntaxException("Unterminated quoted string");
    }

    long number() {
        String n = atom();
        if (n.length() > 19 || !n.chars().allMatch(Character::isDigit)) {
            throw new ImapSyntaxException("Number expected");
        }
        return Long.parseLong(n);
    }

    /** A position to come back to with {@link #reset}. */
    long mark() {
        return ((long) piece << 32) | pos;
    }

    void reset(long mark) {
        piece = (int) (mark >>> 32);
        pos = (int) mark;
    }

    /** The rest of the current line as it is (AUTHENTICATE responses, IDLE's DONE). */
    String rest() {
        String r = text().substring(pos);
        pos = text().length();
        return r;
    }
}
