package it.pecgateway.gateway.ops;

import it.pecgateway.gateway.ops.Permissions.Action;
import it.pecgateway.mailstore.Credentials.Credential;
import it.pecgateway.mailstore.Credentials.NewCredential;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * API tokens of operators and postmasters, made by an operator (the CLI on the gateway's host): shown once,
 * stored as their SHA-256, checked on every call. A postmaster token is bound to one hosted domain.
 */
public final class ApiTokens {
    static final String KIND = "api-token";
    static final String TOKEN_PREFIX = "pgw_";
    private static final String OPERATOR = "operator";
    private static final String POSTMASTER = "postmaster:";

    /** A token as listed (never the secret). */
    public record TokenInfo(long id, String name, String role, Optional<String> domain, Instant createdAt,
                            Optional<Instant> expiresAt) { }

    private final OpsContext ctx;

    public ApiTokens(OpsContext ctx) {
        this.ctx = ctx;
    }

    /** @param domain empty for an operator token, the postmaster's domain otherwise. @return the token, shown once */
    public String create(Actor actor, String name, Optional<String> domain, Optional<Duration> validity) {
        Permissions.require(actor, Action.MANAGE_TOKENS, "");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw OpsException.badRequest("a token name is 1 to 64 letters, digits, '.', '_' or '-'");
        }
        Optional<String> d = domain.map(s -> s.toLowerCase(Locale.ROOT));
        if (d.isPresent() && !ctx.store().accounts().hostsDomain(d.get())) {
            throw OpsException.notFound("no hosted domain " + d.get());
        }
        if (list(actor).stream().anyMatch(t -> t.name().equals(name))) {
            throw OpsException.conflict("a token named " + name + " exists already");
        }
        String token = Secrets.newToken(TOKEN_PREFIX);
        Instant now = ctx.now();
        String scope = d.map(x -> POSTMASTER + x).orElse(OPERATOR);
        ctx.store().inTransaction(tx -> {
            tx.credentials().issue(new NewCredential(KIND, Secrets.hash(token), name, scope, "", now, validity.map(now::plus)));
            ctx.log().record(tx, now, actor, OpsEvent.API_TOKEN_CREATED, name, scope + validity.map(v -> ", valid " + v).orElse(""));
            return null;
        });
        return token;
    }

    public List<TokenInfo> list(Actor actor) {
        Permissions.require(actor, Action.MANAGE_TOKENS, "");
        return ctx.store().credentials().list(KIND, Optional.empty(), ctx.now()).stream().map(ApiTokens::info).toList();
    }

    /** Revokes by id or by name. */
    public TokenInfo revoke(Actor actor, String idOrName) {
        TokenInfo t = list(actor).stream().filter(i -> i.name().equals(idOrName) || Long.toString(i.id()).equals(idOrName))
                .findFirst().orElseThrow(() -> OpsException.notFound("no token " + idOrName));
        ctx.store().inTransaction(tx -> {
            tx.credentials().revoke(t.id());
            ctx.log().record(tx, ctx.now(), actor, OpsEvent.API_TOKEN_REVOKED, t.name(), t.role());
            return null;
        });
        return t;
    }

    /** The actor a token stands for. UNAUTHENTICATED when unknown, revoked or expired. */
    public Actor authenticate(String token) {
        Credential c = ctx.store().credentials().find(KIND, Secrets.hash(token), ctx.now())
                .orElseThrow(() -> new OpsException(OpsException.Kind.UNAUTHENTICATED, "the API token is unknown, revoked or expired"));
        return c.scope().startsWith(POSTMASTER) ? new Actor.Postmaster(c.subject(), c.scope().substring(POSTMASTER.length()))
                : new Actor.Operator(c.subject());
    }

    public static boolean looksLikeApiToken(String token) {
        return token.startsWith(TOKEN_PREFIX);
    }

    private static TokenInfo info(Credential c) {
        boolean postmaster = c.scope().startsWith(POSTMASTER);
        return new TokenInfo(c.id(), c.subject(), postmaster ? "postmaster" : OPERATOR,
                postmaster ? Optional.of(c.scope().substring(POSTMASTER.length())) : Optional.empty(), c.createdAt(), c.expiresAt());
    }
}
