package it.pecgateway.access;

import it.pecgateway.mailstore.MailStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a failed command is answered, one subclass per protocol: a syntax error with its own (always our) text, a
 * store refusal by its reason, anything else as our failure: logged with its details, counted, and answered with a
 * generic reply. Exception text other than our syntax messages never reaches the wire.
 *
 * @param <R> the protocol's reply
 */
public abstract class CommandErrors<R> {
    private static final Logger log = LoggerFactory.getLogger(CommandErrors.class);

    private final AccessMetrics metrics;
    private final AccessMetrics.Protocol protocol;

    protected CommandErrors(AccessMetrics metrics, AccessMetrics.Protocol protocol) {
        this.metrics = metrics;
        this.protocol = protocol;
    }

    protected abstract R syntax(String text);

    protected abstract R refused(MailStoreException.Reason reason);

    protected abstract R internal();

    public final R reply(Throwable failure) {
        if (failure instanceof CommandSyntaxException e) {
            return syntax(e.getMessage());
        }
        if (failure instanceof MailStoreException e) {
            log.debug("store refused a {} command: {}", protocol, e.reason(), e);
            return refused(e.reason());
        }
        log.error("{} command failed", protocol, failure);
        metrics.internalError(protocol);
        return internal();
    }

    /** How a failed command counts: BAD (the client's syntax), NO (the store refused) or ERROR (ours). */
    public static AccessMetrics.Outcome outcome(Throwable failure) {
        if (failure instanceof CommandSyntaxException) {
            return AccessMetrics.Outcome.BAD;
        }
        return failure instanceof MailStoreException ? AccessMetrics.Outcome.NO : AccessMetrics.Outcome.ERROR;
    }
}
