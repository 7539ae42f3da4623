package it.pecgateway.access.mime;

/**
 * One element of an address list as IMAP's ENVELOPE wants it (RFC 3501 7.4.2). A group start has a null
 * {@code host} and the group name in {@code mailbox}; a group end has every field null. Any field may be null.
 */
public record Address(String name, String route, String mailbox, String host) {

    public static Address groupStart(String name) {
        return new Address(null, null, name, null);
    }

    public static Address groupEnd() {
        return new Address(null, null, null, null);
    }
}
