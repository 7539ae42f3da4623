package it.pecgateway.receipts.read;

/** The answer for someone keeping a PEC message as legal proof. */
public enum Verdict {
    /** A PEC message whose signature, signer and structure all check out. */
    VALID(0),
    /** Readable, but not a valid PEC message (ordinary mail, a failed check). */
    INVALID(1),
    /** Not readable as a message at all. */
    UNREADABLE(2);

    private final int exitCode;

    Verdict(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The process exit code of the {@code verify} command. */
    public int exitCode() {
        return exitCode;
    }
}
