package it.pecgateway.gateway.ops;

import it.pecgateway.gateway.smtp.AuthThrottle;
import it.pecgateway.mailstore.Credentials.Credential;
import it.pecgateway.mailstore.Credentials.NewCredential;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.MailboxState;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * A holder logs in with address and password and gets a short-lived session token (stored as its SHA-256, so
 * sessions work on every node of a PostgreSQL cluster). The panel keeps it in a secure cookie and proves each change
 * with the session's CSRF token, derived from the session token (so it needs no storage of its own). Active and
 * expired (read-only) mailboxes may log in; inactive and suspended ones may not. Failures are throttled per
 * client address and per mailbox.
 */
public final class HolderSessions {
    static final String KIND = "holder-session";
    /** The panel's cookie: the {@code __Host-} prefix makes browsers insist on Secure, Path=/ and no Domain. */
    public static final String COOKIE = "__Host-pecgw-session";
    static final String TOKEN_PREFIX = "pgs_";

    /** A new session: the token is given once and never stored. */
    public record Session(String token, String csrf, String address, Instant expiresAt) { }

    /** A session presented with a request. */
    public record Current(Actor.Holder holder, long id, String csrf) { }

    private final OpsContext ctx;
    private final AuthThrottle throttle;

    public HolderSessions(OpsContext ctx, AuthThrottle throttle) {
        this.ctx = ctx;
        this.throttle = throttle;
    }

    public Session login(String address, char[] password, String remoteAddress) {
        try {
            String a = Addresses.parse(address).map(s -> s.toLowerCase(java.util.Locale.ROOT)).orElse("");
            if (throttle.addressLocked(remoteAddress) || (!a.isEmpty() && throttle.accountLocked(a))) {
                throw new OpsException(OpsException.Kind.TOO_MANY_REQUESTS, "too many failed logins: try again later");
            }
            Optional<Mailbox> mailbox = a.isEmpty() || password.length == 0 ? Optional.empty()
                    : ctx.store().accounts().authenticate(a, password);
            if (mailbox.isEmpty()) {
                throttle.failed(remoteAddress, a);
                throw new OpsException(OpsException.Kind.UNAUTHENTICATED, "wrong address or password");
            }
            refuseDisabled(mailbox.get());
            throttle.succeeded(a);
            String token = Secrets.newToken(TOKEN_PREFIX);
            Instant expires = ctx.now().plus(ctx.settings().holderSessionLifetime());
            ctx.store().credentials().issue(new NewCredential(KIND, Secrets.hash(token), mailbox.get().address(), "holder", "",
                    ctx.now(), Optional.of(expires)));
            return new Session(token, csrfOf(token), mailbox.get().address(), expires);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The session of a token, checked against the mailbox's current state. UNAUTHENTICATED or FORBIDDEN otherwise. */
    public Current authenticate(String token) {
        Credential session = ctx.store().credentials().find(KIND, Secrets.hash(token), ctx.now())
                .orElseThrow(() -> new OpsException(OpsException.Kind.UNAUTHENTICATED, "the session is unknown or expired: log in again"));
        Mailbox mailbox = ctx.findMailbox(session.subject())
                .orElseThrow(() -> new OpsException(OpsException.Kind.UNAUTHENTICATED, "the mailbox no longer exists"));
        refuseDisabled(mailbox);
        return new Current(new Actor.Holder(mailbox.address()), session.id(), csrfOf(token));
    }

    public java.time.Duration lifetime() {
        return ctx.settings().holderSessionLifetime();
    }

    public void logout(String token) {
        ctx.store().credentials().consume(KIND, Secrets.hash(token), ctx.now());
    }

    /** The CSRF token of a session: a hash of the session token, which a page of another site cannot know. */
    public static String csrfOf(String token) {
        return Secrets.hash("csrf\n" + token);
    }

    public static boolean looksLikeSession(String token) {
        return token.startsWith(TOKEN_PREFIX);
    }

    private static void refuseDisabled(Mailbox m) {
        if (m.state() == MailboxState.SUSPENDED) {
            throw OpsException.forbidden("the mailbox " + m.address() + " is suspended: contact the provider");
        }
        if (m.state() == MailboxState.INACTIVE) {
            throw OpsException.forbidden("the mailbox " + m.address() + " is not active yet: follow the activation link");
        }
    }
}
