package it.pecgateway.gateway.admin;

import it.pecgateway.gateway.ops.Actor;
import it.pecgateway.gateway.smtp.SmtpPath;
import it.pecgateway.gateway.ops.OpsException;
import it.pecgateway.gateway.ops.Operations;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MailStoreException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs administration requests through the operations service layer, as the local operator: the same code whether
 * the CLI or a running gateway holds the store. Refusals become exit status 1 (failed) or 2 (invalid request).
 */
public final class MailboxAdministration {
    private final Operations ops;

    public MailboxAdministration(Operations ops) {
        this.ops = ops;
    }

    /** Adds the configured PEC domains the store does not host yet (at every start, and before CLI commands). */
    public static void ensureDomains(MailStore store, List<String> domains) {
        for (String domain : domains) {
            if (!store.accounts().hostsDomain(domain)) {
                try {
                    store.accounts().addDomain(domain);
                } catch (MailStoreException e) {
                    if (e.reason() != MailStoreException.Reason.ALREADY_EXISTS) { // another process was quicker
                        throw e;
                    }
                }
            }
        }
    }

    public AdminReply execute(AdminRequest request) {
        try {
            return switch (request.operation()) {
                case ADD_DOMAIN -> {
                    // the syntax our SMTP listeners accept in an address: a domain they would refuse (a trailing
                    // dot, an underscore, no dot) could host mailboxes that can never receive mail
                    if (SmtpPath.parseAddress("postmaster@" + request.subject()).isEmpty()) {
                        yield AdminReply.failed(2, request.subject() + ": not a domain name");
                    }
                    ops.context().store().accounts().addDomain(request.subject());
                    yield AdminReply.done("domain " + request.subject() + " added\n");
                }
                case LIST_MAILBOXES -> AdminReply.done(ops.provisioning().list(Actor.Operator.LOCAL,
                                request.subject().isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(request.subject()))
                        .stream().map(m -> m.address() + "\t" + m.state().name().toLowerCase(java.util.Locale.ROOT) + "\n")
                        .collect(Collectors.joining()));
                case MAILBOX_RULE, MAILBOX_NOTIFY -> new MailboxSettingsChange(ops).execute(request);
                case LOG_QUERY, LOG_EXPORT, LOG_VERIFY -> new LogAdministration(ops.context().store()).execute(request);
                case TOKEN_CREATE, TOKEN_LIST, TOKEN_REVOKE -> new TokenAdministration(ops.tokens()).execute(request);
                default -> new MailboxLifecycleAdministration(ops).execute(request);
            };
        } catch (OpsException e) {
            // a problem list that only repeats the message (one reason, said for the API's field list) is not repeated
            boolean repeats = e.problems().isEmpty() || e.problems().equals(java.util.List.of(e.getMessage()));
            String problems = repeats ? "" : ": " + String.join("; ", e.problems());
            return AdminReply.failed(e.kind().cliStatus(), e.getMessage() + problems);
        } catch (MailStoreException e) {
            int status = e.reason() == MailStoreException.Reason.INVALID ? 2 : 1;
            return AdminReply.failed(status, request.subject() + ": " + e.getMessage());
        }
    }
}
