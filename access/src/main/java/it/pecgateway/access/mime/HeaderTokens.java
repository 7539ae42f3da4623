package it.pecgateway.access.mime;

/** A tokenizer for structured MIME header values: tokens, quoted strings, specials; comments are skipped. */
final class HeaderTokens {
    private static final String TSPECIALS = "()<>@,;:\\\"/[]?=";
    private final String s;
    private int i;

    HeaderTokens(String s) {
        this.s = s;
    }

    boolean atEnd() {
        skipWhiteAndComments();
        return i >= s.length();
    }

    boolean peekQuote() {
        skipWhiteAndComments();
        return i < s.length() && s.charAt(i) == '"';
    }

    /** Consumes {@code c} if it is next. */
    boolean skip(char c) {
        skipWhiteAndComments();
        if (i < s.length() && s.charAt(i) == c) {
            i++;
            return true;
        }
        // tolerate garbage: skip up to the next occurrence so that parameters after junk still parse
        if (c == ';') {
            int next = s.indexOf(';', i);
            if (next >= 0 && !quotedBetween(i, next)) {
                i = next + 1;
                return true;
            }
        }
        return false;
    }

    private boolean quotedBetween(int from, int to) {
        return s.substring(from, to).indexOf('"') >= 0;
    }

    String token() {
        skipWhiteAndComments();
        int start = i;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c <= ' ' || TSPECIALS.indexOf(c) >= 0) {
                break;
            }
            i++;
        }
        return s.substring(start, i);
    }

    String quoted() {
        skipWhiteAndComments();
        StringBuilder out = new StringBuilder();
        i = unquote(s, i, out);
        return out.toString();
    }

    /**
     * Reads the quoted string opening at {@code start} (RFC 5322 quoted-string, backslash escapes) into
     * {@code out}; returns the index after its closing quote (or the end of {@code s}).
     */
    static int unquote(String s, int start, StringBuilder out) {
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '\\' && i < s.length()) {
                out.append(s.charAt(i++));
            } else if (c == '"') {
                break;
            } else {
                out.append(c);
            }
        }
        return i;
    }

    private void skipWhiteAndComments() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else if (c == '(') {
                skipComment();
            } else {
                return;
            }
        }
    }

    private void skipComment() {
        int depth = 0;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return;
            }
        }
    }
}
