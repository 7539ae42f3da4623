package it.pecgateway.gateway.ops.api;

import it.pecgateway.gateway.http.HttpRequest;
import it.pecgateway.gateway.ops.Actor;
import it.pecgateway.gateway.ops.ApiTokens;
import it.pecgateway.gateway.ops.HolderSessions;
import it.pecgateway.gateway.ops.OpsException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, from the request's credentials, checked on every call: {@code Authorization: Bearer} with an
 * API token ({@code pgw_...}) or a holder session token ({@code pgs_...}), or the panel's session cookie. A request
 * authenticated by the cookie must also carry the session's CSRF token in {@code X-CSRF-Token} unless it only reads:
 * a page of another site can make the browser send the cookie, never the header.
 */
final class Callers {
    static final String COOKIE = HolderSessions.COOKIE;
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> READ_ONLY = Set.of("GET", "HEAD");

    record Caller(Actor actor, Optional<Long> session) { }

    private final ApiTokens tokens;
    private final HolderSessions sessions;

    Callers(ApiTokens tokens, HolderSessions sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    /** Empty when the request carries no credentials at all. */
    Optional<Caller> identify(HttpRequest request) {
        Optional<String> authorization = request.header("authorization");
        if (authorization.isPresent()) {
            String value = authorization.get().trim();
            if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new OpsException(OpsException.Kind.UNAUTHENTICATED, "use Authorization: Bearer <token>");
            }
            String token = value.substring(7).trim();
            if (ApiTokens.looksLikeApiToken(token)) {
                return Optional.of(new Caller(tokens.authenticate(token), Optional.empty()));
            }
            if (HolderSessions.looksLikeSession(token)) {
                HolderSessions.Current s = sessions.authenticate(token);
                return Optional.of(new Caller(s.holder(), Optional.of(s.id())));
            }
            throw new OpsException(OpsException.Kind.UNAUTHENTICATED, "the token is not one of ours");
        }
        Optional<String> cookie = request.cookie(COOKIE);
        if (cookie.isEmpty()) {
            return Optional.empty();
        }
        HolderSessions.Current s = sessions.authenticate(cookie.get());
        if (!READ_ONLY.contains(request.method()) && !sameText(request.header(CSRF_HEADER).orElse(""), s.csrf())) {
            throw OpsException.forbidden("the request lacks the session's CSRF token (" + CSRF_HEADER + ")");
        }
        return Optional.of(new Caller(s.holder(), Optional.of(s.id())));
    }

    /** The session token of the request (bearer or cookie), for logging out. */
    static Optional<String> sessionToken(HttpRequest request) {
        return request.header("authorization").map(v -> v.trim().length() > 7 ? v.trim().substring(7).trim() : "")
                .filter(HolderSessions::looksLikeSession).or(() -> request.cookie(COOKIE));
    }

    private static boolean sameText(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
