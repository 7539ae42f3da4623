package it.pecgateway.mailstore.jdbc;

import java.util.Locale;

/** Normalisation and validation of addresses, domains and folder names, in one place. */
final class Names {
    static final String INBOX = "INBOX";

    private Names() {
    }

    static String domain(String domain) {
        String d = domain == null ? "" : domain.trim().toLowerCase(Locale.ROOT);
        if (d.isEmpty() || d.contains("@") || hasSpaceOrControl(d)) {
            throw Errors.invalid("not a domain name");
        }
        return d;
    }

    static String address(String address) {
        String a = address == null ? "" : address.trim().toLowerCase(Locale.ROOT);
        int at = a.indexOf('@');
        if (at <= 0 || at != a.lastIndexOf('@') || at == a.length() - 1 || hasSpaceOrControl(a)) {
            throw Errors.invalid("not a mailbox address");
        }
        return a;
    }

    static String folder(String name) {
        if (name == null || name.isEmpty() || name.length() > 1024 || hasControl(name)) {
            throw Errors.invalid("not a valid folder name");
        }
        return name.equalsIgnoreCase(INBOX) ? INBOX : name;
    }

    private static boolean hasSpaceOrControl(String s) {
        return s.chars().anyMatch(c -> c <= ' ' || c == 0x7f);
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < ' ' || c == 0x7f);
    }
}
