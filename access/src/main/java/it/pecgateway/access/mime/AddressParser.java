package it.pecgateway.access.mime;

import java.util.ArrayList;
import java.util.List;

/**
 * A tolerant RFC 5322 address-list parser for ENVELOPE: display names, angle addresses, groups, comments and
 * quoted strings. Names stay in their raw (possibly encoded-word) form, as IMAP requires.
 */
public final class AddressParser {
    private final String s;
    private int i;

    private AddressParser(String s) {
        this.s = s;
    }

    public static List<Address> parse(String value) {
        AddressParser p = new AddressParser(value);
        List<Address> out = new ArrayList<>();
        while (p.skipSeparators()) {
            p.element(out, false);
        }
        return out;
    }

    private boolean skipSeparators() {
        while (i < s.length() && (s.charAt(i) == ',' || Character.isWhitespace(s.charAt(i)))) {
            i++;
        }
        return i < s.length();
    }

    /** One mailbox or group, up to the next top-level comma. */
    private void element(List<Address> out, boolean inGroup) {
        StringBuilder phrase = new StringBuilder();
        String comment = null;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ',' || (inGroup && c == ';')) {
                break;
            } else if (c == '"') {
                phrase.append(quoted());
            } else if (c == '(') {
                String text = comment();
                comment = comment == null ? text : comment;
            } else if (c == '<') {
                i++;
                String spec = until('>');
                out.add(mailbox(phrase.toString().trim(), spec));
                skipTo(inGroup);
                return;
            } else if (c == ':') {
                i++;
                out.add(Address.groupStart(phrase.toString().trim()));
                groupMembers(out);
                out.add(Address.groupEnd());
                return;
            } else {
                phrase.append(c);
                i++;
            }
        }
        String spec = phrase.toString().trim().replaceAll("\\s+", "");
        if (!spec.isEmpty()) {
            out.add(mailbox(comment == null ? null : comment.trim(), spec));
        }
    }

    private void groupMembers(List<Address> out) {
        while (i < s.length()) {
            while (i < s.length() && (s.charAt(i) == ',' || Character.isWhitespace(s.charAt(i)))) {
                i++;
            }
            if (i >= s.length()) {
                return;
            }
            if (s.charAt(i) == ';') {
                i++;
                return;
            }
            element(out, true);
        }
    }

    private static Address mailbox(String name, String spec) {
        String route = null;
        String addr = spec.trim();
        int colon = addr.indexOf(':');
        if (addr.startsWith("@") && colon > 0) {
            route = addr.substring(0, colon);
            addr = addr.substring(colon + 1);
        }
        int at = addr.lastIndexOf('@');
        String local = at < 0 ? addr : addr.substring(0, at);
        String host = at < 0 ? "" : addr.substring(at + 1);
        if (local.length() >= 2 && local.startsWith("\"") && local.endsWith("\"")) {
            local = local.substring(1, local.length() - 1);
        }
        return new Address(name == null || name.isEmpty() ? null : name, route, local, host);
    }

    private String quoted() {
        StringBuilder out = new StringBuilder();
        i = HeaderTokens.unquote(s, i, out);
        return out.toString();
    }

    private String comment() {
        int depth = 0;
        StringBuilder out = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '(') {
                if (depth++ > 0) {
                    out.append(c);
                }
            } else if (c == ')') {
                if (--depth == 0) {
                    break;
                }
                out.append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private String until(char end) {
        int start = i;
        while (i < s.length() && s.charAt(i) != end) {
            i++;
        }
        String out = s.substring(start, i);
        if (i < s.length()) {
            i++;
        }
        return out;
    }

    private void skipTo(boolean inGroup) {
        while (i < s.length() && s.charAt(i) != ',' && !(inGroup && s.charAt(i) == ';')) {
            i++;
        }
    }
}
