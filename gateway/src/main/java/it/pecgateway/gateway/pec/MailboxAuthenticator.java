package it.pecgateway.gateway.pec;

import it.pecgateway.gateway.smtp.SubmitterAuthenticator;
import it.pecgateway.mailstore.Accounts;
import it.pecgateway.mailstore.Mailbox;
import java.time.Clock;
import java.util.Optional;

/** Submission credentials checked against the mailstore's accounts; only a usable mailbox may send (issue 5). */
public final class MailboxAuthenticator implements SubmitterAuthenticator {
    private final Accounts accounts;
    private final Clock clock;

    public MailboxAuthenticator(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public Outcome authenticate(String username, char[] password) {
        Optional<Mailbox> mailbox = accounts.authenticate(username, password);
        if (mailbox.isEmpty()) {
            return Outcome.rejected();
        }
        return mailbox.get().isUsableAt(clock.instant()) ? Outcome.accepted(mailbox.get().address()) : Outcome.disabled();
    }
}
