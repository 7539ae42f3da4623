package it.pecgateway.receipts;

/**
 * One recipient of the original message.
 *
 * @param address   the SMTP forward path (certification data; digest 4.2)
 * @param carbonCopy true when the address is only in {@code Cc}: it gets the concise delivery receipt (digest 5.6);
 *                  an address in both or neither header counts as primary
 * @param certified true for a PEC domain in the providers index ("certificato"), false for "esterno"
 */
public record Recipient(String address, boolean carbonCopy, boolean certified) {
    public static Recipient to(String address) {
        return new Recipient(address, false, true);
    }

    public static Recipient cc(String address) {
        return new Recipient(address, true, true);
    }

    public Recipient external() {
        return new Recipient(address, carbonCopy, false);
    }
}
