package it.pecgateway.receipts.mime;

/** Input beyond one of the structural caps (header size, nesting depth, part count). */
public final class MimeLimitException extends Exception {
    private static final long serialVersionUID = 1L;

    public MimeLimitException(String message) {
        super(message);
    }
}
