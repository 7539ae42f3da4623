package it.pecgateway.mailstore;

/** A failure of a store operation, with a reason protocols can map to a reply. The message never holds secrets. */
public class MailStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** the domain, mailbox, folder or message does not exist */
        NOT_FOUND,
        /** the domain, mailbox or folder exists already */
        ALREADY_EXISTS,
        /** the mailbox quota does not allow the write */
        OVER_QUOTA,
        /** the request is not valid (bad name, INBOX rename, ...) */
        INVALID,
        /** a lease was lost or a concurrent change conflicts */
        CONFLICT,
        /** the database or disk failed; the operation had no effect */
        UNAVAILABLE
    }

    private final Reason reason;

    public MailStoreException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public MailStoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
