package it.pecgateway.access;

import it.pecgateway.mailstore.MailStoreException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a failed command is answered, for either protocol: a syntax error with its own (always our) text, a store
 * refusal by its reason, anything else as our failure: logged with its details, counted, and answered with a
 * generic reply. Exception text other than our syntax messages never reaches the wire.
 *
 * @param <R> the protocol's reply
 */
public final class CommandErrors<R> {
    private static final Logger log = LoggerFactory.getLogger(CommandErrors.class);

    private final AccessMetrics metrics;
    private final AccessMetrics.Protocol protocol;
    private final Function<String, R> syntax;
    private final Function<MailStoreException.Reason, R> refused;
    private final R internal;

    /**
     * @param syntax   the reply to a syntax error, given its text
     * @param refused  the reply to a store refusal, by reason
     * @param internal the reply to a failure of ours
     */
    public CommandErrors(AccessMetrics metrics, AccessMetrics.Protocol protocol, Function<String, R> syntax,
                         Function<MailStoreException.Reason, R> refused, R internal) {
        this.metrics = metrics;
        this.protocol = protocol;
        this.syntax = syntax;
        this.refused = refused;
        this.internal = internal;
    }

    public R reply(Throwable failure) {
        if (failure instanceof CommandSyntaxException e) {
            return syntax.apply(e.getMessage());
        }
        if (failure instanceof MailStoreException e) {
            log.debug("store refused a {} command: {}", protocol, e.reason(), e);
            return refused.apply(e.reason());
        }
        log.error("{} command failed", protocol, failure);
        metrics.internalError(protocol);
        return internal;
    }

    /** How a failed command counts: BAD (the client's syntax), NO (the store refused) or ERROR (ours). */
    public static AccessMetrics.Outcome outcome(Throwable failure) {
        if (failure instanceof CommandSyntaxException) {
            return AccessMetrics.Outcome.BAD;
        }
        return failure instanceof MailStoreException ? AccessMetrics.Outcome.NO : AccessMetrics.Outcome.ERROR;
    }
}
