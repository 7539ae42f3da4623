package it.pecgateway.gateway.admin;

import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MailStoreException;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.MailboxState;
import it.pecgateway.mailstore.NewMailbox;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Runs administration requests on a store: the same code whether the CLI or a running gateway holds the store. */
public final class MailboxAdministration {
    private final MailStore store;

    public MailboxAdministration(MailStore store) {
        this.store = store;
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
                    store.accounts().addDomain(request.subject());
                    yield AdminReply.done("domain " + request.subject() + " added\n");
                }
                case ADD_MAILBOX -> addMailbox(request.subject(), request.password());
                case SET_PASSWORD -> {
                    char[] password = request.password().orElseThrow().toCharArray();
                    if (store.accounts().find(request.subject()).isEmpty()) {
                        yield AdminReply.failed(1, request.subject() + ": no such mailbox");
                    }
                    boolean activated = store.inTransaction(session -> {
                        session.accounts().setPassword(request.subject(), password);
                        boolean inactive = session.accounts().find(request.subject()).orElseThrow().state() == MailboxState.INACTIVE;
                        if (inactive) {
                            session.accounts().setState(request.subject(), MailboxState.ACTIVE);
                        }
                        return inactive;
                    });
                    yield AdminReply.done("password of " + request.subject() + " changed" + (activated ? "; mailbox activated" : "") + "\n");
                }
                case MAILBOX_RULE, MAILBOX_NOTIFY -> new MailboxSettingsChange(store).execute(request);
                case LOG_QUERY, LOG_EXPORT, LOG_VERIFY -> new LogAdministration(store).execute(request);
                case LIST_MAILBOXES -> AdminReply.done(store.accounts()
                        .list(request.subject().isEmpty() ? Optional.empty() : Optional.of(request.subject())).stream()
                        .map(m -> m.address() + "\t" + m.state().name().toLowerCase(java.util.Locale.ROOT) + "\n")
                        .collect(Collectors.joining()));
            };
        } catch (MailStoreException e) {
            int status = e.reason() == MailStoreException.Reason.INVALID ? 2 : 1;
            return AdminReply.failed(status, request.subject() + ": " + e.getMessage());
        }
    }

    /** With a password the mailbox is active at once; without, it waits for its holder to be given one. */
    private AdminReply addMailbox(String address, Optional<String> password) {
        MailboxState state = password.isPresent() ? MailboxState.ACTIVE : MailboxState.INACTIVE;
        Mailbox created = store.accounts().createMailbox(new NewMailbox(address, password.map(String::toCharArray), state,
                Optional.empty(), 0));
        return AdminReply.done("mailbox " + created.address() + " added (" + state.name().toLowerCase(java.util.Locale.ROOT)
                + (password.isPresent() ? "" : "; set a password with `mailbox passwd` to activate it") + ")\n");
    }
}
