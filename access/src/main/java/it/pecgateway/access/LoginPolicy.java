package it.pecgateway.access;

import it.pecgateway.mailstore.Accounts;
import it.pecgateway.mailstore.Mailbox;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The one place that decides who may log in and how: the password must match; ACTIVE mailboxes read and write;
 * EXPIRED ones (or active ones past their expiry date) only read; INACTIVE and SUSPENDED ones cannot log in.
 * Failures are counted and delayed; sessions per mailbox are capped.
 */
public final class LoginPolicy {

    public enum Outcome { READ_WRITE, READ_ONLY, BAD_CREDENTIALS, DISABLED, TOO_MANY_SESSIONS }

    /** @param delay how long to wait before answering (zero on success) */
    public record Result(Outcome outcome, Optional<Mailbox> mailbox, Duration delay) {
        public boolean loggedIn() {
            return outcome == Outcome.READ_WRITE || outcome == Outcome.READ_ONLY;
        }
    }

    private final Accounts accounts;
    private final LoginThrottle throttle;
    private final ConnectionGate gate;
    private final AccessMetrics metrics;
    private final AccessMetrics.Protocol protocol;
    private final Clock clock;

    public LoginPolicy(Accounts accounts, LoginThrottle throttle, ConnectionGate gate, AccessMetrics metrics,
                       AccessMetrics.Protocol protocol, Clock clock) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.gate = gate;
        this.metrics = metrics;
        this.protocol = protocol;
        this.clock = clock;
    }

    /** Checks the credentials; the password array is wiped. A logged-in result holds a session slot. */
    public Result login(String address, char[] password, InetAddress remote) {
        Optional<Mailbox> found;
        try {
            found = address.isEmpty() || password.length == 0 ? Optional.empty()
                    : accounts.authenticate(address, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        if (found.isEmpty()) {
            metrics.loginFailed(protocol, AccessMetrics.LoginFailure.BAD_CREDENTIALS);
            return new Result(Outcome.BAD_CREDENTIALS, Optional.empty(), throttle.failed(remote));
        }
        Mailbox mailbox = found.get();
        Outcome outcome = access(mailbox);
        if (outcome == Outcome.DISABLED) {
            metrics.loginFailed(protocol, AccessMetrics.LoginFailure.MAILBOX_DISABLED);
            return new Result(outcome, Optional.empty(), Duration.ZERO);
        }
        if (!gate.loggedIn(mailbox.id())) {
            metrics.loginFailed(protocol, AccessMetrics.LoginFailure.TOO_MANY_SESSIONS);
            return new Result(Outcome.TOO_MANY_SESSIONS, Optional.empty(), Duration.ZERO);
        }
        throttle.succeeded(remote);
        metrics.loginSucceeded(protocol);
        return new Result(outcome, Optional.of(mailbox), Duration.ZERO);
    }

    /**
     * Whether a session that logged in read-write ({@code readOnly} false) or read-only may go on with its mailbox
     * as the store has it now (read again: it may have been suspended, deactivated, expired or deleted). A session
     * keeps the rights it logged in with: one whose rights shrank ends, so that its client learns the new ones
     * where IMAP and POP3 announce them (the login reply, SELECT's {@code [READ-ONLY]}) instead of meeting refusals
     * in the middle of a session; one whose rights grew (a renewal) stays read-only until its next login.
     */
    public boolean sessionMayContinue(long mailboxId, boolean readOnly) {
        Outcome now = accounts.findById(mailboxId).map(this::access).orElse(Outcome.DISABLED);
        return now == Outcome.READ_WRITE || now == Outcome.READ_ONLY && readOnly;
    }

    /** Releases the session slot of a logged-in result. */
    public void logout(Mailbox mailbox) {
        gate.loggedOut(mailbox.id());
    }

    private Outcome access(Mailbox mailbox) {
        return switch (mailbox.state()) {
            case ACTIVE -> mailbox.isUsableAt(clock.instant()) ? Outcome.READ_WRITE : Outcome.READ_ONLY;
            case EXPIRED -> Outcome.READ_ONLY;
            case INACTIVE, SUSPENDED -> Outcome.DISABLED;
        };
    }

}
