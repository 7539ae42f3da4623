package it.pecgateway.receipts.daticert;

/** A daticert.xml that cannot be written or read as the DTD says; the message is the precise reason. */
public final class DaticertException extends Exception {
    private static final long serialVersionUID = 1L;

    public DaticertException(String message) {
        super(message);
    }

    public DaticertException(String message, Throwable cause) {
        super(message, cause);
    }
}
