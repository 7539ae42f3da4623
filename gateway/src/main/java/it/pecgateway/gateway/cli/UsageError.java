package it.pecgateway.gateway.cli;

/** The command was called wrongly in a way the option parser cannot see (an empty password, ...): exit status 2. */
public final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageError(String message) {
        super(message);
    }
}
