package it.pecgateway.gateway.smtp;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A reverse or forward path of RFC 5321 (section 4.1.2): {@code <local@domain>}, or the null path {@code <>}.
 * Only dot-string local parts and host-name domains are accepted: PEC addresses are dot-atoms (the index schema
 * says so for mailReceipt), and quoted local parts, address literals and source routes only widen the attack
 * surface. Limits of RFC 5321 4.5.3.1: local part 64, domain 255, path 256 octets.
 */
public record SmtpPath(String localPart, String domain) {
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,255}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    public static final SmtpPath NULL = new SmtpPath("", "");

    public boolean isNull() {
        return localPart.isEmpty();
    }

    /** The address with the domain in lower case (domains are case-insensitive, local parts formally are not). */
    public String address() {
        return isNull() ? "" : localPart + "@" + domain.toLowerCase(Locale.ROOT);
    }

    /** Parses {@code <addr>} as found after {@code FROM:} or {@code TO:}; empty if the syntax is wrong. */
    public static Optional<SmtpPath> parse(String bracketed, boolean allowNull) {
        if (bracketed.length() < 2 || bracketed.charAt(0) != '<' || bracketed.charAt(bracketed.length() - 1) != '>'
                || bracketed.length() > 258) {
            return Optional.empty();
        }
        String inner = bracketed.substring(1, bracketed.length() - 1);
        if (inner.isEmpty()) {
            return allowNull ? Optional.of(NULL) : Optional.empty();
        }
        return parseAddress(inner);
    }

    /** Parses a bare address {@code local@domain}. */
    public static Optional<SmtpPath> parseAddress(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0 || at > 64 || at == address.length() - 1) {
            return Optional.empty();
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (!LOCAL.matcher(local).matches() || !DOMAIN.matcher(domain).matches() || !domain.contains(".")) {
            return Optional.empty();
        }
        return Optional.of(new SmtpPath(local, domain.toLowerCase(Locale.ROOT)));
    }

    /** Addresses compare case-insensitively: mailbox names are stored lower case by the mailstore. */
    public boolean sameMailboxAs(String address) {
        return address().equalsIgnoreCase(address);
    }

    @Override
    public String toString() {
        return "<" + address() + ">";
    }
}
